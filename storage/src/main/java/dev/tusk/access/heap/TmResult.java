package dev.tusk.access.heap;

/**
 * What a check-before-modify or a modification found (PostgreSQL's {@code TM_Result} in {@code tableam.h}).
 */
public sealed interface TmResult {
    /** TM_Ok for a check or delete (no new version). */
    Ok OK = new Ok(null, false);
    /** TM_Invisible. */
    Invisible INVISIBLE = new Invisible();

    /**
     * TM_Ok: the tuple may be (or was) modified.
     *
     * @param newTid the new version's TID after an update, null otherwise
     * @param hot    the update was heap-only (same page, no new index entries needed)
     */
    record Ok(ItemPointer newTid, boolean hot) implements TmResult {
    }

    /** TM_Invisible: the tuple is not visible to the modifying command at all (a caller bug, or a bad TID). */
    record Invisible() implements TmResult {
    }

    /** TM_SelfModified: this transaction changed the tuple in the current or a later command. */
    record SelfModified(int cmax) implements TmResult {
    }

    /** TM_Updated: a committed transaction updated the tuple; {@code newCtid} is the next version. */
    record Updated(long xmax, ItemPointer newCtid) implements TmResult {
    }

    /** TM_Deleted: a committed transaction deleted the tuple. */
    record Deleted(long xmax) implements TmResult {
    }

    /** TM_BeingModified: transaction {@code xid} is changing the tuple; wait for it and retry. */
    record BeingModified(long xid) implements TmResult {
    }
}
