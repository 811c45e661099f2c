package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.ControlFile;
import dev.tusk.access.transam.DbState;
import dev.tusk.libpq.HbaFile;
import dev.tusk.postmaster.AuxiliarySettings;
import dev.tusk.postmaster.Checkpointer;
import dev.tusk.postmaster.ListenSettings;
import dev.tusk.postmaster.Postmaster;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

/** The Postmaster's shutdown modes with live sessions, and a listen socket that cannot be bound. */
class ShutdownTest {
    private static final ActorTestKit KIT = ActorTestKit.create("ShutdownTest");

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @Test
    void fastShutdownTerminatesSessionsRollsBackAndCheckpoints(@TempDir Path dir) throws Exception {
        ScriptedEngine engine = new ScriptedEngine().role("alice", null);
        TestServer server = TestServer.start(KIT, dir, engine, HbaFile.trustAll(), 10);
        try (RawClient idleInTransaction = new RawClient(server.port); Connection busy = server.connect("alice", null);
                Statement s = busy.createStatement()) {
            idleInTransaction.startup("alice", "postgres");
            idleInTransaction.send('Q', RawClient.cstring("begin"));
            idleInTransaction.readUntil('Z');
            CompletableFuture<SQLException> running = CompletableFuture.supplyAsync(() -> {
                try {
                    s.executeQuery("sleep 30000");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(300);
            Postmaster.ShutdownComplete done = server.shutdown(Postmaster.ShutdownMode.FAST);

            RawClient.Msg fatal = idleInTransaction.readToEnd().getLast();
            assertEquals("FATAL", fatal.fields().get('S'));
            assertEquals("57P01", fatal.fields().get('C'));
            assertEquals("terminating connection due to administrator command", fatal.fields().get('M'));
            SQLException e = running.get(20, TimeUnit.SECONDS);
            assertEquals("57P01", e.getSQLState());
            assertTrue(engine.sessions.stream().allMatch(session -> session.closed));
            assertTrue(engine.sessions.stream().anyMatch(session -> session.rolledBackAtClose));
            assertNull(done.closeError());
            assertTrue(assertInstanceOf(Checkpointer.Completed.class, done.checkpoint()).shutdown());
            assertEquals(DbState.SHUTDOWNED, ControlFile.read(dir).state());
        }
    }

    @Test
    void smartShutdownRefusesNewSessionsAndWaitsForTheOldOnes(@TempDir Path dir) throws Exception {
        ScriptedEngine engine = new ScriptedEngine().role("alice", null);
        TestServer server = TestServer.start(KIT, dir, engine, HbaFile.trustAll(), 10);
        Connection old = server.connect("alice", null);
        TestProbe<Postmaster.ShutdownComplete> probe = KIT.createTestProbe();
        server.postmaster.tell(new Postmaster.Shutdown(Postmaster.ShutdownMode.SMART, probe.ref()));
        PSQLException refused = assertThrows(PSQLException.class, () -> server.connect("alice", null));
        assertEquals("57P03", refused.getSQLState());
        assertEquals("the database system is shutting down", refused.getServerErrorMessage().getMessage());
        try (Statement s = old.createStatement(); ResultSet rs = s.executeQuery("select 8")) {
            assertTrue(rs.next());
        }
        probe.expectNoMessage(Duration.ofMillis(300));
        old.close();
        Postmaster.ShutdownComplete done = probe.receiveMessage(Duration.ofSeconds(30));
        assertInstanceOf(Checkpointer.Completed.class, done.checkpoint());
        probe.expectTerminated(server.postmaster, Duration.ofSeconds(30));
        assertEquals(DbState.SHUTDOWNED, ControlFile.read(dir).state());
    }

    @Test
    void smartShutdownEscalatesToFast(@TempDir Path dir) throws Exception {
        ScriptedEngine engine = new ScriptedEngine().role("alice", null);
        TestServer server = TestServer.start(KIT, dir, engine, HbaFile.trustAll(), 10);
        try (RawClient session = new RawClient(server.port)) {
            session.startup("alice", "postgres");
            TestProbe<Postmaster.ShutdownComplete> smart = KIT.createTestProbe();
            server.postmaster.tell(new Postmaster.Shutdown(Postmaster.ShutdownMode.SMART, smart.ref()));
            smart.expectNoMessage(Duration.ofMillis(300));
            server.shutdown(Postmaster.ShutdownMode.FAST);
            smart.receiveMessage(Duration.ofSeconds(5));
            assertEquals("57P01", session.readToEnd().getLast().fields().get('C'));
        }
    }

    @Test
    void immediateShutdownDropsConnectionsWithoutACheckpoint(@TempDir Path dir) throws Exception {
        ScriptedEngine engine = new ScriptedEngine().role("alice", null);
        TestServer server = TestServer.start(KIT, dir, engine, HbaFile.trustAll(), 10);
        try (RawClient session = new RawClient(server.port); RawClient busy = new RawClient(server.port)) {
            session.startup("alice", "postgres");
            busy.startup("alice", "postgres");
            busy.send('Q', RawClient.cstring("sleep 30000"));
            Thread.sleep(200);
            long start = System.nanoTime();
            Postmaster.ShutdownComplete done = server.shutdown(Postmaster.ShutdownMode.IMMEDIATE);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "a busy session does not hold it up");
            assertTrue(busy.closedByServer());
            assertNull(done.checkpoint());
            RawClient.Msg last = session.readToEnd().getLast();
            // As PostgreSQL's quickdie: a WARNING NoticeResponse, then the connection drops.
            assertEquals('N', last.type());
            assertEquals("WARNING", last.fields().get('S'));
            assertEquals("57P01", last.fields().get('C'));
            assertEquals("terminating connection due to immediate shutdown command", last.fields().get('M'));
            assertNotEquals(DbState.SHUTDOWNED, ControlFile.read(dir).state());
        }
    }

    @Test
    void aPortInUseIsReportedAndThePostmasterStops(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            ListenSettings settings = new ListenSettings("127.0.0.1", taken.getLocalPort(), 10, HbaFile.trustAll(),
                    Duration.ofSeconds(5));
            ActorRef<Postmaster.Command> postmaster = KIT.spawn(Postmaster.create(TestServer.openStorage(dir),
                    AuxiliarySettings.defaults(), new ScriptedEngine(), settings));
            TestProbe<Postmaster.ListenStatus> probe = KIT.createTestProbe();
            postmaster.tell(new Postmaster.AwaitListening(probe.ref()));
            Postmaster.ListenFailed failed = assertInstanceOf(Postmaster.ListenFailed.class,
                    probe.receiveMessage(Duration.ofSeconds(30)));
            assertEquals("could not create any TCP/IP sockets", failed.message());
            assertEquals(List.of("could not bind IPv4 address \"127.0.0.1\": Address already in use"),
                    failed.reasons());
            probe.expectTerminated(postmaster, Duration.ofSeconds(30));
            assertEquals(DbState.SHUTDOWNED, ControlFile.read(dir).state());
        }
    }
}
