package dev.tusk.access.nbtree;

/**
 * What a unique-index insertion asks the heap about an existing entry with an equal key (the part of
 * PostgreSQL's {@code _bt_check_unique} that calls {@code table_index_fetch_tuple_check} and
 * {@code XactLockTableWait}). The heap access method implements it; the B-tree never looks at heap pages.
 */
public interface HeapLiveness {
    /** The answer for one heap TID. */
    sealed interface Liveness permits Dead, Live, InProgress {
    }

    /** No version of the row can ever become visible again: the entry does not conflict. */
    record Dead() implements Liveness {
    }

    /** A committed (or own-transaction) live row: a conflict. */
    record Live() implements Liveness {
    }

    /** Inserted or deleted by a transaction still running: wait for it, then re-check from the top. */
    record InProgress(long xid) implements Liveness {
    }

    Liveness DEAD = new Dead();
    Liveness LIVE = new Live();

    /** Liveness of the heap tuple at {@code heapTidPacked} (see {@link dev.tusk.access.heap.ItemPointer#packed()}). */
    Liveness check(long heapTidPacked);

    /** XactLockTableWait: blocks until transaction {@code xid} has committed or aborted. */
    void waitForTransaction(long xid);
}
