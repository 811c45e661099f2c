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

    /** VAR_OID_PREFETCH: OIDs reserved by one XLOG_NEXTOID record. */
    public static final int OID_PREFETCH = 8192;

    private final AtomicLong nextXid;
    /** Unsigned 32-bit OID counter kept in a long so that wraparound is explicit. */
    private final AtomicLong nextOid;
    /**
     * The range {@code [reservedStart, reservedEnd)} the last XLOG_NEXTOID record covers (PostgreSQL's oidCount
     * as bounds): a logged allocation whose OID falls outside it, because the counter was moved by other
     * means (advanceNextOidPast, the unlogged newOid, a wraparound) or the range is used up, logs a new one.
     * Guarded by {@code oidLock}, as is every change of {@code nextOid}.
     */
    private long reservedStart;
    private long reservedEnd;
    private final Object oidLock = new Object();

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

    /**
     * GetNewObjectId with its WAL logging: hands out the next OID (from {@link #FIRST_NORMAL_OBJECT_ID} on,
     * skipping the bootstrap range after a wraparound). Whenever the reserved range is used up,
     * {@code logNextOid} is called, under the OID lock, with the end of the next range of
     * {@value #OID_PREFETCH} OIDs; the caller writes it as an XLOG_NEXTOID record, so recovery never hands out
     * an OID below it again. The record need not be flushed at once: anything durable that uses one of the
     * OIDs is WAL-logged after it, and flushing that flushes the reservation too (but an OID used as a file
     * name is on disk at once: {@code StorageEngine.nextOid()} flushes the record for that reason). A range
     * counts only while the counter stays inside it: moving the counter elsewhere by other means makes the
     * next call log a new range.
     */
    public int newOid(java.util.function.LongConsumer logNextOid) {
        synchronized (oidLock) {
            long cur = nextOid.get();
            if (cur > 0xFFFFFFFFL || cur < FIRST_NORMAL_OBJECT_ID) {
                cur = FIRST_NORMAL_OBJECT_ID; // wraparound: the low range belongs to the bootstrap catalogs
                nextOid.set(cur);
            }
            if (cur < reservedStart || cur >= reservedEnd) {
                logNextOid.accept(cur + OID_PREFETCH);
                reservedStart = cur;
                reservedEnd = cur + OID_PREFETCH;
            }
            nextOid.set(cur + 1);
            return (int) cur;
        }
    }

    /**
     * The next-OID value a checkpoint record carries: an online checkpoint's redo does not see the
     * XLOG_NEXTOID record that reserved the current range, so it records the end of that range (as
     * PostgreSQL's CreateCheckPoint adds oidCount); a shutdown checkpoint records the exact counter.
     */
    public long checkpointNextOid(boolean shutdown) {
        synchronized (oidLock) {
            long cur = nextOid.get();
            boolean inReservedRange = cur >= reservedStart && cur < reservedEnd;
            return shutdown || !inReservedRange ? cur : reservedEnd;
        }
    }

    /** Redo of XLOG_NEXTOID: OIDs below {@code nextOid} may have been handed out; the range is used up. */
    public void redoNextOid(long nextOid) {
        synchronized (oidLock) {
            this.nextOid.accumulateAndGet(Math.min(nextOid, 0xFFFFFFFFL), Math::max);
            reservedStart = 0;
            reservedEnd = 0;
        }
    }

    /**
     * The next OID without WAL logging (tests of the counter itself only): a crash may hand the same OID out
     * again. Servers use {@code StorageEngine.nextOid()}.
     */
    public int newOid() {
        synchronized (oidLock) {
            long cur = nextOid.get();
            long next = cur + 1 > 0xFFFFFFFFL ? FIRST_NORMAL_OBJECT_ID : cur + 1;
            nextOid.set(next);
            return (int) cur;
        }
    }

    /** The next OID to be given out, as a signed int (see {@link #nextOidUnsigned()}). */
    public int nextOid() {
        return (int) nextOid.get();
    }

    /** The next OID to be given out, unsigned. */
    public long nextOidUnsigned() {
        return nextOid.get();
    }

    /** Redo of an OID-assignment record: never hand out {@code oid} or anything below it again. */
    public void advanceNextOidPast(int oid) {
        long want = Integer.toUnsignedLong(oid) + 1;
        synchronized (oidLock) {
            nextOid.accumulateAndGet(Math.min(want, 0xFFFFFFFFL), Math::max);
        }
    }

    @Override
    public String toString() {
        return "TransamVariables[nextXid=" + nextXid.get() + ", nextOid=" + Integer.toUnsignedString(nextOid()) + "]";
    }
}
