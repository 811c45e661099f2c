package dev.tusk.postmaster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.XLog;
import dev.tusk.storage.StorageEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalWriterTest {
    /** Long enough that only requests, not the timer, cause flushes during a test. */
    private static final Duration QUIET = Duration.ofMinutes(10);
    private static final ActorTestKit testKit = ActorTestKit.create("WalWriterTest");

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    @Test
    void requestFlushMakesWalDurableUpToTheLsn(@TempDir Path dir) throws Exception {
        try (StorageEngine engine = TestClusters.open(dir)) {
            XLog wal = engine.wal();
            ActorRef<WalWriter.Command> writer = testKit.spawn(WalWriter.create(wal, QUIET));
            long lsn = wal.insert(TestClusters.noop(1));
            CompletableFuture<Long> durable = wal.flushFuture(lsn);
            writer.tell(new WalWriter.RequestFlush(lsn));
            assertTrue(durable.get(30, TimeUnit.SECONDS) >= lsn);
            assertTrue(wal.flushLsn() >= lsn);

            // The flush completes the future before its FlushDone reaches the actor, so wait for the count.
            TestProbe<WalWriter.Stats> probe = testKit.createTestProbe();
            WalWriter.Stats stats = probe.awaitAssert(Duration.ofSeconds(10), () -> {
                writer.tell(new WalWriter.GetStats(probe.ref()));
                WalWriter.Stats s = probe.receiveMessage();
                assertEquals(1, s.flushes());
                return s;
            });
            assertEquals(1, stats.requests());
            assertEquals(1, stats.flushes());
            assertTrue(stats.flushedLsn() >= lsn);
            testKit.stop(writer);
        }
    }

    @Test
    void concurrentCommitsShareFsyncs(@TempDir Path dir) throws Exception {
        int threads = 8;
        int commitsPerThread = 25;
        try (StorageEngine engine = TestClusters.open(dir)) {
            XLog wal = engine.wal();
            ActorRef<WalWriter.Command> writer = testKit.spawn(WalWriter.create(wal, QUIET));
            long syncsBefore = wal.syncCount();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    long last = 0;
                    for (int i = 0; i < commitsPerThread; i++) {
                        long lsn = wal.insert(TestClusters.noop(i));
                        CompletableFuture<Long> durable = wal.flushFuture(lsn);
                        writer.tell(new WalWriter.RequestFlush(lsn));
                        durable.get(60, TimeUnit.SECONDS);
                        last = lsn;
                    }
                    return last;
                }));
            }
            long highest = 0;
            for (Future<Long> f : results) {
                highest = Math.max(highest, f.get(120, TimeUnit.SECONDS));
            }
            pool.shutdown();
            int commits = threads * commitsPerThread;
            long syncs = wal.syncCount() - syncsBefore;
            assertTrue(wal.flushLsn() >= highest);
            assertTrue(syncs >= 1, "at least one fsync");
            assertTrue(syncs <= commits / 2, commits + " commits took " + syncs + " fsyncs: no group commit");
            testKit.stop(writer);
        }
    }
}
