package dev.tusk.access.heap;

import dev.tusk.access.transam.Transaction;
import dev.tusk.access.transam.TransamErrors;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
        Object[][] lastNewValues = new Object[1][];
        return modify(tx, rel, tid, heap.readLatest(rel, tid), recheck, (cur, values) -> {
            lastNewValues[0] = change.apply(values.clone());
            return heap.update(tx, rel, cur, lastNewValues[0], hotAllowed);
        }, (cur, ok) -> new Outcome.Updated(cur, ok.newTid(), ok.hot(), lastNewValues[0]), HeapErrors::updateInvisible);
    }

    /** Deletes the row found at {@code tid}, following a concurrent update under READ COMMITTED. */
    public Outcome delete(Transaction tx, HeapRelation rel, ItemPointer tid, Predicate<Object[]> recheck) {
        return modify(tx, rel, tid, null, recheck, (cur, values) -> heap.delete(tx, rel, cur),
                (cur, ok) -> new Outcome.Deleted(cur), HeapErrors::deleteInvisible);
    }

    /**
     * The retry loop both share: {@code attempt} tries the version at {@code cur} (given its values when known);
     * a running writer is waited for, a committed update is followed and rechecked (READ COMMITTED) or fails
     * with 40001 (REPEATABLE READ), a concurrent delete skips the row (or fails with 40001).
     */
    private Outcome modify(Transaction tx, HeapRelation rel, ItemPointer tid, Object[] initialValues,
            Predicate<Object[]> recheck, BiFunction<ItemPointer, Object[], TmResult> attempt,
            BiFunction<ItemPointer, TmResult.Ok, Outcome> succeeded, Supplier<RuntimeException> invisible) {
        ItemPointer cur = tid;
        Object[] values = initialValues;
        while (true) {
            switch (attempt.apply(cur, values)) {
                case TmResult.Ok ok -> {
                    return succeeded.apply(cur, ok);
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
                case TmResult.Invisible i -> throw invisible.get();
            }
        }
    }
}
