package dev.tusk.postmaster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.ControlFile;
import dev.tusk.access.transam.DbState;
import dev.tusk.storage.StorageEngine;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmasterTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ActorTestKit testKit = ActorTestKit.create("PostmasterTest");

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    @Test
    void checkpointRequestIsForwardedAndFastShutdownLeavesAShutDownCluster(@TempDir Path dir) {
        StorageEngine engine = TestClusters.open(dir);
        ActorRef<Postmaster.Command> postmaster = testKit.spawn(Postmaster.create(engine, AuxiliarySettings.defaults()));

        long lsn = engine.wal().insert(TestClusters.noop(1));
        TestProbe<Checkpointer.Reply> checkpoint = testKit.createTestProbe();
        postmaster.tell(new Postmaster.RequestCheckpoint(checkpoint.ref()));
        Checkpointer.Completed done = assertInstanceOf(Checkpointer.Completed.class, checkpoint.receiveMessage(WAIT));
        assertTrue(done.result().checkpointLsn() >= lsn);

        TestProbe<Postmaster.ShutdownComplete> probe = testKit.createTestProbe();
        postmaster.tell(new Postmaster.Shutdown(Postmaster.ShutdownMode.FAST, probe.ref()));
        Postmaster.ShutdownComplete complete = probe.receiveMessage(WAIT);
        assertNull(complete.closeError());
        Checkpointer.Completed last = assertInstanceOf(Checkpointer.Completed.class, complete.checkpoint());
        assertTrue(last.shutdown());
        assertTrue(last.result().checkpointLsn() > done.result().checkpointLsn());
        probe.expectTerminated(postmaster, WAIT);
        assertEquals(DbState.SHUTDOWNED, ControlFile.read(dir).state());
    }
}
