package dev.tusk.postmaster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.ControlFile;
import dev.tusk.access.transam.ControlFileData;
import dev.tusk.storage.StorageEngine;
import dev.tusk.storage.StorageEngine.CheckpointResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointerTest {
    private static final Duration QUIET = Duration.ofMinutes(10);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ActorTestKit testKit = ActorTestKit.create("CheckpointerTest");

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    @Test
    void requestedCheckpointMovesPastThePreviousOneAndUpdatesPgControl(@TempDir Path dir) {
        try (StorageEngine engine = TestClusters.open(dir)) {
            ControlFileData before = ControlFile.read(dir);
            engine.wal().insert(TestClusters.noop(1));
            ActorRef<Checkpointer.Command> checkpointer = testKit.spawn(Checkpointer.create(engine, QUIET));
            TestProbe<Checkpointer.Reply> probe = testKit.createTestProbe();
            checkpointer.tell(new Checkpointer.RequestCheckpoint(probe.ref()));
            Checkpointer.Completed done = assertInstanceOf(Checkpointer.Completed.class, probe.receiveMessage(WAIT));
            CheckpointResult result = done.result();
            assertTrue(result.checkpointLsn() > before.checkPoint(), "checkpoint LSN must advance");
            assertTrue(result.redoLsn() <= result.checkpointLsn());
            ControlFileData after = ControlFile.read(dir);
            assertEquals(result.checkpointLsn(), after.checkPoint());
            assertEquals(result.redoLsn(), after.redo());

            TestProbe<Checkpointer.Stats> stats = testKit.createTestProbe();
            checkpointer.tell(new Checkpointer.GetStats(stats.ref()));
            assertEquals(new Checkpointer.Stats(0, 1, 0), stats.receiveMessage());
            testKit.stop(checkpointer);
        }
    }

    @Test
    void requestsDuringACheckpointShareTheNextOne(@TempDir Path dir) throws Exception {
        try (StorageEngine engine = TestClusters.open(dir)) {
            CountDownLatch firstStarted = new CountDownLatch(1);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();
            Checkpointer.CheckpointWork gated = shutdown -> {
                if (runs.incrementAndGet() == 1) {
                    firstStarted.countDown();
                    awaitQuietly(releaseFirst);
                }
                return engine.createCheckPoint(shutdown);
            };
            ActorRef<Checkpointer.Command> checkpointer = testKit.spawn(Checkpointer.create(gated,
                    () -> engine.wal().insertLsn(), QUIET));
            TestProbe<Checkpointer.Reply> first = testKit.createTestProbe();
            checkpointer.tell(new Checkpointer.RequestCheckpoint(first.ref()));
            assertTrue(firstStarted.await(60, TimeUnit.SECONDS));
            List<TestProbe<Checkpointer.Reply>> later = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                TestProbe<Checkpointer.Reply> p = testKit.createTestProbe();
                checkpointer.tell(new Checkpointer.RequestCheckpoint(p.ref()));
                later.add(p);
            }
            // Make sure the actor has queued all four before the first checkpoint ends.
            TestProbe<Checkpointer.Stats> stats = testKit.createTestProbe();
            checkpointer.tell(new Checkpointer.GetStats(stats.ref()));
            stats.receiveMessage(WAIT);
            releaseFirst.countDown();

            long firstLsn = assertInstanceOf(Checkpointer.Completed.class, first.receiveMessage(WAIT))
                    .result().checkpointLsn();
            List<Long> laterLsns = new ArrayList<>();
            for (TestProbe<Checkpointer.Reply> p : later) {
                laterLsns.add(assertInstanceOf(Checkpointer.Completed.class, p.receiveMessage(WAIT))
                        .result().checkpointLsn());
            }
            assertEquals(2, runs.get(), "four requests during a checkpoint must share one more checkpoint");
            assertEquals(1, laterLsns.stream().distinct().count());
            assertNotEquals(firstLsn, laterLsns.get(0));
            assertTrue(laterLsns.get(0) > firstLsn);
            testKit.stop(checkpointer);
        }
    }

    @Test
    void shutdownCheckpointRepliesAndStops(@TempDir Path dir) {
        try (StorageEngine engine = TestClusters.open(dir)) {
            ActorRef<Checkpointer.Command> checkpointer = testKit.spawn(Checkpointer.create(engine, QUIET));
            TestProbe<Checkpointer.Reply> probe = testKit.createTestProbe();
            checkpointer.tell(new Checkpointer.Shutdown(probe.ref()));
            Checkpointer.Completed done = assertInstanceOf(Checkpointer.Completed.class, probe.receiveMessage(WAIT));
            assertTrue(done.shutdown());
            assertEquals(done.result().checkpointLsn(), ControlFile.read(dir).checkPoint());
            probe.expectTerminated(checkpointer, WAIT);
        }
    }

    @Test
    void timedCheckpointRunsOnceWalWasWritten(@TempDir Path dir) {
        try (StorageEngine engine = TestClusters.open(dir)) {
            long before = ControlFile.read(dir).checkPoint();
            ActorRef<Checkpointer.Command> checkpointer = testKit.spawn(
                    Checkpointer.create(engine, Duration.ofMillis(100)));
            TestProbe<Checkpointer.Stats> stats = testKit.createTestProbe();
            // Once it answers, it has noted the idle WAL position; only WAL written after that makes work.
            checkpointer.tell(new Checkpointer.GetStats(stats.ref()));
            stats.receiveMessage(WAIT);
            engine.wal().insert(TestClusters.noop(1));
            stats.awaitAssert(WAIT, () -> {
                checkpointer.tell(new Checkpointer.GetStats(stats.ref()));
                assertTrue(stats.receiveMessage().timed() >= 1);
                return null;
            });
            assertTrue(ControlFile.read(dir).checkPoint() > before);
            testKit.stop(checkpointer);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
