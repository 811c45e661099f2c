package dev.tusk.executor.modify;

import dev.tusk.access.heap.HeapScan;
import dev.tusk.access.heap.HeapTuple;
import dev.tusk.access.heap.ItemPointer;
import dev.tusk.access.nbtree.BTScan;
import dev.tusk.access.nbtree.BTree;
import dev.tusk.access.nbtree.IndexEntry;
import dev.tusk.catalog.ColumnDesc;
import dev.tusk.catalog.ConstraintDesc;
import dev.tusk.catalog.IndexDesc;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.executor.ExpressionCompiler;
import dev.tusk.executor.StorageCarriers;
import dev.tusk.optimizer.PlanningContext;
import dev.tusk.utils.adt.Comparisons;
import dev.tusk.utils.adt.TypeOids;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Foreign keys (PostgreSQL's ri_triggers.c): the check that a referencing row's key exists in the referenced
 * table (RI_FKey_check), and what happens to referencing rows when a referenced row is deleted or its key
 * updated (NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT).
 */
final class ForeignKeys {
    private ForeignKeys() {
    }

    static boolean keyChanged(RelationDesc rel, List<Integer> attnums, Object[] oldRow, Object[] newRow) {
        for (Integer a : attnums) {
            int type = rel.column(a).typeOid();
            Object o = oldRow[a - 1];
            Object n = newRow[a - 1];
            if (o == null || n == null ? o != n : !Comparisons.equal(type, o, n)) {
                return true;
            }
        }
        return false;
    }

    /** RI_FKey_check: the referencing row's key must exist in the referenced table. */
    static void checkReference(ModifyState state, ModifyState.OutgoingCheck c) {
        RelationDesc child = c.writer().relation();
        ConstraintDesc fk = c.fk();
        Object[] key = RowText.pick(c.row(), fk.keyAttnums());
        int nulls = 0;
        for (Object v : key) {
            if (v == null) {
                nulls++;
            }
        }
        if (nulls == key.length) {
            return;
        }
        if (nulls > 0) {
            if (fk.matchType() == 'f') {
                throw ModifyErrors.fkMatchFull(child.name(), fk.name());
            }
            return;
        }
        RelationDesc parent = state.ctx().catalog().relation(fk.refRelationOid());
        if (!findReferenced(state, parent, fk.refAttnums(), key, fk.indexOid())) {
            throw ModifyErrors.about(ModifyErrors.fkMissing(child.name(), fk.name(),
                    RowText.key(child, fk.keyAttnums(), key, state.formats()), parent.name()),
                    state.ctx().catalog(), child, null, fk.name());
        }
    }

    /** Whether {@code rel} has a row (visible now) whose {@code attnums} equal {@code key}. */
    static boolean findReferenced(ModifyState state, RelationDesc rel, List<Integer> attnums, Object[] key,
            int indexOid) {
        IndexDesc idx = null;
        for (IndexDesc i : rel.indexes()) {
            if (i.oid() == indexOid || (idx == null && new HashSet<>(i.keyAttnums()).equals(new HashSet<>(attnums))
                    && i.keyAttnums().size() == attnums.size())) {
                idx = i;
            }
        }
        if (idx == null) {
            return !matchingRows(state, rel, attnums, key).isEmpty();
        }
        Object[] probe = new Object[idx.keyAttnums().size()];
        for (int i = 0; i < probe.length; i++) {
            int attnum = idx.keyAttnums().get(i);
            int pos = attnums.indexOf(attnum);
            probe[i] = StorageCarriers.toStorage(rel.column(attnum).typeOid(),
                    coerce(rel.column(attnum).typeOid(), key[pos]));
        }
        BTree tree = state.writer(rel).tree(idx);
        BTScan scan = tree.scanEqual(probe);
        while (scan.hasNext()) {
            IndexEntry e = scan.next();
            if (state.heap().hotSearch(rel.heapRelation(), ItemPointer.fromPacked(e.heapTid()),
                    state.ctx().snapshot()) != null) {
                return true;
            }
        }
        return false;
    }

    /** The integer-family key of a referencing column carried as the referenced column's type. */
    private static Object coerce(int type, Object v) {
        if (v instanceof Number n) {
            return switch (type) {
                case TypeOids.INT2 -> (Object) n.shortValue();
                case TypeOids.INT4 -> (Object) n.intValue();
                case TypeOids.INT8 -> (Object) n.longValue();
                default -> v;
            };
        }
        return v;
    }

    /** A row of {@code rel} with its TID. */
    record Found(ItemPointer tid, Object[] row) {}

    /** Rows of {@code rel} (visible to the statement's current snapshot) whose {@code attnums} equal {@code key}. */
    static List<Found> matchingRows(ModifyState state, RelationDesc rel, List<Integer> attnums, Object[] key) {
        List<Found> out = new ArrayList<>();
        RelationWriter w = state.writer(rel);
        try (HeapScan scan = state.heap().scan(rel.heapRelation(), state.ctx().snapshot())) {
            while (scan.hasNext()) {
                HeapTuple t = scan.next();
                Object[] row = w.fromStorage(t.values());
                boolean match = true;
                for (int i = 0; i < attnums.size() && match; i++) {
                    ColumnDesc c = rel.column(attnums.get(i));
                    Object v = row[c.attnum() - 1];
                    match = v != null && key[i] != null && Comparisons.equal(c.typeOid(), v, coerce(c.typeOid(), key[i]));
                }
                if (match) {
                    out.add(new Found(t.tid(), row));
                }
            }
        }
        return out;
    }

    /** The RI actions for a deleted or updated referenced row. */
    static void referencedRowChanged(ModifyState state, ModifyState.ReferencedChange ch) {
        RelationDesc parent = ch.writer().relation();
        for (ConstraintDesc fk : state.incoming(parent.oid())) {
            Object[] oldKey = RowText.pick(ch.oldRow(), fk.refAttnums());
            boolean anyNull = false;
            for (Object v : oldKey) {
                anyNull |= v == null;
            }
            if (anyNull) {
                continue;
            }
            if (ch.newRow() != null && !keyChanged(parent, fk.refAttnums(), ch.oldRow(), ch.newRow())) {
                continue;
            }
            RelationDesc child = state.ctx().catalog().relation(fk.relationOid());
            List<Found> rows = matchingRows(state, child, fk.keyAttnums(), oldKey);
            if (rows.isEmpty()) {
                continue;
            }
            char action = ch.newRow() == null ? fk.deleteAction() : fk.updateAction();
            switch (action) {
                case 'c' -> {
                    RelationWriter cw = state.writer(child);
                    for (Found f : rows) {
                        if (ch.newRow() == null) {
                            cw.delete(f.tid(), f.row(), r -> true);
                        } else {
                            Object[] newChild = f.row().clone();
                            Object[] newKey = RowText.pick(ch.newRow(), fk.refAttnums());
                            for (int i = 0; i < newKey.length; i++) {
                                newChild[fk.keyAttnums().get(i) - 1] = newKey[i];
                            }
                            cw.update(f.tid(), f.row(), newChild, Set.copyOf(fk.keyAttnums()), r -> r);
                        }
                    }
                }
                case 'n', 'd' -> {
                    RelationWriter cw = state.writer(child);
                    for (Found f : rows) {
                        Object[] newChild = f.row().clone();
                        for (Integer a : fk.keyAttnums()) {
                            newChild[a - 1] = action == 'n' ? null : columnDefault(state, child, a);
                        }
                        cw.update(f.tid(), f.row(), newChild, Set.copyOf(fk.keyAttnums()), r -> r);
                    }
                }
                default -> {
                    // NO ACTION passes if the key exists again (e.g. updated back); RESTRICT never does.
                    if (action == 'a' && findReferenced(state, parent, fk.refAttnums(), oldKey, fk.indexOid())) {
                        continue;
                    }
                    throw ModifyErrors.about(ModifyErrors.fkReferenced(parent.name(), fk.name(), child.name(),
                            RowText.key(parent, fk.refAttnums(), oldKey, state.formats())),
                            state.ctx().catalog(), child, null, fk.name());
                }
            }
        }
    }

    private static Object columnDefault(ModifyState state, RelationDesc rel, int attnum) {
        ColumnDesc c = rel.column(attnum);
        if (c.defaultExpr() == null) {
            return null;
        }
        PlanningContext pc = new PlanningContext(state.ctx().catalog(), List.of("pg_catalog", "public"), new int[0],
                state.ctx().functions());
        return ExpressionCompiler.analyzeText(c.defaultExpr(), rel.name(), rel.columns(),
                ExpressionCompiler.Use.COLUMN_DEFAULT, c.name(), c.typeOid(), c.typmod(), pc).compile()
                .evaluate(null, state.ctx());
    }
}
