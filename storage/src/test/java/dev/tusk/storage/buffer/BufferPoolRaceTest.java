package dev.tusk.storage.buffer;

import static dev.tusk.storage.buffer.BufferTestSupport.REL;
import static dev.tusk.storage.buffer.BufferTestSupport.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interleavings of the buffer pool that only show with one thread parked at a precise point: the WAL flush
 * that every dirty-page write makes first is where these tests hold a writer still.
 */
class BufferPoolRaceTest {
    @TempDir
    Path dir;

    /** A WAL flusher that parks one chosen thread once, the first time it flushes. */
    private static final class ParkingFlusher implements WalFlusher {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean armed = new AtomicBoolean();
        volatile Thread victim;

        @Override
        public void flush(long upTo) {
            if (Thread.currentThread() == victim && armed.compareAndSet(true, false)) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        void park(Thread t) {
            victim = t;
            armed.set(true);
        }
    }

    /** Waits (without a time limit that could fail the test) until {@code t} is blocked or done. */
    private static void awaitBlockedOrDone(Thread t) {
        while (true) {
            Thread.State st = t.getState();
            if (st == Thread.State.WAITING || st == Thread.State.TIMED_WAITING || st == Thread.State.TERMINATED) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    /**
     * A checkpoint's flushAll must not skip a buffer whose write another thread (bgwriter, eviction) has
     * started but not finished: the dirty flag is cleared when the write starts, yet the page is not on disk
     * until it ends, and the checkpoint is about to declare it durable (BufferSync waits for such I/O).
     */
    @Test
    void flushAllWaitsForAWriteAlreadyInProgress() throws Exception {
        ParkingFlusher wal = new ParkingFlusher();
        try (BufferTestSupport s = new BufferTestSupport(dir, 4, wal)) {
            s.createRelation(REL, 1, 1);
            s.pool.flushAll();
            int b = s.pool.readBuffer(REL, ForkNumber.MAIN, 0);
            s.pool.lockExclusive(b);
            s.pool.page(b).set(BufferTestSupport.LONG, BufferTestSupport.OFF_COUNTER, 42L);
            Page.setLsn(s.pool.page(b), 100);
            s.pool.markDirty(b);
            s.pool.unlockAndRelease(b);

            Thread bgwriter = new Thread(() -> s.pool.bgWriterSweep(10));
            wal.park(bgwriter);
            bgwriter.start();
            wal.entered.await(); // the bgwriter has started the write and is parked before smgr.write

            AtomicLong onDiskAfterCheckpoint = new AtomicLong(-1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread checkpointer = new Thread(() -> {
                try {
                    s.pool.flushAll();
                    MemorySegment disk = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
                    s.smgr.read(REL, ForkNumber.MAIN, 0, disk);
                    onDiskAfterCheckpoint.set(counter(disk));
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            checkpointer.start();
            awaitBlockedOrDone(checkpointer);
            wal.release.countDown();
            checkpointer.join();
            bgwriter.join();
            assertEquals(null, failure.get());
            assertEquals(42L, onDiskAfterCheckpoint.get(), "flushAll returned before the page was on disk");
        }
    }

    /**
     * The pin count has 18 bits. One more pin must be refused, not carried into the usage count (which would
     * leave a pinned buffer looking unpinned, free to be evicted under its holders).
     */
    @Test
    void pinCountNeverOverflowsIntoTheUsageCount() {
        try (BufferTestSupport s = new BufferTestSupport(dir, 2, upTo -> { })) {
            s.createRelation(REL, 1, 1);
            int max = BufferDesc.REFCOUNT_MASK;
            int b = 0;
            for (int i = 0; i < max; i++) {
                b = s.pool.readBuffer(REL, ForkNumber.MAIN, 0);
            }
            int buffer = b;
            assertThrows(IllegalStateException.class, () -> s.pool.readBuffer(REL, ForkNumber.MAIN, 0));
            assertEquals(1, s.pool.pinnedBuffers(), "the buffer must still count as pinned");
            for (int i = 0; i < max; i++) {
                s.pool.release(buffer);
            }
        }
    }

    /**
     * A new block must not become visible through nblocks() before the extender holds its buffer locked
     * (PostgreSQL locks it before releasing the extension lock); otherwise a backend that reads the last block
     * can initialise and fill it, and the extender's Page.init then wipes that out.
     */
    @Test
    void extendedBlockIsNotHandedToAnotherBackendBeforeTheExtenderLocksIt() throws Exception {
        ParkingFlusher wal = new ParkingFlusher();
        try (BufferTestSupport s = new BufferTestSupport(dir, 2, wal)) {
            s.createRelation(REL, 2, 1); // both buffers dirty: the extender must write a victim first
            AtomicBoolean extenderSawZeros = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread extender = new Thread(() -> {
                try {
                    int b = s.pool.extend(REL, ForkNumber.MAIN);
                    MemorySegment zeros = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
                    extenderSawZeros.set(s.pool.page(b).mismatch(zeros) == -1);
                    s.pool.unlockAndRelease(b);
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            wal.park(extender);
            extender.start();
            wal.entered.await(); // the extender is writing out its dirty victim

            // Another backend looks for free space in the last block, as heap insertion does.
            long last = s.pool.nblocks(REL, ForkNumber.MAIN) - 1;
            int b = s.pool.readBuffer(REL, ForkNumber.MAIN, last);
            s.pool.lockExclusive(b);
            MemorySegment page = s.pool.page(b);
            if (Page.isNew(page)) {
                Page.init(page, BufferTestSupport.SPECIAL);
                page.set(BufferTestSupport.LONG, BufferTestSupport.OFF_COUNTER, 7L);
                Page.setLsn(page, 50);
                s.pool.markDirty(b);
            }
            s.pool.unlockAndRelease(b);

            wal.release.countDown();
            extender.join();
            assertEquals(null, failure.get());
            assertTrue(extenderSawZeros.get(), "the extender got a block another backend had already filled");
            assertEquals(3, s.pool.nblocks(REL, ForkNumber.MAIN));
        }
    }
}
