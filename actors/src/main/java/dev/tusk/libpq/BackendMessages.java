package dev.tusk.libpq;

import dev.tusk.tcop.ResultColumn;
import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.TuskException;
import java.util.List;

/**
 * Encoders of every backend message of protocol 3.0 (PostgreSQL's {@code pqformat.c} users in
 * {@code postgres.c}, {@code auth.c}, {@code elog.c}, {@code printtup.c}, {@code copy*.c}).
 */
public final class BackendMessages {
    private static final int AUTH_OK = 0;
    private static final int AUTH_CLEARTEXT = 3;
    private static final int AUTH_MD5 = 5;
    private static final int AUTH_SASL = 10;
    private static final int AUTH_SASL_CONTINUE = 11;
    private static final int AUTH_SASL_FINAL = 12;

    private BackendMessages() {
    }

    /** The single byte answering SSLRequest and GSSENCRequest: no encryption. */
    public static void encryptionDeclined(PqBuffer out) {
        out.byte1('N');
    }

    public static void authenticationOk(PqBuffer out) {
        authentication(out, AUTH_OK, null);
    }

    public static void authenticationCleartextPassword(PqBuffer out) {
        authentication(out, AUTH_CLEARTEXT, null);
    }

    public static void authenticationMd5Password(PqBuffer out, byte[] salt) {
        authentication(out, AUTH_MD5, salt);
    }

    /** AuthenticationSASL with the mechanism names, each null-terminated, then an empty name. */
    public static void authenticationSasl(PqBuffer out, List<String> mechanisms) {
        int start = out.beginMessage('R');
        out.int32(AUTH_SASL);
        mechanisms.forEach(out::string);
        out.byte1(0);
        out.endMessage(start);
    }

    public static void authenticationSaslContinue(PqBuffer out, byte[] data) {
        authentication(out, AUTH_SASL_CONTINUE, data);
    }

    public static void authenticationSaslFinal(PqBuffer out, byte[] data) {
        authentication(out, AUTH_SASL_FINAL, data);
    }

    private static void authentication(PqBuffer out, int code, byte[] extra) {
        int start = out.beginMessage('R');
        out.int32(code);
        if (extra != null) {
            out.bytes(extra);
        }
        out.endMessage(start);
    }

    public static void parameterStatus(PqBuffer out, String name, String value) {
        int start = out.beginMessage('S');
        out.string(name).string(value);
        out.endMessage(start);
    }

    public static void backendKeyData(PqBuffer out, int processId, int secretKey) {
        int start = out.beginMessage('K');
        out.int32(processId).int32(secretKey);
        out.endMessage(start);
    }

    public static void negotiateProtocolVersion(PqBuffer out, List<String> unrecognizedOptions) {
        int start = out.beginMessage('v');
        out.int32(3 << 16).int32(unrecognizedOptions.size());
        unrecognizedOptions.forEach(out::string);
        out.endMessage(start);
    }

    public static void readyForQuery(PqBuffer out, char transactionStatus) {
        int start = out.beginMessage('Z');
        out.byte1(transactionStatus);
        out.endMessage(start);
    }

    public static void rowDescription(PqBuffer out, List<ResultColumn> columns) {
        int start = out.beginMessage('T');
        out.int16(columns.size());
        for (ResultColumn c : columns) {
            out.string(c.name()).int32(c.tableOid()).int16(c.columnNumber()).int32(c.typeOid())
                    .int16(c.typeLength()).int32(c.typeModifier()).int16(c.format());
        }
        out.endMessage(start);
    }

    /** DataRow: a null field is length -1. */
    public static void dataRow(PqBuffer out, byte[][] fields) {
        int start = out.beginMessage('D');
        out.int16(fields.length);
        for (byte[] f : fields) {
            if (f == null) {
                out.int32(-1);
            } else {
                out.int32(f.length).bytes(f);
            }
        }
        out.endMessage(start);
    }

    public static void commandComplete(PqBuffer out, String tag) {
        int start = out.beginMessage('C');
        out.string(tag);
        out.endMessage(start);
    }

    public static void emptyQueryResponse(PqBuffer out) {
        empty(out, 'I');
    }

    public static void parseComplete(PqBuffer out) {
        empty(out, '1');
    }

    public static void bindComplete(PqBuffer out) {
        empty(out, '2');
    }

    public static void closeComplete(PqBuffer out) {
        empty(out, '3');
    }

    public static void noData(PqBuffer out) {
        empty(out, 'n');
    }

    public static void portalSuspended(PqBuffer out) {
        empty(out, 's');
    }

    public static void copyDone(PqBuffer out) {
        empty(out, 'c');
    }

    private static void empty(PqBuffer out, char type) {
        int start = out.beginMessage(type);
        out.endMessage(start);
    }

    public static void parameterDescription(PqBuffer out, int[] typeOids) {
        int start = out.beginMessage('t');
        out.int16(typeOids.length);
        for (int oid : typeOids) {
            out.int32(oid);
        }
        out.endMessage(start);
    }

    public static void copyInResponse(PqBuffer out, int format, int columns) {
        copyResponse(out, 'G', format, columns);
    }

    public static void copyOutResponse(PqBuffer out, int format, int columns) {
        copyResponse(out, 'H', format, columns);
    }

    private static void copyResponse(PqBuffer out, char type, int format, int columns) {
        int start = out.beginMessage(type);
        out.byte1(format).int16(columns);
        for (int i = 0; i < columns; i++) {
            out.int16(format);
        }
        out.endMessage(start);
    }

    public static void copyData(PqBuffer out, byte[] data) {
        int start = out.beginMessage('d');
        out.bytes(data);
        out.endMessage(start);
    }

    /** ErrorResponse for ERROR, FATAL and PANIC; NoticeResponse for anything milder. */
    public static void errorOrNotice(PqBuffer out, TuskException e) {
        Severity s = e.severity();
        boolean error = s == Severity.ERROR || s == Severity.FATAL || s == Severity.PANIC;
        errorFields(out, error ? 'E' : 'N', e, s);
    }

    /** ErrorResponse with the severity forced (an error raised during startup is FATAL). */
    public static void errorResponse(PqBuffer out, TuskException e, Severity severity) {
        errorFields(out, 'E', e, severity);
    }

    private static void errorFields(PqBuffer out, char type, TuskException e, Severity severity) {
        int start = out.beginMessage(type);
        field(out, 'S', severity.name());
        field(out, 'V', severity.name());
        field(out, 'C', e.sqlState().code());
        field(out, 'M', e.getMessage());
        field(out, 'D', e.detail());
        field(out, 'H', e.hint());
        if (e.position() > 0) {
            field(out, 'P', Integer.toString(e.position()));
        }
        field(out, 'W', e.context());
        TuskException.ErrorObjects objects = e.objects();
        field(out, 's', objects.schema());
        field(out, 't', objects.table());
        field(out, 'c', objects.column());
        field(out, 'd', objects.dataType());
        field(out, 'n', objects.constraint());
        StackTraceElement origin = origin(e.getStackTrace());
        if (origin != null) {
            // Where the report came from, as PostgreSQL names the C file, line and function.
            field(out, 'F', origin.getFileName());
            field(out, 'L', Integer.toString(Math.max(origin.getLineNumber(), 0)));
            field(out, 'R', origin.getMethodName());
        }
        out.byte1(0);
        out.endMessage(start);
    }

    /** The first frame outside the error factories (classes named *Errors) and TuskException itself. */
    private static StackTraceElement origin(StackTraceElement[] trace) {
        for (StackTraceElement frame : trace) {
            String cls = frame.getClassName();
            if (!cls.endsWith("Errors") && !cls.startsWith("dev.tusk.utils.error.") && frame.getFileName() != null) {
                return frame;
            }
        }
        return null;
    }

    private static void field(PqBuffer out, char code, String value) {
        if (value != null) {
            out.byte1(code).string(value);
        }
    }
}
