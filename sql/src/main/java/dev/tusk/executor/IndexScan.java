package dev.tusk.executor;

import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapTuple;
import dev.tusk.access.heap.ItemPointer;
import dev.tusk.access.nbtree.BTScan;
import dev.tusk.access.nbtree.BTree;
import dev.tusk.access.nbtree.IndexEntry;
import dev.tusk.catalog.IndexDesc;
import dev.tusk.catalog.RelationDesc;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * A B-tree index scan (PostgreSQL's nodeIndexscan.c) on the leading key column: bounds from
 * {@code col op value} quals (evaluated once at start, so parameters work), heap rows fetched by TID along
 * their HOT chain under the snapshot, then every qual rechecked. Output as {@link SeqScan}. A NULL bound value
 * makes the scan return nothing (no comparison with NULL is true).
 *
 * @param lower      lower bound value (SQL carrier of the column type) or null for none
 * @param upper      upper bound or null
 * @param keyType    the leading key column's type (for the storage conversion of bound values)
 */
public record IndexScan(RelationDesc relation, IndexDesc index, Evaluator lower, boolean lowerInclusive,
        Evaluator upper, boolean upperInclusive, int keyType, BiPredicate<Object[], ExecState> qual,
        String boundText, String alias) implements Plan {
    /** A scan whose range-table entry is named like the table. */
    public IndexScan(RelationDesc relation, IndexDesc index, Evaluator lower, boolean lowerInclusive,
            Evaluator upper, boolean upperInclusive, int keyType, BiPredicate<Object[], ExecState> qual,
            String boundText) {
        this(relation, index, lower, lowerInclusive, upper, upperInclusive, keyType, qual, boundText, null);
    }

    @Override
    public ExecNode start(ExecState st) {
        ExecContext ctx = st.context();
        Object lo = lower == null ? null : lower.eval(new Object[0], st);
        Object hi = upper == null ? null : upper.eval(new Object[0], st);
        if ((lower != null && lo == null) || (upper != null && hi == null)) {
            return Empty.NODE;
        }
        BTree tree = BTree.open(ctx.storage().buffers(), ctx.storage().wal(), index.indexRelation());
        BTScan.Bound lb = lower == null ? null
                : new BTScan.Bound(new Object[] {StorageCarriers.toStorage(keyType, lo)}, lowerInclusive);
        BTScan.Bound ub = upper == null ? null
                : new BTScan.Bound(new Object[] {StorageCarriers.toStorage(keyType, hi)}, upperInclusive);
        boolean descending = !index.orders().isEmpty() && index.orders().get(0).descending();
        // On a DESC column the index order is reversed: the SQL lower bound is the scan's upper one.
        BTScan scan = descending ? tree.scan(ub, lb, BTScan.Direction.FORWARD)
                : tree.scan(lb, ub, BTScan.Direction.FORWARD);
        HeapAm heap = ctx.heap();
        int[] types = StorageCarriers.columnTypes(relation);
        return new ExecNode() {
            @Override
            public Object[] next() {
                while (scan.hasNext()) {
                    IndexEntry e = scan.next();
                    st.tick();
                    if (e.values()[0] == null) {
                        continue;
                    }
                    HeapTuple t = heap.hotSearch(relation.heapRelation(), ItemPointer.fromPacked(e.heapTid()),
                            ctx.snapshot());
                    if (t == null) {
                        continue;
                    }
                    Object[] row = ScanRows.fromTuple(t, types);
                    if (ScanRows.passes(qual, row, st)) {
                        return row;
                    }
                }
                return null;
            }

            @Override
            public void close() {
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
        return "Index Scan using " + index.name() + " on " + relation.name() + " (" + boundText + ")";
    }
}
