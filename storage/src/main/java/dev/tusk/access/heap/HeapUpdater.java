package dev.tusk.access.heap;

import dev.tusk.access.transam.Transaction;
import dev.tusk.access.transam.TransamErrors;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The executor's side of concurrent row modification (PostgreSQL's {@code ExecUpdate}/{@code ExecDelete}
 * result handling with {@code EvalPlanQual}): wait for a running writer of the row and try again; under
 * READ COMMITTED follow a committed update to the newest version, re-check the statement's condition on it,
 * and modify that one; under REPEATABLE READ (and SERIALIZABLE) fail with SQLSTATE 40001.
 */
public final class HeapUpdater {
    /** What happened to one row the statement meant to modify. */
    public sealed interface Outcome {
        /** The row (possibly a newer version of it than the one the scan found) was updated. */
        record Updated(ItemPointer oldTid, ItemPointer newTid, boolean hot, Object[] newValues) implements Outcome {
        }

        /** The row (or its newest version) was deleted. */
        record Deleted(ItemPointer tid) implements Outcome {
        }

        /**
         * Nothing done: the row was deleted concurrently, its newest version no longer matches the condition,
         * or this transaction already modified it in the same command.
         */
        record Skipped(String reason) implements Outcome {
        }
    }

    private final HeapAm heap;

    public HeapUpdater(HeapAm heap) {
        this.heap = heap;
    }

    /**
     * Updates the row found at {@code tid}: {@code change} maps the current version's values to the new ones;
     * {@code recheck} is the statement's condition, re-evaluated on a newer version (EvalPlanQual).
     */
    public Outcome update(Transaction tx, HeapRelation rel, ItemPointer tid, UnaryOperator<Object[]> change,
            Predicate<Object[]> recheck, boolean hotAllowed) {
        ItemPointer cur = tid;
        Object[] values = heap.readLatest(rel, cur);
        while (true) {
            Object[] newValues = change.apply(values.clone());
            TmResult r = heap.update(tx, rel, cur, newValues, hotAllowed);
            switch (r) {
                case TmResult.Ok ok -> {
                    return new Outcome.Updated(cur, ok.newTid(), ok.hot(), newValues);
                }
                case TmResult.BeingModified bm -> heap.transactions().lockTable().waitFor(bm.xid());
                case TmResult.Updated u -> {
                    if (tx.isolation().usesTransactionSnapshot()) {
                        throw TransamErrors.concurrentUpdate();
                    }
                    cur = u.newCtid();
                    values = heap.readLatest(rel, cur);
                    if (values == null || !recheck.test(values)) {
                        return new Outcome.Skipped("newest version no longer matches");
                    }
                }
                case TmResult.Deleted d -> {
                    if (tx.isolation().usesTransactionSnapshot()) {
                        throw TransamErrors.concurrentDelete();
                    }
                    return new Outcome.Skipped("row was deleted concurrently");
                }
                case TmResult.SelfModified s -> {
                    return new Outcome.Skipped("already modified by this command");
                }
                case TmResult.Invisible i -> throw HeapErrors.updateInvisible();
            }
        }
    }

    /** Deletes the row found at {@code tid}, following a concurrent update under READ COMMITTED. */
    public Outcome delete(Transaction tx, HeapRelation rel, ItemPointer tid, Predicate<Object[]> recheck) {
        ItemPointer cur = tid;
        while (true) {
            TmResult r = heap.delete(tx, rel, cur);
            switch (r) {
                case TmResult.Ok ok -> {
                    return new Outcome.Deleted(cur);
                }
                case TmResult.BeingModified bm -> heap.transactions().lockTable().waitFor(bm.xid());
                case TmResult.Updated u -> {
                    if (tx.isolation().usesTransactionSnapshot()) {
                        throw TransamErrors.concurrentUpdate();
                    }
                    cur = u.newCtid();
                    Object[] values = heap.readLatest(rel, cur);
                    if (values == null || !recheck.test(values)) {
                        return new Outcome.Skipped("newest version no longer matches");
                    }
                }
                case TmResult.Deleted d -> {
                    if (tx.isolation().usesTransactionSnapshot()) {
                        throw TransamErrors.concurrentDelete();
                    }
                    return new Outcome.Skipped("row was deleted concurrently");
                }
                case TmResult.SelfModified s -> {
                    return new Outcome.Skipped("already modified by this command");
                }
                case TmResult.Invisible i -> throw HeapErrors.deleteInvisible();
            }
        }
    }
}
