package dev.tusk.executor;

import dev.tusk.access.heap.HeapScan;
import dev.tusk.access.heap.HeapTuple;
import dev.tusk.catalog.RelationDesc;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * A sequential scan (PostgreSQL's nodeSeqscan.c) under the execution's snapshot. Output row: every column in
 * attnum order (SQL carriers, dropped columns null), then the ctid. Streams page by page; {@code qual} (may be
 * null) filters rows before they leave the node.
 */
public record SeqScan(RelationDesc relation, BiPredicate<Object[], ExecState> qual, String qualText, String alias)
        implements Plan {
    /** A scan whose range-table entry is named like the table. */
    public SeqScan(RelationDesc relation, BiPredicate<Object[], ExecState> qual, String qualText) {
        this(relation, qual, qualText, null);
    }

    @Override
    public ExecNode start(ExecState st) {
        int[] types = StorageCarriers.columnTypes(relation);
        HeapScan scan = st.context().heap().scan(relation.heapRelation(), st.context().snapshot());
        return new ExecNode() {
            @Override
            public Object[] next() {
                while (scan.hasNext()) {
                    HeapTuple t = scan.next();
                    st.tick();
                    Object[] row = ScanRows.fromTuple(t, types);
                    if (ScanRows.passes(qual, row, st)) {
                        return row;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                scan.close();
            }
        };
    }

    @Override
    public int width() {
        return relation.columns().size() + 1;
    }

    @Override
    public List<Plan> children() {
        return List.of();
    }

    @Override
    public String describe() {
        return "Seq Scan on " + relation.name() + (qualText == null ? "" : " (filter: " + qualText + ")");
    }
}
