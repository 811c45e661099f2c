package dev.tusk.executor.modify;

import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapIndexLiveness;
import dev.tusk.access.heap.HeapRelation;
import dev.tusk.access.heap.HeapUpdater;
import dev.tusk.access.heap.ItemPointer;
import dev.tusk.access.nbtree.BTree;
import dev.tusk.catalog.ColumnDesc;
import dev.tusk.catalog.ConstraintDesc;
import dev.tusk.catalog.IndexDesc;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.executor.CompiledExpr;
import dev.tusk.executor.ExpressionCompiler;
import dev.tusk.executor.StorageCarriers;
import dev.tusk.optimizer.PlanningContext;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Writes rows of one relation for one statement (PostgreSQL's {@code ResultRelInfo} with
 * {@code ExecInsert}/{@code ExecUpdate}/{@code ExecDelete}, {@code ExecConstraints} and
 * {@code ExecInsertIndexTuples}): NOT NULL and CHECK on the new row, the heap change, an entry in every index
 * (unique ones checked), and the foreign-key work handed to the statement's {@link ModifyState}.
 */
final class RelationWriter {
    private record Check(String name, CompiledExpr expr) {}

    private final ModifyState state;
    private final RelationDesc rel;
    private final HeapAm heap;
    private final HeapRelation hrel;
    private final Map<Integer, BTree> trees = new HashMap<>();
    private List<Check> checks;
    private ItemPointer lastUpdatedTid;

    RelationWriter(ModifyState state, RelationDesc rel) {
        this.state = state;
        this.rel = rel;
        this.heap = state.heap();
        this.hrel = rel.heapRelation();
    }

    RelationDesc relation() {
        return rel;
    }

    HeapRelation heapRelation() {
        return hrel;
    }

    /** ExecInsert: returns the new row's TID. */
    ItemPointer insert(Object[] row) {
        checkConstraints(row);
        Object[] stored = StorageCarriers.rowToStorage(rel, row);
        ItemPointer tid = heap.insert(state.ctx().transaction(), hrel, stored);
        insertIndexEntries(row, stored, tid);
        state.queueOutgoingChecks(this, row, null);
        return tid;
    }

    /**
     * ExecUpdate through the heap updater: waits for a concurrent writer, re-checks a newer committed version
     * under READ COMMITTED ({@code recheck} gives the row to write instead, or null to skip). Returns the row as
     * written, or null when skipped.
     */
    Object[] update(ItemPointer tid, Object[] oldRow, Object[] newRow, Set<Integer> changedAttnums,
            UnaryOperator<Object[]> recheck) {
        Object[][] current = {oldRow, newRow};
        boolean hotAllowed = !touchesIndexedColumn(changedAttnums);
        HeapUpdater.Outcome outcome = new HeapUpdater(heap).update(state.ctx().transaction(), hrel, tid, latest -> {
            checkConstraints(current[1]);
            return StorageCarriers.rowToStorage(rel, current[1]);
        }, newestStored -> {
            Object[] newest = fromStorage(newestStored);
            Object[] again = recheck.apply(newest);
            if (again == null) {
                return false;
            }
            current[0] = newest;
            current[1] = again;
            return true;
        }, hotAllowed);
        if (!(outcome instanceof HeapUpdater.Outcome.Updated u)) {
            return null;
        }
        lastUpdatedTid = u.newTid();
        if (!u.hot()) {
            insertIndexEntries(current[1], u.newValues(), u.newTid());
        }
        state.queueOutgoingChecks(this, current[1], current[0]);
        state.queueReferencedChange(this, current[0], current[1]);
        return current[1];
    }

    /** Where the last successful {@link #update} put the new row version. */
    ItemPointer lastUpdatedTid() {
        return lastUpdatedTid;
    }

    HeapAm heap() {
        return heap;
    }

    /** ExecDelete; {@code recheck} says whether a newer committed version still qualifies. Returns the deleted row or null. */
    Object[] delete(ItemPointer tid, Object[] oldRow, Predicate<Object[]> recheck) {
        Object[][] current = {oldRow};
        HeapUpdater.Outcome outcome = new HeapUpdater(heap).delete(state.ctx().transaction(), hrel, tid,
                newestStored -> {
                    Object[] newest = fromStorage(newestStored);
                    if (!recheck.test(newest)) {
                        return false;
                    }
                    current[0] = newest;
                    return true;
                });
        if (!(outcome instanceof HeapUpdater.Outcome.Deleted)) {
            return null;
        }
        state.queueReferencedChange(this, current[0], null);
        return current[0];
    }

    Object[] fromStorage(Object[] stored) {
        List<ColumnDesc> cols = rel.columns();
        Object[] out = new Object[cols.size()];
        for (int i = 0; i < out.length; i++) {
            ColumnDesc c = cols.get(i);
            out[i] = c.dropped() || i >= stored.length ? null : StorageCarriers.fromStorage(c.typeOid(), stored[i]);
        }
        return out;
    }

    private boolean touchesIndexedColumn(Set<Integer> changed) {
        for (IndexDesc idx : rel.indexes()) {
            for (Integer a : idx.keyAttnums()) {
                if (changed.contains(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** ExecConstraints: NOT NULL in column order, then CHECK constraints in name order. */
    void checkConstraints(Object[] row) {
        for (ColumnDesc c : rel.columns()) {
            if (!c.dropped() && c.notNull() && row[c.attnum() - 1] == null) {
                throw ModifyErrors.about(ModifyErrors.notNull(c.name(), rel.name(),
                        RowText.failingRow(rel, row, state.formats())), state.ctx().catalog(), rel, c.name(), null);
            }
        }
        for (Check ch : checks()) {
            if (!ch.expr().check(row, state.ctx())) {
                throw ModifyErrors.about(ModifyErrors.check(rel.name(), ch.name(),
                        RowText.failingRow(rel, row, state.formats())), state.ctx().catalog(), rel, null, ch.name());
            }
        }
    }

    private List<Check> checks() {
        if (checks == null) {
            List<Check> list = new ArrayList<>();
            List<ConstraintDesc> cons = new ArrayList<>(rel.constraints());
            cons.sort((a, b) -> a.name().compareTo(b.name()));
            for (ConstraintDesc c : cons) {
                if (c.isCheck() && c.checkExpr() != null) {
                    PlanningContext pc = new PlanningContext(state.ctx().catalog(), List.of("pg_catalog", "public"),
                            new int[0], state.ctx().functions());
                    CompiledExpr e = ExpressionCompiler.analyzeText(c.checkExpr(), rel.name(), rel.columns(),
                            ExpressionCompiler.Use.CHECK_CONSTRAINT, null, TypeOids.BOOL, -1, pc).compile();
                    list.add(new Check(c.name(), e));
                }
            }
            checks = list;
        }
        return checks;
    }

    /** ExecInsertIndexTuples: one entry per index; unique indexes check for a live equal key. */
    private void insertIndexEntries(Object[] row, Object[] stored, ItemPointer tid) {
        for (IndexDesc idx : rel.indexes()) {
            Object[] key = new Object[idx.keyAttnums().size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = stored[idx.keyAttnums().get(i) - 1];
            }
            BTree tree = tree(idx);
            try {
                if (idx.unique()) {
                    tree.insert(key, tid.packed(), new HeapIndexLiveness(heap, hrel, state.ctx().transaction()));
                } else {
                    tree.insert(key, tid.packed());
                }
            } catch (TuskException e) {
                if (e.sqlState() == SqlState.UNIQUE_VIOLATION) {
                    throw ModifyErrors.about(ModifyErrors.unique(idx.name(),
                            RowText.key(rel, idx.keyAttnums(), RowText.pick(row, idx.keyAttnums()), state.formats())),
                            state.ctx().catalog(), rel, null, idx.name());
                }
                throw e;
            }
        }
    }

    BTree tree(IndexDesc idx) {
        return trees.computeIfAbsent(idx.oid(),
                k -> BTree.open(state.ctx().storage().buffers(), state.ctx().storage().wal(), idx.indexRelation()));
    }
}
