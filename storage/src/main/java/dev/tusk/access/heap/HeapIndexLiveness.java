package dev.tusk.access.heap;

import dev.tusk.access.nbtree.HeapLiveness;
import dev.tusk.access.transam.Transaction;

/**
 * The heap's answer to a B-tree unique check for one inserting transaction (PostgreSQL's
 * {@code table_index_fetch_tuple_check} with SnapshotDirty, plus {@code XactLockTableWait}): the liveness of
 * the HOT chain an index entry points at, and waiting for the transaction that keeps it undecided.
 */
public final class HeapIndexLiveness implements HeapLiveness {
    private final HeapAm heap;
    private final HeapRelation rel;
    private final Transaction tx;

    public HeapIndexLiveness(HeapAm heap, HeapRelation rel, Transaction tx) {
        this.heap = heap;
        this.rel = rel;
        this.tx = tx;
    }

    @Override
    public Liveness check(long heapTidPacked) {
        return switch (heap.liveness(rel, ItemPointer.fromPacked(heapTidPacked), tx)) {
            case TupleLiveness.Dead d -> DEAD;
            case TupleLiveness.Live l -> LIVE;
            case TupleLiveness.InProgress p -> new InProgress(p.xid());
        };
    }

    @Override
    public void waitForTransaction(long xid) {
        heap.transactions().lockTable().waitFor(xid);
    }
}
