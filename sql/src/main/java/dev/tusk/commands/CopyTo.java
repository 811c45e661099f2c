package dev.tusk.commands;

import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapScan;
import dev.tusk.access.heap.HeapTuple;
import dev.tusk.catalog.ColumnDesc;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.executor.PlannedQuery;
import dev.tusk.executor.PlannedStatement;
import dev.tusk.executor.RowCursor;
import dev.tusk.nodes.Stmt;
import dev.tusk.optimizer.QueryPlanner;
import dev.tusk.tcop.ResultColumn;
import dev.tusk.utils.adt.SessionFormats;
import dev.tusk.utils.adt.TypeIo;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * COPY ... TO (PostgreSQL's copyto.c): a table's rows (or a query's) in text or CSV format, one output chunk per
 * row so a large table streams.
 */
public final class CopyTo {
    private CopyTo() {
    }

    /** The source: a table with the chosen columns, or a planned query. */
    public record Source(RelationDesc table, List<Integer> attnums, PlannedQuery query) {
        public int columnCount() {
            return query != null ? query.columns().size() : attnums.size();
        }

        List<String> names() {
            List<String> out = new ArrayList<>();
            if (query != null) {
                for (ResultColumn c : query.columns()) {
                    out.add(c.name());
                }
            } else {
                for (Integer a : attnums) {
                    out.add(table.column(a).name());
                }
            }
            return out;
        }
    }

    public static Source tableSource(CommandContext ctx, RelationDesc rel, List<String> columns) {
        if (rel.isView()) {
            throw new TuskException(SqlState.WRONG_OBJECT_TYPE, "cannot copy from view \"" + rel.name() + "\"")
                    .withHint("Try the COPY (SELECT ...) TO variant.");
        }
        if (!rel.isTable()) {
            throw new TuskException(SqlState.WRONG_OBJECT_TYPE, "cannot copy from "
                    + (rel.relkind() == 'S' ? "sequence" : "relation") + " \"" + rel.name() + "\"");
        }
        return new Source(rel, columnList(rel, columns), null);
    }

    public static Source querySource(CommandContext ctx, Stmt query) {
        PlannedStatement p = QueryPlanner.plan(query, ctx.planning(new int[0]));
        if (!(p instanceof PlannedQuery q)) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED,
                    "COPY query must have a RETURNING clause");
        }
        return new Source(null, List.of(), q);
    }

    /** The attnums COPY works on: the named columns, or every live column. */
    public static List<Integer> columnList(RelationDesc rel, List<String> columns) {
        List<Integer> out = new ArrayList<>();
        if (columns.isEmpty()) {
            for (ColumnDesc c : rel.liveColumns()) {
                out.add(c.attnum());
            }
            return out;
        }
        for (String name : columns) {
            ColumnDesc c = rel.column(name);
            if (c == null) {
                throw new TuskException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \""
                        + rel.name() + "\" does not exist");
            }
            if (out.contains(c.attnum())) {
                throw new TuskException(SqlState.DUPLICATE_COLUMN, "column \"" + name + "\" specified more than once");
            }
            out.add(c.attnum());
        }
        return out;
    }

    /** Writes every row to {@code out} (one chunk per line); returns the row count. */
    public static long run(CommandContext ctx, Source src, CopyOptions o, Consumer<byte[]> out) {
        if (o.binary()) {
            return runBinary(ctx, src, out);
        }
        CopyCodec codec = new CopyCodec(o);
        SessionFormats formats = ctx.functions().formats();
        List<String> names = src.names();
        boolean[] force = new boolean[names.size()];
        for (int i = 0; i < force.length; i++) {
            force[i] = o.forceQuoteAll() || o.forceQuote().contains(names.get(i));
        }
        if (o.header()) {
            out.accept(codec.encodeLine(names, null).getBytes(StandardCharsets.UTF_8));
        }
        long n = 0;
        if (src.query() != null) {
            int[] types = src.query().columns().stream().mapToInt(ResultColumn::typeOid).toArray();
            try (RowCursor cur = src.query().open(ctx.exec(ctx.transaction().statementSnapshot(), new Object[0]))) {
                Object[] row;
                while ((row = cur.next()) != null) {
                    out.accept(line(codec, types, row, formats, force));
                    n++;
                }
            }
            return n;
        }
        RelationDesc rel = src.table();
        int[] types = new int[src.attnums().size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = rel.column(src.attnums().get(i)).typeOid();
        }
        HeapAm heap = new HeapAm(ctx.storage().buffers(), ctx.storage().smgr(), ctx.storage().transactions());
        try (HeapScan scan = heap.scan(rel.heapRelation(), ctx.transaction().statementSnapshot())) {
            while (scan.hasNext()) {
                HeapTuple t = scan.next();
                Object[] all = Constraints.sqlRow(rel, t.values());
                Object[] row = new Object[types.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = all[src.attnums().get(i) - 1];
                }
                if ((n & 1023) == 0) {
                    ctx.checkInterrupts();
                }
                out.accept(line(codec, types, row, formats, force));
                n++;
            }
        }
        return n;
    }

    /** The binary format's 11-byte signature, then the flags and header-extension length (both 0). */
    static final byte[] BINARY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    /** COPY ... TO ... (FORMAT binary): header, one chunk per tuple (field count, then length + send() bytes), trailer. */
    private static long runBinary(CommandContext ctx, Source src, Consumer<byte[]> out) {
        SessionFormats formats = ctx.functions().formats();
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(BINARY_SIGNATURE.length + 8);
        header.put(BINARY_SIGNATURE).putInt(0).putInt(0);
        out.accept(header.array());
        int[] types;
        long n = 0;
        if (src.query() != null) {
            types = src.query().columns().stream().mapToInt(ResultColumn::typeOid).toArray();
            try (RowCursor cur = src.query().open(ctx.exec(ctx.transaction().statementSnapshot(), new Object[0]))) {
                Object[] row;
                while ((row = cur.next()) != null) {
                    out.accept(binaryTuple(types, row, formats));
                    n++;
                }
            }
        } else {
            RelationDesc rel = src.table();
            types = new int[src.attnums().size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = rel.column(src.attnums().get(i)).typeOid();
            }
            HeapAm heap = new HeapAm(ctx.storage().buffers(), ctx.storage().smgr(), ctx.storage().transactions());
            try (HeapScan scan = heap.scan(rel.heapRelation(), ctx.transaction().statementSnapshot())) {
                while (scan.hasNext()) {
                    Object[] all = Constraints.sqlRow(rel, scan.next().values());
                    Object[] row = new Object[types.length];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = all[src.attnums().get(i) - 1];
                    }
                    if ((n & 1023) == 0) {
                        ctx.checkInterrupts();
                    }
                    out.accept(binaryTuple(types, row, formats));
                    n++;
                }
            }
        }
        out.accept(new byte[] {(byte) 0xff, (byte) 0xff});
        return n;
    }

    private static byte[] binaryTuple(int[] types, Object[] row, SessionFormats formats) {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream d = new java.io.DataOutputStream(buf);
        try {
            d.writeShort(row.length);
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    d.writeInt(-1);
                } else {
                    byte[] b = TypeIo.binaryOut(types[i], row[i], formats);
                    d.writeInt(b.length);
                    d.write(b);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    private static byte[] line(CopyCodec codec, int[] types, Object[] row, SessionFormats formats, boolean[] force) {
        List<String> fields = new ArrayList<>(row.length);
        for (int i = 0; i < row.length; i++) {
            fields.add(row[i] == null ? null : TypeIo.textOut(types[i], row[i], formats));
        }
        return codec.encodeLine(fields, force).getBytes(StandardCharsets.UTF_8);
    }
}
