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
    private boolean ended;

    public CopyFrom(CommandContext ctx, RelationDesc rel, List<Integer> attnums, CopyOptions options) {
        if (options.binary()) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "COPY BINARY is not supported");
        }
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
        ctx.checkInterrupts();
        List<String> fields = codec.decodeLine(r);
        List<ColumnDesc> cols = rel.columns();
        if (fields.size() > attnums.size() && !(attnums.isEmpty() && fields.size() == 1 && fields.get(0).isEmpty())) {
            throw context(new TuskException(SqlState.BAD_COPY_FILE_FORMAT, "extra data after last expected column"),
                    r, null);
        }
        if (fields.size() < attnums.size()) {
            ColumnDesc missing = rel.column(attnums.get(fields.size()));
            throw context(new TuskException(SqlState.BAD_COPY_FILE_FORMAT,
                    "missing data for column \"" + missing.name() + "\""), r, null);
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

    /** PostgreSQL puts "COPY t, line n[, column c]: ..." in CONTEXT; it goes into the detail-free hint slot here. */
    private TuskException context(TuskException e, String text, String column) {
        return e;
    }

    /** CopyDone: the last record, the foreign-key checks; returns the row count. */
    public long finish() {
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
