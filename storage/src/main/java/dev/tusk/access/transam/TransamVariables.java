package dev.tusk.access.transam;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The shared counters of {@code varsup.c} ({@code TransamVariables} in PostgreSQL 17): the next 64-bit
 * transaction id and the next OID. Both start from the checkpoint record at startup and are pushed forward
 * past every value recovery meets in the WAL, so nothing is handed out twice across a crash.
 */
public final class TransamVariables {
    /** FirstNormalObjectId: the first OID given to user objects. */
    public static final int FIRST_NORMAL_OBJECT_ID = 16384;

    private final AtomicLong nextXid;
    /** Unsigned 32-bit OID counter kept in a long so that wraparound is explicit. */
    private final AtomicLong nextOid;

    public TransamVariables(long nextXid, int nextOid) {
        this.nextXid = new AtomicLong(Math.max(nextXid, TransactionId.FIRST_NORMAL));
        this.nextOid = new AtomicLong(Integer.toUnsignedLong(nextOid) < FIRST_NORMAL_OBJECT_ID
                ? FIRST_NORMAL_OBJECT_ID : Integer.toUnsignedLong(nextOid));
    }

    /** A fresh cluster's counters. */
    public static TransamVariables initial() {
        return new TransamVariables(TransactionId.FIRST_NORMAL, FIRST_NORMAL_OBJECT_ID);
    }

    /**
     * GetNewTransactionId's counter step. Callers that must make the new xid visible atomically with
     * respect to snapshots (the ProcArray) call this under their own lock.
     */
    public long allocateXid() {
        return nextXid.getAndIncrement();
    }

    /** ReadNextFullTransactionId: the first xid not yet handed out. */
    public long nextXid() {
        return nextXid.get();
    }

    /** AdvanceNextFullTransactionIdPastXid: used by redo for every xid found in the WAL. */
    public void advanceNextXidPast(long xid) {
        if (xid != TransactionId.INVALID) {
            nextXid.accumulateAndGet(xid + 1, Math::max);
        }
    }

    /** GetNewObjectId: the next OID, skipping the system range after a wraparound. */
    public int newOid() {
        while (true) {
            long cur = nextOid.get();
            long next = cur + 1 > 0xFFFFFFFFL ? FIRST_NORMAL_OBJECT_ID : cur + 1;
            if (nextOid.compareAndSet(cur, next)) {
                return (int) cur;
            }
        }
    }

    /** The next OID to be given out (for checkpoint records). */
    public int nextOid() {
        return (int) nextOid.get();
    }

    /** Redo of an OID-assignment record: never hand out {@code oid} or anything below it again. */
    public void advanceNextOidPast(int oid) {
        long want = Integer.toUnsignedLong(oid) + 1;
        nextOid.accumulateAndGet(Math.min(want, 0xFFFFFFFFL), Math::max);
    }

    @Override
    public String toString() {
        return "TransamVariables[nextXid=" + nextXid.get() + ", nextOid=" + Integer.toUnsignedString(nextOid()) + "]";
    }
}
