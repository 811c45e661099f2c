package dev.tusk.executor.modify;

import dev.tusk.access.heap.HeapIndexLiveness;
import dev.tusk.access.heap.HeapTuple;
import dev.tusk.access.heap.ItemPointer;
import dev.tusk.access.heap.TupleLiveness;
import dev.tusk.access.nbtree.BTScan;
import dev.tusk.access.nbtree.IndexEntry;
import dev.tusk.access.transam.Transaction;
import dev.tusk.access.transam.TransamErrors;
import dev.tusk.catalog.IndexDesc;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.executor.ExecContext;
import dev.tusk.executor.OnConflict;
import dev.tusk.executor.StorageCarriers;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * INSERT ... ON CONFLICT for one statement (PostgreSQL's {@code ExecInsert} with speculative insertion,
 * {@code ExecCheckIndexConstraints} and {@code ExecOnConflictUpdate}): before each proposed row is inserted the
 * arbiter unique indexes are probed for a live row with an equal key. A row inserted or deleted by a transaction
 * still running is waited for and the probe starts again, so the usual concurrent case (another session inserted
 * the key and then commits or aborts) ends in a conflict or an insert as in PostgreSQL. DO NOTHING skips the row;
 * DO UPDATE updates the existing row through the normal update path ({@link RelationWriter#update}).
 *
 * <p>Known gap: PostgreSQL inserts speculatively and retries when a concurrent inserter wins between the probe and
 * the insert; here a transaction that inserts the same key after the probe and commits before this one's index
 * insertion makes the INSERT fail with 23505 instead of taking the conflict path.
 */
final class OnConflictInsert {
    /** A live row holding a conflicting key: the index entry's TID and the version this command may see (or null). */
    private record Conflict(ItemPointer entryTid, HeapTuple visible) {}

    private final ModifyState state;
    private final RelationWriter writer;
    private final OnConflict spec;
    private final List<IndexDesc> arbiters;
    private final Set<Integer> updatedAttnums;
    /** TIDs of row versions this command created (inserted rows and new versions of updated rows). */
    private final Set<ItemPointer> created = new HashSet<>();
    /** TIDs of row versions this command replaced by an update. */
    private final Set<ItemPointer> replaced = new HashSet<>();

    OnConflictInsert(ModifyState state, RelationWriter writer, OnConflict spec) {
        this.state = state;
        this.writer = writer;
        this.spec = spec;
        RelationDesc rel = writer.relation();
        List<IndexDesc> list = new ArrayList<>();
        if (spec.arbiters() == null || spec.arbiters().isEmpty()) {
            for (IndexDesc idx : rel.indexes()) {
                if (idx.unique()) {
                    list.add(idx);
                }
            }
        } else {
            list.addAll(spec.arbiters());
        }
        this.arbiters = list;
        this.updatedAttnums = spec.updatedAttnums() == null ? Set.of() : new HashSet<>(spec.updatedAttnums());
    }

    /** Inserts {@code row} or resolves its conflict; returns the row written (inserted or updated) or null. */
    Object[] apply(Object[] row) {
        ExecContext ctx = state.ctx();
        for (int attempt = 0;; attempt++) {
            if (attempt > 1000) {
                // A row this command keeps failing to update (e.g. one a cascade of this statement changed).
                throw affectTwice();
            }
            Conflict c = findConflict(row);
            if (c == null) {
                ItemPointer tid = writer.insert(row);
                created.add(tid);
                return row;
            }
            if (spec.doNothing()) {
                return null;
            }
            HeapTuple existing = c.visible();
            if (existing == null) {
                if (created.contains(c.entryTid())) {
                    throw affectTwice();
                }
                // Committed by another transaction after this statement's snapshot (ExecCheckTupleVisible).
                Transaction tx = ctx.transaction();
                if (tx.isolation().usesTransactionSnapshot()) {
                    throw TransamErrors.concurrentUpdate();
                }
                existing = writer.heap().hotSearch(writer.heapRelation(), c.entryTid(), tx.statementSnapshot());
                if (existing == null) {
                    continue;
                }
            }
            if (replaced.contains(existing.tid()) || created.contains(existing.tid())) {
                throw affectTwice();
            }
            Object[] old = writer.fromStorage(existing.values());
            Object[] newRow = spec.updatedRow(old, row, ctx);
            if (newRow == null) {
                return null;
            }
            Object[] written = writer.update(existing.tid(), old, newRow, updatedAttnums,
                    newest -> spec.updatedRow(newest, row, ctx));
            if (written == null) {
                // The row changed or vanished under us (or its newest version fails DO UPDATE's WHERE after a
                // concurrent update): probe again, as ExecOnConflictUpdate's caller retries.
                continue;
            }
            replaced.add(existing.tid());
            created.add(writer.lastUpdatedTid());
            return written;
        }
    }

    /**
     * ExecCheckIndexConstraints: the first live row equal to {@code row} on an arbiter index, waiting for a
     * transaction that is inserting or deleting one (then probing from the start).
     */
    private Conflict findConflict(Object[] row) {
        ExecContext ctx = state.ctx();
        RelationDesc rel = writer.relation();
        restart:
        while (true) {
            for (IndexDesc idx : arbiters) {
                Object[] probe = new Object[idx.keyAttnums().size()];
                boolean hasNull = false;
                for (int i = 0; i < probe.length; i++) {
                    int attnum = idx.keyAttnums().get(i);
                    Object v = row[attnum - 1];
                    hasNull |= v == null;
                    probe[i] = v == null ? null : StorageCarriers.toStorage(rel.column(attnum).typeOid(), v);
                }
                if (hasNull && !idx.nullsNotDistinct()) {
                    continue;
                }
                BTScan scan = writer.tree(idx).scanEqual(probe);
                while (scan.hasNext()) {
                    IndexEntry e = scan.next();
                    ItemPointer tid = ItemPointer.fromPacked(e.heapTid());
                    switch (writer.heap().liveness(writer.heapRelation(), tid, ctx.transaction())) {
                        case TupleLiveness.Dead d -> {
                        }
                        case TupleLiveness.InProgress p -> {
                            new HeapIndexLiveness(writer.heap(), writer.heapRelation(), ctx.transaction())
                                    .waitForTransaction(p.xid());
                            continue restart;
                        }
                        case TupleLiveness.Live l -> {
                            return new Conflict(tid,
                                    writer.heap().hotSearch(writer.heapRelation(), tid, ctx.snapshot()));
                        }
                    }
                }
            }
            return null;
        }
    }

    private static TuskException affectTwice() {
        return new TuskException(SqlState.CARDINALITY_VIOLATION,
                "ON CONFLICT DO UPDATE command cannot affect row a second time")
                .withHint("Ensure that no rows proposed for insertion within the same command have duplicate "
                        + "constrained values.");
    }
}
