package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.libpq.HbaFile;
import dev.tusk.postmaster.Postmaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and hostile clients: a client that vanishes under a running statement, floods of short connections,
 * connections that never start up, huge declared lengths before authentication, and a statement that ignores
 * cancels during a fast shutdown.
 */
class ConnectionRobustnessTest {
    private static final ActorTestKit KIT = ActorTestKit.create("ConnectionRobustnessTest");

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @Test
    void aClientThatDisconnectsUnderARunningStatementCancelsItAndFreesItsSession(@TempDir Path dir)
            throws Exception {
        ScriptedEngine engine = new ScriptedEngine().role("alice", null);
        TestServer server = TestServer.start(KIT, dir, engine, HbaFile.trustAll(), 10);
        try {
            RawClient client = new RawClient(server.port);
            client.startup("alice", "postgres");
            // Produces no output for a minute, so only a cancel can end it before the wait below gives up.
            client.send('Q', RawClient.cstring("sleep 60000"));
            TestServer.eventually("the statement to start", () -> engine.sessions.size() == 1);
            Thread.sleep(200);
            long start = System.nanoTime();
            client.close();
            TestServer.eventually("the session to close", () -> engine.openSessions() == 0);
            TestServer.eventually("the backend to stop", () -> server.backends() == 0);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "cancelled, not run to its end");
        } finally {
            server.shutdown(Postmaster.ShutdownMode.FAST);
        }
    }

    @Test
    void aPipelinedBatchStopsWhenTheClientIsGone(@TempDir Path dir) throws Exception {
        ScriptedEngine engine = new ScriptedEngine().role("alice", null);
        TestServer server = TestServer.start(KIT, dir, engine, HbaFile.trustAll(), 10);
        try {
            RawClient client = new RawClient(server.port);
            client.startup("alice", "postgres");
            client.send('Q', RawClient.cstring("sleep 60000; sleep 60000; sleep 60000"));
            TestServer.eventually("the statement to start", () -> engine.sessions.size() == 1);
            Thread.sleep(200);
            client.close();
            // Three minutes of statements if the rest of the Query ran after the cancel.
            TestServer.eventually("the session to close", () -> engine.openSessions() == 0);
            TestServer.eventually("the backend to stop", () -> server.backends() == 0);
        } finally {
            server.shutdown(Postmaster.ShutdownMode.FAST);
        }
    }

    @Test
    void fastShutdownDoesNotWaitForeverForAStatementThatIgnoresCancels(@TempDir Path dir) throws Exception {
        ScriptedEngine engine = new ScriptedEngine().role("alice", null);
        TestServer server = TestServer.start(KIT, dir, engine,
                TestServer.settings(HbaFile.trustAll(), 10).withFastShutdownGrace(Duration.ofMillis(500)));
        try (RawClient idle = new RawClient(server.port); RawClient stuck = new RawClient(server.port)) {
            idle.startup("alice", "postgres");
            stuck.startup("alice", "postgres");
            stuck.send('Q', RawClient.cstring("spin 20000"));
            Thread.sleep(200);
            long start = System.nanoTime();
            Postmaster.ShutdownComplete done = server.shutdown(Postmaster.ShutdownMode.FAST);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15), "bounded by the grace");
            // It went on as an immediate shutdown: no checkpoint while a statement may still touch the engine.
            assertNull(done.checkpoint());
            assertTrue(stuck.closedByServer());
            assertEquals("57P01", idle.readToEnd().getLast().fields().get('C'));
        }
    }

    @Test
    void manyShortConnectionsLeaveNoSessionsThreadsOrDescriptorsBehind(@TempDir Path dir) throws Exception {
        ScriptedEngine engine = new ScriptedEngine().role("alice", null);
        TestServer server = TestServer.start(KIT, dir, engine, HbaFile.trustAll(), 20);
        try {
            warmUp(server);
            int threadsBefore = Thread.getAllStackTraces().size();
            long fdsBefore = openFileDescriptors();
            for (int i = 0; i < 200; i++) {
                try (RawClient c = new RawClient(server.port)) {
                    switch (i % 4) {
                        case 0 -> {
                            c.startup("alice", "postgres");
                            c.send('X', new byte[0]);
                            assertTrue(c.closedByServer());
                        }
                        case 1 -> {
                            // Vanishes without Terminate right after a query.
                            c.startup("alice", "postgres");
                            c.send('Q', RawClient.cstring("select 1"));
                        }
                        case 2 -> c.send(RawClient.startupPacket("user", "alice", "database", "postgres"));
                        default -> {
                            // Connects and says nothing.
                        }
                    }
                }
            }
            TestServer.eventually("every backend to stop", () -> server.backends() == 0);
            TestServer.eventually("every session to close", () -> engine.openSessions() == 0);
            // Thread pools may grow a little on their own; a thread or descriptor per connection would not fit.
            TestServer.eventually("threads to settle",
                    () -> Thread.getAllStackTraces().size() <= threadsBefore + 10);
            if (fdsBefore >= 0) {
                TestServer.eventually("descriptors to be closed", () -> openFileDescriptors() <= fdsBefore + 10);
            }
            try (RawClient c = new RawClient(server.port)) {
                assertEquals('Z', c.startup("alice", "postgres").getLast().type());
            }
        } finally {
            server.shutdown(Postmaster.ShutdownMode.FAST);
        }
    }

    private static void warmUp(TestServer server) throws IOException {
        for (int i = 0; i < 5; i++) {
            try (RawClient c = new RawClient(server.port)) {
                c.startup("alice", "postgres");
                c.send('X', new byte[0]);
                c.closedByServer();
            }
        }
        TestServer.eventually("warm-up backends to stop", () -> server.backends() == 0);
    }

    private static long openFileDescriptors() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> s = Files.list(fds)) {
            return s.count();
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void aHugeDeclaredLengthBeforeAuthenticationIsRefusedWithoutWaitingForTheBody(@TempDir Path dir)
            throws Exception {
        ScriptedEngine engine = new ScriptedEngine().role("bob", "secret");
        HbaFile hba = HbaFile.parse("host all all 127.0.0.1/32 password\n");
        TestServer server = TestServer.start(KIT, dir, engine, hba, 10);
        try (RawClient c = new RawClient(server.port)) {
            c.send(RawClient.startupPacket("user", "bob", "database", "postgres"));
            assertEquals('R', c.read().type());
            // A Query header declaring 500 MB: legal after login, never before it. Only the header is sent.
            c.send(ByteBuffer.allocate(5).put((byte) 'Q').putInt(500_000_000).array());
            RawClient.Msg last = c.readToEnd().getLast();
            assertEquals('E', last.type());
            assertEquals("FATAL", last.fields().get('S'));
            assertEquals("08P01", last.fields().get('C'));
            assertEquals("invalid message length", last.fields().get('M'));
        } finally {
            server.shutdown(Postmaster.ShutdownMode.FAST);
        }
    }

    @Test
    void connectionsBeyondTwiceMaxConnectionsAreRefusedBeforeStartup(@TempDir Path dir) throws Exception {
        ScriptedEngine engine = new ScriptedEngine().role("alice", null);
        int max = 2;
        TestServer server = TestServer.start(KIT, dir, engine, HbaFile.trustAll(), max);
        List<RawClient> silent = new ArrayList<>();
        try {
            int limit = 2 * max + 20;
            for (int i = 0; i < limit; i++) {
                silent.add(new RawClient(server.port));
            }
            TestServer.eventually("the silent connections to have backends", () -> server.backends() == limit);
            try (RawClient extra = new RawClient(server.port)) {
                RawClient.Msg refused = extra.read();
                assertEquals('E', refused.type());
                assertEquals("53300", refused.fields().get('C'));
                assertEquals("sorry, too many clients already", refused.fields().get('M'));
            }
        } finally {
            for (RawClient c : silent) {
                c.close();
            }
            TestServer.eventually("the silent backends to stop", () -> server.backends() == 0);
            server.shutdown(Postmaster.ShutdownMode.FAST);
        }
    }

    @Test
    void aStackOverflowEndsOnlyItsOwnSessionWithFatal(@TempDir Path dir) throws Exception {
        ScriptedEngine engine = new ScriptedEngine().role("alice", null);
        TestServer server = TestServer.start(KIT, dir, engine, HbaFile.trustAll(), 10);
        try (RawClient other = new RawClient(server.port); RawClient victim = new RawClient(server.port)) {
            other.startup("alice", "postgres");
            victim.startup("alice", "postgres");
            victim.send('Q', RawClient.cstring("overflow"));
            RawClient.Msg last = victim.readToEnd().getLast();
            assertEquals("FATAL", last.fields().get('S'));
            assertEquals("54001", last.fields().get('C'));
            assertEquals("stack depth limit exceeded", last.fields().get('M'));
            other.send('Q', RawClient.cstring("select 1"));
            assertEquals('Z', other.readUntil('Z').getLast().type());
            TestServer.eventually("the failed session to close", () -> engine.openSessions() == 1);
        } finally {
            server.shutdown(Postmaster.ShutdownMode.FAST);
        }
    }
}
