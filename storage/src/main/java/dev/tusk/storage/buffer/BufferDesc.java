package dev.tusk.storage.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A buffer descriptor (PostgreSQL's {@code BufferDesc}): the tag of the block in the frame, and one atomic
 * 32-bit state word packing the pin count, the usage count and the flags, updated by CAS.
 *
 * <pre>
 * bits  0-17  refcount (pins)       bits 18-21  usage count (0..{@link #MAX_USAGE_COUNT})
 * bit   22    LOCKED (header lock)  bit 23 DIRTY   bit 24 VALID   bit 25 TAG_VALID
 * bit   26    IO_IN_PROGRESS        bit 27 IO_ERROR
 * </pre>
 * The header lock (BM_LOCKED) is a tiny spin lock: while it is set nobody else changes the word, so a
 * holder may change the tag and write the word back in one go. Pins and unpins CAS the word only while it
 * is clear, hence a buffer's tag never changes under a pin. The content lock (shared/exclusive, per frame) is
 * separate and is only taken by pin holders.
 */
final class BufferDesc {
    static final int REFCOUNT_ONE = 1;
    static final int REFCOUNT_MASK = (1 << 18) - 1;
    static final int USAGE_SHIFT = 18;
    static final int USAGE_ONE = 1 << USAGE_SHIFT;
    static final int USAGE_MASK = 0xF << USAGE_SHIFT;
    /** BM_MAX_USAGE_COUNT. */
    static final int MAX_USAGE_COUNT = 5;

    static final int LOCKED = 1 << 22;
    static final int DIRTY = 1 << 23;
    static final int VALID = 1 << 24;
    static final int TAG_VALID = 1 << 25;
    static final int IO_IN_PROGRESS = 1 << 26;
    static final int IO_ERROR = 1 << 27;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(BufferDesc.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 0-based index; the public buffer number is {@code id + 1}. */
    final int id;
    /** Content lock (BufferDescriptorGetContentLock). */
    final ReentrantReadWriteLock contentLock = new ReentrantReadWriteLock();
    /** Written only under the header lock; read after pinning (the CAS orders it). */
    private volatile BufferTag tag;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;

    BufferDesc(int id) {
        this.id = id;
    }

    static int refcount(int s) {
        return s & REFCOUNT_MASK;
    }

    static int usage(int s) {
        return (s & USAGE_MASK) >>> USAGE_SHIFT;
    }

    static boolean has(int s, int flag) {
        return (s & flag) != 0;
    }

    int state() {
        return (int) STATE.getVolatile(this);
    }

    BufferTag tag() {
        return tag;
    }

    boolean cas(int expect, int update) {
        return STATE.compareAndSet(this, expect, update);
    }

    /** WaitBufHdrUnlocked: the state once the header lock is free. */
    int waitUnlocked() {
        int s = state();
        for (int spins = 0; has(s, LOCKED); spins++) {
            backoff(spins);
            s = state();
        }
        return s;
    }

    /** LockBufHdr: sets LOCKED and returns the state as it was before (without LOCKED). */
    int lockHeader() {
        for (int spins = 0;; spins++) {
            int s = state();
            if (!has(s, LOCKED) && cas(s, s | LOCKED)) {
                return s;
            }
            backoff(spins);
        }
    }

    /** UnlockBufHdr: publishes {@code newState} (LOCKED cleared); only the header lock holder may call it. */
    void unlockHeader(int newState) {
        STATE.setVolatile(this, newState & ~LOCKED);
    }

    /** Changes the tag; the caller holds the header lock and publishes with {@link #unlockHeader}. */
    void setTagLocked(BufferTag newTag) {
        tag = newTag;
    }

    /** PinBuffer: one more pin, optionally bumping the usage count (capped). Returns the new state. */
    int pin(boolean bumpUsage) {
        for (;;) {
            int s = waitUnlocked();
            if (refcount(s) == REFCOUNT_MASK) {
                // One more would carry into the usage count and make the buffer look unpinned (evictable).
                throw new IllegalStateException("buffer " + (id + 1) + " has too many pins (" + REFCOUNT_MASK + ")");
            }
            int n = s + REFCOUNT_ONE;
            if (bumpUsage && usage(s) < MAX_USAGE_COUNT) {
                n += USAGE_ONE;
            }
            if (cas(s, n)) {
                return n;
            }
        }
    }

    /** Pins only if nobody holds a pin and the usage count is zero (a clock-sweep victim); else false. */
    boolean tryPinVictim() {
        int s = state();
        return !has(s, LOCKED) && refcount(s) == 0 && usage(s) == 0 && cas(s, s + REFCOUNT_ONE);
    }

    /** UnpinBuffer. */
    void unpin() {
        for (;;) {
            int s = waitUnlocked();
            if (refcount(s) == 0) {
                throw new IllegalStateException("buffer " + (id + 1) + " is not pinned");
            }
            if (cas(s, s - REFCOUNT_ONE)) {
                return;
            }
        }
    }

    void setFlags(int flags) {
        for (;;) {
            int s = waitUnlocked();
            if ((s & flags) == flags || cas(s, s | flags)) {
                return;
            }
        }
    }

    void clearFlags(int flags) {
        for (;;) {
            int s = waitUnlocked();
            if ((s & flags) == 0 || cas(s, s & ~flags)) {
                return;
            }
        }
    }

    /**
     * StartBufferIO: waits for any I/O in progress, then claims the buffer for I/O unless it is no longer
     * needed (for input: the page became valid; for output: it is no longer dirty).
     */
    boolean startIo(boolean forInput) {
        boolean interrupted = false;
        try {
            synchronized (this) {
                for (;;) {
                    int s = waitUnlocked();
                    if (has(s, IO_IN_PROGRESS)) {
                        interrupted |= waitForIo();
                        continue;
                    }
                    if (forInput ? has(s, VALID) : !has(s, DIRTY)) {
                        return false;
                    }
                    if (cas(s, s | IO_IN_PROGRESS)) {
                        return true;
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** TerminateBufferIO: clears IO_IN_PROGRESS, sets/clears the given flags and wakes the waiters. */
    void terminateIo(int setFlags, int clearFlags) {
        synchronized (this) {
            for (;;) {
                int s = waitUnlocked();
                int n = (s | setFlags) & ~(clearFlags | IO_IN_PROGRESS);
                if (cas(s, n)) {
                    break;
                }
            }
            notifyAll();
        }
    }

    /** WaitIO: blocks until no I/O is in progress on this buffer. */
    void awaitIo() {
        boolean interrupted = false;
        synchronized (this) {
            while (has(state(), IO_IN_PROGRESS)) {
                interrupted |= waitForIo();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One wait on the monitor; an I/O finishes on its own, so an interrupt is only remembered (returns true). */
    private boolean waitForIo() {
        try {
            wait();
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    /** Spin, then yield, then sleep briefly: with 2 cores a preempted holder needs the CPU. */
    static void backoff(int spins) {
        if (spins < 64) {
            Thread.onSpinWait();
        } else if (spins < 256) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(50_000);
        }
    }
}
