package dev.tusk.libpq;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the typed messages of an established session (PostgreSQL's {@code PostgresMain} message switch with
 * {@code exec_parse_message}, {@code exec_bind_message}... field reading). Structural problems (short bodies,
 * missing terminators, negative counts, leftover bytes) throw FATAL 08P01; a type that is not valid in this
 * state throws "invalid frontend message type".
 */
public final class MessageDecoder {
    private MessageDecoder() {
    }

    public static FrontendMessage decode(PqFrame.Message frame) {
        PqMessageReader in = new PqMessageReader(frame.body());
        int type = frame.typeChar();
        FrontendMessage message = switch (type) {
            case 'Q' -> new FrontendMessage.Query(in.string());
            case 'P' -> parse(in);
            case 'B' -> bind(in);
            case 'D' -> new FrontendMessage.Describe((char) in.int8(), in.string());
            case 'E' -> new FrontendMessage.Execute(in.string(), in.int32());
            case 'C' -> new FrontendMessage.Close((char) in.int8(), in.string());
            case 'S' -> new FrontendMessage.Sync();
            case 'H' -> new FrontendMessage.Flush();
            case 'X' -> new FrontendMessage.Terminate();
            case 'd' -> new FrontendMessage.CopyData(in.rest());
            case 'c' -> new FrontendMessage.CopyDone();
            case 'f' -> new FrontendMessage.CopyFail(in.string());
            case 'F' -> {
                in.rest();
                yield new FrontendMessage.FunctionCall();
            }
            default -> throw ProtocolErrors.invalidFrontendMessageType(type);
        };
        in.end();
        return message;
    }

    /** Whether {@code type} is a message of an established session ('p' belongs to authentication only). */
    public static boolean isSessionMessage(int type) {
        return "QPBDECSHXdcfF".indexOf(type) >= 0;
    }

    private static FrontendMessage parse(PqMessageReader in) {
        String name = in.string();
        String sql = in.string();
        int count = count(in, 4);
        int[] oids = new int[count];
        for (int i = 0; i < count; i++) {
            oids[i] = in.int32();
        }
        return new FrontendMessage.Parse(name, sql, oids);
    }

    private static FrontendMessage bind(PqMessageReader in) {
        String portal = in.string();
        String statement = in.string();
        short[] formats = formats(in);
        int count = count(in, 4);
        List<byte[]> params = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = in.int32();
            params.add(length == -1 ? null : in.bytes(length));
        }
        short[] resultFormats = formats(in);
        return new FrontendMessage.Bind(portal, statement, formats, params, resultFormats);
    }

    private static short[] formats(PqMessageReader in) {
        int count = count(in, 2);
        short[] formats = new short[count];
        for (int i = 0; i < count; i++) {
            formats[i] = in.int16();
            if (formats[i] != 0 && formats[i] != 1) {
                throw ProtocolErrors.unsupportedFormatCode(formats[i]);
            }
        }
        return formats;
    }

    /** An int16 count whose entries of at least {@code entryBytes} each must fit in what is left. */
    private static int count(PqMessageReader in, int entryBytes) {
        int count = in.int16() & 0xFFFF;
        if ((long) count * entryBytes > in.remaining()) {
            throw ProtocolErrors.invalidMessageFormat();
        }
        return count;
    }
}
