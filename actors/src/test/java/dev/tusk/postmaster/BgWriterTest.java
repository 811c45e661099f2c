package dev.tusk.postmaster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.StorageEngine;
import dev.tusk.storage.buffer.BufferPool;
import dev.tusk.storage.page.Page;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BgWriterTest {
    private static final ActorTestKit testKit = ActorTestKit.create("BgWriterTest");

    @AfterAll
    static void shutdown() {
        testKit.shutdownTestKit();
    }

    @Test
    void roundsWriteDirtyBuffers(@TempDir Path dir) {
        try (StorageEngine engine = TestClusters.open(dir)) {
            BufferPool buffers = engine.buffers();
            RelFileLocator rel = RelFileLocator.of(5, 16384);
            engine.smgr().create(rel, ForkNumber.MAIN, false);
            for (int i = 0; i < 3; i++) {
                int buffer = buffers.extend(rel, ForkNumber.MAIN);
                Page.init(buffers.page(buffer), 0);
                buffers.markDirty(buffer);
                buffers.unlockAndRelease(buffer);
            }
            assertEquals(3, buffers.dirtyBuffers());
            ActorRef<BgWriter.Command> writer = testKit.spawn(BgWriter.create(buffers, Duration.ofMillis(20), 100));
            TestProbe<BgWriter.Stats> probe = testKit.createTestProbe();
            probe.awaitAssert(Duration.ofSeconds(30), () -> {
                writer.tell(new BgWriter.GetStats(probe.ref()));
                BgWriter.Stats stats = probe.receiveMessage();
                assertTrue(stats.buffersWritten() >= 3, stats.toString());
                return stats;
            });
            assertEquals(0, buffers.dirtyBuffers());
            writer.tell(new BgWriter.Stop());
            probe.expectTerminated(writer, Duration.ofSeconds(30));
        }
    }
}
