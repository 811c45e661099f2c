package dev.tusk.storage.buffer;

import static dev.tusk.storage.buffer.BufferTestSupport.LONG;
import static dev.tusk.storage.buffer.BufferTestSupport.OFF_BLOCK;
import static dev.tusk.storage.buffer.BufferTestSupport.OFF_COUNTER;
import static dev.tusk.storage.buffer.BufferTestSupport.REL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BufferPoolConcurrencyTest {
    private static final int THREADS = 6;

    @TempDir
    Path dir;

    private static <T> List<T> runAll(int threads, Callable<T> task) throws Exception {
        ExecutorService exec = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(exec.submit(task));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : fs) {
                out.add(f.get());
            }
            return out;
        } finally {
            exec.shutdownNow();
        }
    }

    @Test
    void concurrentIncrementsUnderExclusiveLocksWithEvictionGiveTheExactTotal() throws Exception {
        int blocks = 48;
        int perThread = 1500;
        long expected = (long) THREADS * perThread;
        try (BufferTestSupport s = new BufferTestSupport(dir, 16, upTo -> { })) {
            s.createRelation(REL, blocks, 1);
            runAll(THREADS, () -> {
                SplittableRandom rnd = new SplittableRandom(Thread.currentThread().threadId());
                for (int i = 0; i < perThread; i++) {
                    long blk = rnd.nextInt(blocks);
                    int b = s.pool.readBuffer(REL, ForkNumber.MAIN, blk);
                    if (rnd.nextInt(4) == 0) { // readers: the page under a pin is the requested block
                        s.pool.lockShared(b);
                        assertEquals(blk, s.pool.page(b).get(LONG, OFF_BLOCK));
                        s.pool.unlock(b);
                        s.pool.release(b);
                        i--;
                        continue;
                    }
                    s.pool.lockExclusive(b);
                    MemorySegment page = s.pool.page(b);
                    assertEquals(blk, page.get(LONG, OFF_BLOCK), "pinned buffer holds the requested block");
                    page.set(LONG, OFF_COUNTER, page.get(LONG, OFF_COUNTER) + 1);
                    Page.setLsn(page, Page.lsn(page) + 1);
                    s.pool.markDirty(b);
                    s.pool.unlockAndRelease(b);
                    if (i % 500 == 0) {
                        s.pool.bgWriterSweep(4);
                    }
                }
                return null;
            });
            assertEquals(expected, sumCounters(s.pool, blocks));
            s.pool.flushAll();
        }
        try (BufferTestSupport s = new BufferTestSupport(dir, 16, upTo -> { })) {
            assertEquals(expected, sumCounters(s.pool, blocks), "the total survives a restart");
        }
    }

    @Test
    void checkpointsAndBgWriterRacingWithWritersLoseNoUpdate() throws Exception {
        int blocks = 24;
        int perThread = 800;
        try (BufferTestSupport s = new BufferTestSupport(dir, 12, upTo -> { })) {
            s.createRelation(REL, blocks, 1);
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger checkpoints = new AtomicInteger();
            Thread checkpointer = new Thread(() -> {
                while (!done.get()) {
                    s.pool.flushAll();
                    s.pool.bgWriterSweep(3);
                    s.smgr.syncAll();
                    checkpoints.incrementAndGet();
                }
            });
            checkpointer.start();
            try {
                runAll(4, () -> {
                    SplittableRandom rnd = new SplittableRandom(Thread.currentThread().threadId() * 31);
                    for (int i = 0; i < perThread; i++) {
                        long blk = rnd.nextInt(blocks);
                        int b = s.pool.readBuffer(REL, ForkNumber.MAIN, blk);
                        s.pool.lockExclusive(b);
                        MemorySegment page = s.pool.page(b);
                        page.set(LONG, OFF_COUNTER, page.get(LONG, OFF_COUNTER) + 1);
                        s.pool.markDirty(b);
                        s.pool.unlockAndRelease(b);
                    }
                    return null;
                });
            } finally {
                done.set(true);
                checkpointer.join();
            }
            assertTrue(checkpoints.get() > 0);
            s.pool.flushAll();
        }
        // Only what reached the files counts: a write racing with a change must have left the buffer dirty.
        try (BufferTestSupport s = new BufferTestSupport(dir, 12, upTo -> { })) {
            assertEquals(4L * perThread, sumCounters(s.pool, blocks));
        }
    }

    private static long sumCounters(BufferPool pool, int blocks) {
        long sum = 0;
        for (long blk = 0; blk < blocks; blk++) {
            int b = pool.readBuffer(REL, ForkNumber.MAIN, blk);
            pool.lockShared(b);
            sum += BufferTestSupport.counter(pool.page(b));
            pool.unlockAndRelease(b);
        }
        return sum;
    }

    @Test
    void threadsMissingOnTheSameBlockShareOneBuffer() throws Exception {
        try (BufferTestSupport s = new BufferTestSupport(dir, 32, upTo -> { })) {
            s.createRelation(REL, 64, 1);
            s.pool.flushAll();
            for (long blk = 32; blk < 64; blk++) { // evict everything: the first 32 blocks displace the rest
                s.pool.release(s.pool.readBuffer(REL, ForkNumber.MAIN, blk - 32));
            }
            CyclicBarrier barrier = new CyclicBarrier(THREADS);
            List<List<Integer>> seen = runAll(THREADS, () -> {
                List<Integer> mine = new ArrayList<>();
                for (long blk = 32; blk < 48; blk++) {
                    barrier.await(30, TimeUnit.SECONDS);
                    int b = s.pool.readBuffer(REL, ForkNumber.MAIN, blk);
                    assertEquals(blk, s.pool.page(b).get(LONG, OFF_BLOCK));
                    mine.add(b);
                    barrier.await(30, TimeUnit.SECONDS); // everyone holds the pin here, so one buffer per block is forced
                    s.pool.release(b);
                }
                return mine;
            });
            for (int i = 0; i < 16; i++) {
                Set<Integer> buffers = new HashSet<>();
                for (List<Integer> l : seen) {
                    buffers.add(l.get(i));
                }
                assertEquals(1, buffers.size(), "block " + (32 + i) + " in buffers " + buffers);
            }
        }
    }

    @Test
    void concurrentExtendersGetDistinctZeroedLockedBlocks() throws Exception {
        int perThread = 20;
        try (BufferTestSupport s = new BufferTestSupport(dir, 16, upTo -> { })) {
            RelFileLocator rel = RelFileLocator.of(5, 30000);
            s.smgr.create(rel, ForkNumber.MAIN, false);
            Set<Long> blocks = ConcurrentHashMap.newKeySet();
            runAll(4, () -> {
                for (int i = 0; i < perThread; i++) {
                    int b = s.pool.extend(rel, ForkNumber.MAIN);
                    long blk = s.pool.blockNumber(b);
                    MemorySegment page = s.pool.page(b);
                    assertTrue(Page.isNew(page) && page.get(LONG, OFF_BLOCK) == 0, "zero page");
                    assertTrue(blocks.add(blk), "block " + blk + " handed out twice");
                    Page.init(page, BufferTestSupport.SPECIAL);
                    page.set(LONG, OFF_BLOCK, blk);
                    s.pool.markDirty(b);
                    s.pool.unlockAndRelease(b);
                }
                return null;
            });
            assertEquals(4 * perThread, blocks.size());
            assertEquals(4L * perThread, s.pool.nblocks(rel, ForkNumber.MAIN));
            s.pool.flushAll();
            assertEquals(4L * perThread, s.smgr.nblocks(rel, ForkNumber.MAIN));
            for (long blk = 0; blk < 4 * perThread; blk++) {
                int b = s.pool.readBuffer(rel, ForkNumber.MAIN, blk);
                assertEquals(blk, s.pool.page(b).get(LONG, OFF_BLOCK));
                s.pool.release(b);
            }
        }
    }
}
