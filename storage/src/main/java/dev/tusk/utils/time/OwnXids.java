package dev.tusk.utils.time;

import java.util.Arrays;

/**
 * The transaction ids that belong to one transaction: its top-level xid and the xids of its live
 * subtransactions (open ones and committed-into-parent ones; aborted ones are removed), in assignment order (the xid part of PostgreSQL's {@code TransactionState} stack, read by
 * {@code TransactionIdIsCurrentTransactionId}).
 *
 * <p>Xids are assigned lazily, so a snapshot taken before the first write shares this object with its
 * transaction and sees the xid assigned later. Written by the owning transaction only; read by whichever
 * thread evaluates visibility for it, hence the copy-on-write array behind a volatile field.
 */
public final class OwnXids {
    private static final long[] EMPTY = new long[0];

    private volatile long[] xids = EMPTY;

    /** Records the top-level xid (first assignment) or a new subtransaction's xid. */
    public synchronized void push(long xid) {
        long[] next = Arrays.copyOf(xids, xids.length + 1);
        next[next.length - 1] = xid;
        xids = next;
    }

    /** Forgets the innermost subtransaction's xid (its subtransaction aborted: its rows become invisible). */
    public synchronized void popAborted(long xid) {
        long[] cur = xids;
        if (cur.length == 0 || cur[cur.length - 1] != xid) {
            throw new IllegalStateException("xid " + xid + " is not the innermost own xid");
        }
        xids = Arrays.copyOf(cur, cur.length - 1);
    }

    /**
     * Forgets the xids of an aborted subtransaction and of its committed children (ROLLBACK TO SAVEPOINT):
     * their rows become invisible to the own transaction at once (the clog says aborted before this is
     * called). Xids not present are ignored.
     */
    public synchronized void removeAborted(long[] aborted) {
        long[] gone = aborted.clone();
        Arrays.sort(gone);
        long[] cur = xids;
        long[] next = new long[cur.length];
        int n = 0;
        for (long x : cur) {
            if (Arrays.binarySearch(gone, x) < 0) {
                next[n++] = x;
            }
        }
        xids = Arrays.copyOf(next, n);
    }

    /** TransactionIdIsCurrentTransactionId. */
    public boolean contains(long xid) {
        if (xid == 0) {
            return false;
        }
        long[] cur = xids;
        if (cur.length > 8) {
            // Xids are handed out in ascending order and pushed as assigned, so the array is sorted.
            return Arrays.binarySearch(cur, xid) >= 0;
        }
        for (long x : cur) {
            if (x == xid) {
                return true;
            }
        }
        return false;
    }

    /** The top-level xid, 0 when none has been assigned. */
    public long top() {
        long[] cur = xids;
        return cur.length == 0 ? 0 : cur[0];
    }

    /** The subtransaction xids (all but the top), oldest first. */
    public long[] subxids() {
        long[] cur = xids;
        return cur.length <= 1 ? EMPTY : Arrays.copyOfRange(cur, 1, cur.length);
    }

    /** All xids, top first. */
    public long[] all() {
        return xids.clone();
    }

    @Override
    public String toString() {
        return "OwnXids" + Arrays.toString(xids);
    }
}
