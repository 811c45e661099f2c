package dev.tusk.commands;

import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapScan;
import dev.tusk.access.heap.HeapTuple;
import dev.tusk.access.nbtree.IndexEntry;
import dev.tusk.access.nbtree.IndexKeyDesc;
import dev.tusk.catalog.ColumnDesc;
import dev.tusk.catalog.IndexDesc;
import dev.tusk.catalog.NewIndex;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.executor.StorageCarriers;
import dev.tusk.utils.adt.TypeIo;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;

/**
 * index_build for a B-tree over a table's current rows (PostgreSQL's btbuild through index_create): reads the
 * rows every running transaction could still need (those the current snapshot sees), sorts the keys, rejects
 * duplicates for a unique index with PostgreSQL's message, and has the catalog create the index from the sorted
 * entries.
 */
public final class IndexBuilder {
    private IndexBuilder() {
    }

    public static IndexDesc build(CommandContext ctx, RelationDesc rel, NewIndex index) {
        List<IndexKeyDesc.ColumnOrder> orders = index.orders();
        List<Attribute> attrs = new ArrayList<>();
        for (Integer a : index.keyAttnums()) {
            attrs.add(rel.storageDesc().attr(a - 1));
        }
        IndexKeyDesc keys = IndexKeyDesc.of(new TupleDesc(attrs), orders.toArray(IndexKeyDesc.ColumnOrder[]::new));
        List<IndexEntry> entries = new ArrayList<>();
        HeapAm heap = new HeapAm(ctx.storage().buffers(), ctx.storage().smgr(), ctx.storage().transactions());
        try (HeapScan scan = heap.scan(rel.heapRelation(), ctx.transaction().currentSnapshot())) {
            while (scan.hasNext()) {
                HeapTuple t = scan.next();
                Object[] key = new Object[index.keyAttnums().size()];
                for (int i = 0; i < key.length; i++) {
                    int a = index.keyAttnums().get(i);
                    key[i] = a - 1 < t.values().length ? t.values()[a - 1] : null;
                }
                entries.add(new IndexEntry(key, t.tid().packed()));
            }
        }
        entries.sort((x, y) -> {
            int c = keys.comparePrefix(x.values(), y.values(), keys.natts());
            return c != 0 ? c : Long.compare(x.heapTid(), y.heapTid());
        });
        if (index.unique()) {
            for (int i = 1; i < entries.size(); i++) {
                Object[] a = entries.get(i - 1).values();
                Object[] b = entries.get(i).values();
                if (keys.comparePrefix(a, b, keys.natts()) == 0 && (index.nullsNotDistinct() || noNulls(b))) {
                    throw new TuskException(SqlState.UNIQUE_VIOLATION,
                            "could not create unique index \"" + index.name() + "\"")
                            .withDetail("Key " + describe(ctx, rel, index.keyAttnums(), b) + " is duplicated.");
                }
            }
        }
        return ctx.writer().createIndex(index, entries.iterator());
    }

    private static boolean noNulls(Object[] values) {
        for (Object v : values) {
            if (v == null) {
                return false;
            }
        }
        return true;
    }

    /** "(a, b)=(1, x)" from stored key values. */
    static String describe(CommandContext ctx, RelationDesc rel, List<Integer> attnums, Object[] stored) {
        List<String> names = new ArrayList<>();
        List<String> vals = new ArrayList<>();
        for (int i = 0; i < attnums.size(); i++) {
            ColumnDesc c = rel.column(attnums.get(i));
            names.add(c.name());
            Object v = StorageCarriers.fromStorage(c.typeOid(), stored[i]);
            vals.add(v == null ? "null" : TypeIo.textOut(c.typeOid(), v, ctx.functions().formats()));
        }
        return "(" + String.join(", ", names) + ")=(" + String.join(", ", vals) + ")";
    }
}
