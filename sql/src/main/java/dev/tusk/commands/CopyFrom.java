package dev.tusk.commands;

import dev.tusk.catalog.ColumnDesc;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.executor.CompiledExpr;
import dev.tusk.executor.ExecContext;
import dev.tusk.executor.ExpressionCompiler;
import dev.tusk.executor.modify.BulkInsert;
import dev.tusk.utils.adt.SessionFormats;
import dev.tusk.utils.adt.TypeIo;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * COPY ... FROM (PostgreSQL's copyfrom.c): takes the data in chunks, cuts it into records, converts each field
 * with its column type's input function, fills the other columns with their defaults, and inserts the rows
 * through the normal constraint and index path. Memory stays bounded by one record.
 */
public final class CopyFrom {
    private final CommandContext ctx;
    private final RelationDesc rel;
    private final List<Integer> attnums;
    private final CopyOptions options;
    private final CopyCodec codec;
    private final BulkInsert insert;
    private final ExecContext exec;
    private final SessionFormats formats;
    private final Map<Integer, CompiledExpr> defaults = new HashMap<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final StringBuilder record = new StringBuilder();
    private long line;
    /** Binary format: bytes received and not yet consumed; whether the header was read. */
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private boolean binaryHeaderRead;
    private boolean ended;

    public CopyFrom(CommandContext ctx, RelationDesc rel, List<Integer> attnums, CopyOptions options) {
        this.ctx = ctx;
        this.rel = rel;
        this.attnums = attnums;
        this.options = options;
        this.codec = new CopyCodec(options);
        this.exec = ctx.exec(ctx.transaction().statementSnapshot(), new Object[0]);
        this.insert = new BulkInsert(rel, exec);
        this.formats = ctx.functions().formats();
        for (ColumnDesc c : rel.liveColumns()) {
            if (attnums.contains(c.attnum())) {
                continue;
            }
            String expr = c.defaultExpr();
            if (expr == null && c.isIdentity()) {
                int seq = ctx.catalog().ownedSequence(rel.oid(), c.attnum());
                expr = seq == 0 ? null : "nextval(" + seq + "::regclass)";
            }
            if (expr != null) {
                defaults.put(c.attnum(), ExpressionCompiler.analyzeText(expr, rel.name(), rel.columns(),
                        ExpressionCompiler.Use.COLUMN_DEFAULT, c.name(), c.typeOid(), c.typmod(),
                        ctx.planning(new int[0])).compile());
            }
        }
    }

    /** CopyData. */
    public void data(byte[] chunk) {
        if (options.binary()) {
            binary.write(chunk, 0, chunk.length);
            binaryTuples(false);
            return;
        }
        int start = 0;
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i] == '\n') {
                pending.write(chunk, start, i - start);
                lineDone();
                start = i + 1;
            }
        }
        pending.write(chunk, start, chunk.length - start);
    }

    private void lineDone() {
        String text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!record.isEmpty()) {
            record.append('\n');
        }
        record.append(text);
        if (codec.csvOpen(record.toString())) {
            return;
        }
        String r = record.toString();
        record.setLength(0);
        processRecord(r);
    }

    private void processRecord(String r) {
        if (ended) {
            return;
        }
        line++;
        if (r.equals("\\.")) {
            ended = true;
            return;
        }
        if (line == 1 && options.header()) {
            return;
        }
        try {
            processFields(r);
        } catch (TuskException e) {
            if (e.sqlState() == SqlState.QUERY_CANCELED || e.context() != null && e.context().contains("COPY " + rel.name() + ", line ")) {
                throw e;
            }
            // The index insertion reports no line text in PostgreSQL (the row came from the multi-insert buffer).
            throw e.withContext("COPY " + rel.name() + ", line " + line
                    + (e.sqlState() == SqlState.UNIQUE_VIOLATION ? "" : ": \"" + limit(r) + "\""));
        }
    }

    private void processFields(String r) {
        ctx.checkInterrupts();
        List<String> fields = codec.decodeLine(r);
        List<ColumnDesc> cols = rel.columns();
        if (fields.size() > attnums.size() && !(attnums.isEmpty() && fields.size() == 1 && fields.get(0).isEmpty())) {
            throw new TuskException(SqlState.BAD_COPY_FILE_FORMAT, "extra data after last expected column");
        }
        if (fields.size() < attnums.size()) {
            ColumnDesc missing = rel.column(attnums.get(fields.size()));
            throw new TuskException(SqlState.BAD_COPY_FILE_FORMAT,
                    "missing data for column \"" + missing.name() + "\"");
        }
        Object[] row = new Object[cols.size()];
        for (Map.Entry<Integer, CompiledExpr> d : defaults.entrySet()) {
            row[d.getKey() - 1] = d.getValue().evaluate(null, exec);
        }
        for (int i = 0; i < attnums.size(); i++) {
            ColumnDesc c = rel.column(attnums.get(i));
            String f = fields.get(i);
            if (f == null) {
                continue;
            }
            try {
                row[c.attnum() - 1] = TypeIo.textIn(c.typeOid(), f, c.typmod(), formats);
            } catch (TuskException e) {
                throw context(e, f, c.name());
            }
        }
        insert.insert(row);
    }

    /** CopyFromErrorCallback's CONTEXT line for a value of column {@code column} that did not convert. */
    private TuskException context(TuskException e, String text, String column) {
        return e.withContext("COPY " + rel.name() + ", line " + line + ", column " + column + ": \"" + limit(text)
                + "\"");
    }

    /** limit_printout_length: at most 100 characters of the data, then "...". */
    private static String limit(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "...";
    }

    /**
     * The binary format (CopyReadBinaryTuple): the signature, flags and header extension, then per tuple an int16
     * field count and per field an int32 length (-1 = NULL) and the type's receive() bytes, then the int16 -1
     * trailer. Consumes every complete tuple buffered so far; at the end, leftover bytes are an error.
     */
    private void binaryTuples(boolean atEnd) {
        byte[] buf = binary.toByteArray();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(buf);
        if (!binaryHeaderRead) {
            if (buf.length < CopyTo.BINARY_SIGNATURE.length + 8) {
                if (atEnd) {
                    throw binaryError("COPY file signature not recognized");
                }
                return;
            }
            byte[] sig = new byte[CopyTo.BINARY_SIGNATURE.length];
            b.get(sig);
            if (!java.util.Arrays.equals(sig, CopyTo.BINARY_SIGNATURE)) {
                throw binaryError("COPY file signature not recognized");
            }
            int flags = b.getInt();
            if ((flags & (1 << 16)) != 0) {
                throw binaryError("invalid COPY file header (WITH OIDS)");
            }
            if ((flags >>> 17) != 0) {
                throw binaryError("unrecognized critical flags in COPY file header");
            }
            int ext = b.getInt();
            if (ext < 0 || b.remaining() < ext) {
                if (ext < 0 || atEnd) {
                    throw binaryError("invalid COPY file header (missing length)");
                }
                return;
            }
            b.position(b.position() + ext);
            binaryHeaderRead = true;
        }
        while (!ended) {
            int start = b.position();
            Object[] fields = nextBinaryTuple(b);
            if (fields == null) {
                b.position(start);
                break;
            }
            line++;
            try {
                insertRow(fields, true);
            } catch (TuskException e) {
                if (e.sqlState() == SqlState.QUERY_CANCELED
                        || e.context() != null && e.context().contains("COPY " + rel.name() + ", line ")) {
                    throw e;
                }
                throw e.withContext("COPY " + rel.name() + ", line " + line);
            }
        }
        byte[] rest = java.util.Arrays.copyOfRange(buf, b.position(), buf.length);
        binary.reset();
        binary.write(rest, 0, rest.length);
        if (atEnd && !ended && rest.length > 0) {
            // A missing trailer at a tuple boundary is accepted, as PostgreSQL does at protocol-level EOF.
            throw binaryError("unexpected EOF in COPY data");
        }
    }

    /** One tuple's raw field bytes (null entries for NULL), or null when it is not complete yet. */
    private Object[] nextBinaryTuple(java.nio.ByteBuffer b) {
        if (b.remaining() < 2) {
            return null;
        }
        short count = b.getShort();
        if (count == -1) {
            ended = true;
            return null;
        }
        if (count != attnums.size()) {
            throw binaryError("row field count is " + count + ", expected " + attnums.size())
                    .withContext("COPY " + rel.name() + ", line " + (line + 1));
        }
        Object[] out = new Object[count];
        for (int i = 0; i < count; i++) {
            if (b.remaining() < 4) {
                return null;
            }
            int len = b.getInt();
            if (len == -1) {
                continue;
            }
            if (len < 0) {
                throw binaryError("invalid field size");
            }
            if (b.remaining() < len) {
                return null;
            }
            byte[] v = new byte[len];
            b.get(v);
            out[i] = v;
        }
        return out;
    }

    private static TuskException binaryError(String message) {
        return new TuskException(SqlState.BAD_COPY_FILE_FORMAT, message);
    }

    /** Builds the row from converted fields (binary: byte[] per field) plus defaults and inserts it. */
    private void insertRow(Object[] fields, boolean binaryFields) {
        ctx.checkInterrupts();
        Object[] row = new Object[rel.columns().size()];
        for (Map.Entry<Integer, CompiledExpr> d : defaults.entrySet()) {
            row[d.getKey() - 1] = d.getValue().evaluate(null, exec);
        }
        for (int i = 0; i < attnums.size(); i++) {
            ColumnDesc c = rel.column(attnums.get(i));
            if (fields[i] == null) {
                continue;
            }
            try {
                row[c.attnum() - 1] = TypeIo.binaryIn(c.typeOid(), (byte[]) fields[i], c.typmod(), formats);
            } catch (TuskException e) {
                throw e.withContext("COPY " + rel.name() + ", line " + line + ", column " + c.name());
            }
        }
        insert.insert(row);
    }

    /** CopyDone: the last record, the foreign-key checks; returns the row count. */
    public long finish() {
        if (options.binary()) {
            binaryTuples(true);
            insert.finish();
            return insert.count();
        }
        if (pending.size() > 0) {
            lineDone();
        }
        if (!record.isEmpty()) {
            if (options.csv()) {
                throw new TuskException(SqlState.BAD_COPY_FILE_FORMAT, "unterminated CSV quoted field");
            }
            String r = record.toString();
            record.setLength(0);
            processRecord(r);
        }
        insert.finish();
        return insert.count();
    }
}
