package dev.tusk.access.heap;

/**
 * Whether a tuple is a live row version for a uniqueness check (PostgreSQL's {@code HeapTupleSatisfiesDirty}
 * as used by {@code _bt_check_unique}).
 */
public sealed interface TupleLiveness {
    Dead DEAD = new Dead();
    Live LIVE = new Live();

    /**
     * No longer a row version that can conflict: its inserter aborted (or crashed), or a committed
     * transaction (or the asking transaction itself) deleted it. Older snapshots may still see a deleted
     * version; that does not matter for uniqueness, as in PostgreSQL.
     */
    record Dead() implements TupleLiveness {
    }

    /** Inserted by a committed transaction (or the asker) and not deleted by a committed one. */
    record Live() implements TupleLiveness {
    }

    /** Transaction {@code xid} is inserting or deleting it right now: wait for it, then check again. */
    record InProgress(long xid) implements TupleLiveness {
    }
}
