package dev.tusk.catalog;

import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapRelation;
import dev.tusk.access.heap.HeapScan;
import dev.tusk.access.heap.HeapTuple;
import dev.tusk.access.heap.ItemPointer;
import dev.tusk.access.heap.TmResult;
import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.time.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Row-level access to one catalog table of one database ({@code CatalogTupleInsert}/{@code Update}/
 * {@code Delete} and {@code systable_beginscan} without catalog indexes): converts between SQL carriers and
 * stored values and performs heap operations in the caller's transaction.
 */
final class CatalogHeap {
    private final HeapAm heap;
    private final CatalogTable table;
    private final HeapRelation rel;

    CatalogHeap(HeapAm heap, CatalogTable table, int dbOid) {
        this.heap = heap;
        this.table = table;
        this.rel = new HeapRelation(locator(table, dbOid), tupleDesc(table));
    }

    /** Where a catalog's file lives: {@code global/<oid>} for shared catalogs, else {@code base/<db>/<oid>}. */
    static RelFileLocator locator(CatalogTable table, int dbOid) {
        return table.shared() ? new RelFileLocator(RelFileLocator.GLOBALTABLESPACE_OID, 0, table.oid())
                : RelFileLocator.of(dbOid, table.oid());
    }

    static TupleDesc tupleDesc(CatalogTable table) {
        List<Attribute> attrs = new ArrayList<>();
        for (CatalogTable.CatalogColumn c : table.columns()) {
            attrs.add(new Attribute(c.name(), CatalogTypes.attrType(c.typeOid()), c.notNull()));
        }
        return new TupleDesc(attrs);
    }

    CatalogTable table() {
        return table;
    }

    HeapRelation relation() {
        return rel;
    }

    /** Every row {@code snap} sees. */
    List<CatalogRow> scan(Snapshot snap) {
        return scan(snap, r -> true);
    }

    /** The rows {@code snap} sees that satisfy {@code filter}. */
    List<CatalogRow> scan(Snapshot snap, Predicate<CatalogRow> filter) {
        List<CatalogRow> out = new ArrayList<>();
        try (HeapScan s = heap.scan(rel, snap)) {
            while (s.hasNext()) {
                HeapTuple t = s.next();
                CatalogRow row = CatalogRow.of(table, fromStorage(t.values()), t.tid());
                if (filter.test(row)) {
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** CatalogTupleInsert. */
    ItemPointer insert(Transaction tx, CatalogRow row) {
        return heap.insert(tx, rel, toStorage(row.values()));
    }

    /** CatalogTupleUpdate: replaces the row version {@code row} was read from. */
    void update(Transaction tx, CatalogRow row) {
        TmResult r = heap.update(tx, rel, row.tid(), toStorage(row.values()), false);
        check(r);
    }

    /** CatalogTupleDelete. */
    void delete(Transaction tx, CatalogRow row) {
        check(heap.delete(tx, rel, row.tid()));
    }

    private static void check(TmResult r) {
        if (r instanceof TmResult.Ok || r instanceof TmResult.SelfModified) {
            return;
        }
        // simple_heap_update's "tuple concurrently updated": another transaction changed the same catalog row.
        throw new TuskException(SqlState.INTERNAL_ERROR, "tuple concurrently updated");
    }

    private Object[] toStorage(Object[] values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = CatalogTypes.toStorage(table.columns().get(i).typeOid(), values[i]);
        }
        return out;
    }

    private Object[] fromStorage(Object[] stored) {
        Object[] out = new Object[table.natts()];
        for (int i = 0; i < out.length; i++) {
            out[i] = i < stored.length ? CatalogTypes.fromStorage(table.columns().get(i).typeOid(), stored[i]) : null;
        }
        return out;
    }
}
