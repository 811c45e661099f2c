package dev.tusk.access.transam;

import static dev.tusk.access.transam.WalTestSupport.SMALL;
import static dev.tusk.access.transam.WalTestSupport.payload;
import static dev.tusk.access.transam.WalTestSupport.readAll;
import static dev.tusk.access.transam.WalTestSupport.record;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XLogConcurrencyTest {
    private static final long START = 8;

    @TempDir
    Path walDir;

    /** A record naming its thread and sequence number, with a payload derived from both. */
    private static XLogRecordBuilder tagged(int thread, int seq) {
        long seed = (long) thread << 32 | seq;
        int length = 8 + (seq * 37 + thread * 101) % 900;
        byte[] main = payload(seed, length);
        ByteBuffer.wrap(main).order(ByteOrder.LITTLE_ENDIAN).putInt(0, thread).putInt(4, seq);
        return record(seed, main);
    }

    private static void runThreads(int threads, ThreadBody body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    body.run(thread);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThreadBody {
        void run(int thread) throws Exception;
    }

    @Test
    void eightThreadsInsertAndEveryRecordIsReadBackExactlyOnce() throws Exception {
        int threads = 8;
        int perThread = 400;
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            runThreads(threads, t -> {
                for (int i = 0; i < perThread; i++) {
                    wal.insert(tagged(t, i));
                }
            });
        }
        List<XLogRecord> all = readAll(walDir, START);
        assertEquals(threads * perThread, all.size());
        int[] nextSeq = new int[threads];
        for (XLogRecord rec : all) {
            ByteBuffer b = ByteBuffer.wrap(rec.mainData()).order(ByteOrder.LITTLE_ENDIAN);
            int thread = b.getInt(0);
            int seq = b.getInt(4);
            // One thread's records appear in its insertion order, each exactly once.
            assertEquals(nextSeq[thread]++, seq);
            assertArrayEquals(tagged(thread, seq).mainDataChunks().getFirst(), rec.mainData());
            assertEquals((long) thread << 32 | seq, rec.xid());
        }
        for (int t = 0; t < threads; t++) {
            assertEquals(perThread, nextSeq[t]);
        }
    }

    @Test
    void concurrentCommittersShareFsyncs() throws Exception {
        int threads = 16;
        int perThread = 25;
        AtomicLong flushCalls = new AtomicLong();
        long syncs;
        try (XLog wal = XLog.open(walDir, 1, START, new XLog.Options(1024 * 1024, 256 * 1024))) {
            runThreads(threads, t -> {
                for (int i = 0; i < perThread; i++) {
                    long end = wal.insert(tagged(t, i));
                    flushCalls.incrementAndGet();
                    wal.flush(end);
                    assertTrue(wal.flushLsn() >= end, "flush returned before its record was durable");
                }
            });
            syncs = wal.syncCount();
            assertTrue(syncs >= 1);
            assertTrue(syncs <= flushCalls.get(), syncs + " fsyncs for " + flushCalls.get() + " flushes");
            // Nothing left to do: a further flush of a durable position costs no fsync.
            wal.flush(wal.insertLsn());
            assertEquals(syncs, wal.syncCount());
        }
        List<XLogRecord> all = readAll(walDir, 1024 * 1024, START);
        assertEquals(threads * perThread, all.size());
    }

    @Test
    void flushFutureCompletesWhenAnotherThreadFlushes() throws Exception {
        try (XLog wal = XLog.open(walDir, 1, START, SMALL)) {
            long first = wal.insert(record(1, payload(1, 100)));
            wal.flush(first);
            CompletableFuture<Long> already = wal.flushFuture(first);
            assertTrue(already.isDone());
            assertTrue(already.get() >= first);

            long second = wal.insert(record(2, payload(2, 100)));
            CompletableFuture<Long> pending = wal.flushFuture(second);
            long third = wal.insert(record(3, payload(3, 100)));
            CompletableFuture<Long> later = wal.flushFuture(third + 1000);
            assertFalse(pending.isDone(), "a flush future never flushes by itself");
            Thread flusher = Thread.ofPlatform().start(() -> wal.flush(second));
            flusher.join(10_000);
            long flushedTo = pending.get(10, TimeUnit.SECONDS);
            assertTrue(flushedTo >= second);
            assertTrue(wal.flushLsn() >= second);
            assertFalse(later.isDone(), "a future beyond the flushed position must still wait");
        }
    }
}
