package dev.tusk.access.transam;

import java.nio.ByteBuffer;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory WAL buffers (PostgreSQL's {@code XLogCtl->pages} plus what its WAL insertion locks'
 * {@code insertingAt} tell {@code WaitXLogInsertionsToFinish}): a ring of bytes where WAL position {@code p}
 * lives at {@code p mod size}, and the boundary {@link #copiedUpTo()} below which every reserved record has
 * been completely copied in, so it may be written to disk.
 *
 * <p>Inserters copy disjoint ranges concurrently without a lock; an inserter may only overwrite ring bytes
 * whose WAL has already been written out ({@code XLog} makes sure of that before calling {@link #copyIn}).
 * Completions can arrive out of order; the ones ahead of the boundary wait in a map until the gap closes.
 */
final class WalBuffers {
    private final ByteBuffer ring;
    private final int size;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    /** Completed ranges ahead of the boundary: start → end. Guarded by {@link #lock}. */
    private final TreeMap<Long, Long> doneAhead = new TreeMap<>();
    private int waiters;
    private volatile long copiedUpTo;
    /** Set when a reserved range can never be copied in: the boundary is stuck, waiting would hang. */
    private volatile RuntimeException failure;

    WalBuffers(int size, long start) {
        if (size < XLogRecordFormat.BLCKSZ * 2) {
            throw new IllegalArgumentException("wal_buffers must be at least " + XLogRecordFormat.BLCKSZ * 2 + " bytes");
        }
        this.size = size;
        this.ring = ByteBuffer.allocateDirect(size);
        this.copiedUpTo = start;
    }

    int size() {
        return size;
    }

    /** Every record reserved before this position has been copied in completely. */
    long copiedUpTo() {
        return copiedUpTo;
    }

    /** Copies a record (with its padding) to WAL position {@code start}, wrapping around the ring end. */
    void copyIn(long start, byte[] bytes) {
        int at = (int) (start % size);
        int first = Math.min(bytes.length, size - at);
        ring.put(at, bytes, 0, first);
        if (first < bytes.length) {
            ring.put(0, bytes, first, bytes.length - first);
        }
    }

    /** The copy of {@code [start, end)} is complete: advance the boundary over every contiguous completion. */
    void markCopied(long start, long end) {
        lock.lock();
        try {
            if (start != copiedUpTo) {
                doneAhead.put(start, end);
                return;
            }
            long upTo = end;
            Long next;
            while ((next = doneAhead.remove(upTo)) != null) {
                upTo = next;
            }
            copiedUpTo = upTo;
            if (waiters > 0) {
                advanced.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every record reserved before {@code upTo} has been copied in. Uninterruptible: an inserter
     * waits here holding a reservation, and abandoning it would stall the log for everyone.
     */
    void awaitCopied(long upTo) {
        if (copiedUpTo >= upTo) {
            return;
        }
        boolean interrupted = false;
        lock.lock();
        try {
            waiters++;
            while (copiedUpTo < upTo) {
                if (failure != null) {
                    throw new WalException("WAL insertion failed; the log has a hole and cannot be flushed: "
                            + failure.getMessage(), failure);
                }
                try {
                    // The timeout only guards against a lost wake-up; completion normally signals.
                    advanced.await(10, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            waiters--;
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * An inserter failed between reserving its range and completing its copy: the range stays a hole forever,
     * so no WAL after it can ever be written (PostgreSQL PANICs in that critical section). Waiters fail.
     */
    void fail(RuntimeException cause) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A read-only view of the ring holding WAL {@code [pos, pos + length)}, cut short at the ring's end; the
     * caller writes it out and asks again for the rest.
     */
    ByteBuffer slice(long pos, long length) {
        int at = (int) (pos % size);
        int n = (int) Math.min(length, size - at);
        return ring.slice(at, n).asReadOnlyBuffer();
    }
}
