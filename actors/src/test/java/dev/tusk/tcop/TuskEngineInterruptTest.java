package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.catalog.Bootstrap;
import dev.tusk.catalog.ScramSecrets;
import dev.tusk.libpq.HbaFile;
import dev.tusk.postmaster.Checkpointer;
import dev.tusk.postmaster.ListenSettings;
import dev.tusk.postmaster.Postmaster;
import dev.tusk.storage.StorageEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection loss and fast shutdown under statements of the real engine that would run for hours: both must
 * reach the executor's interrupt checks and end the statement, the session, and the shutdown promptly.
 */
class TuskEngineInterruptTest {
    /** Ten billion joined rows: never finishes by itself within a test run. */
    private static final String ENDLESS =
            "SELECT count(*) FROM generate_series(1,100000) a, generate_series(1,100000) b";

    private static final ActorTestKit KIT = ActorTestKit.create("TuskEngineInterruptTest");

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    private record Server(ActorRef<Postmaster.Command> postmaster, int port) {
        int backends() {
            TestProbe<Integer> probe = KIT.createTestProbe();
            postmaster.tell(new Postmaster.CountBackends(probe.ref()));
            return probe.receiveMessage(Duration.ofSeconds(30));
        }

        Postmaster.ShutdownComplete shutdown(Postmaster.ShutdownMode mode) {
            TestProbe<Postmaster.ShutdownComplete> probe = KIT.createTestProbe();
            postmaster.tell(new Postmaster.Shutdown(mode, probe.ref()));
            return probe.receiveMessage(Duration.ofSeconds(60));
        }
    }

    private static Server start(Path dir) {
        StorageEngine.Config config = StorageEngine.Config.defaults().withSharedBuffers(1024);
        StorageEngine.bootstrap(dir, 4243L, config);
        StorageEngine storage = StorageEngine.open(dir, config);
        Bootstrap.initialize(storage, "postgres", ScramSecrets.encode("unused"));
        TuskSqlEngine sql = TuskSqlEngine.open(storage, Map.of());
        ActorRef<Postmaster.Command> postmaster = KIT.spawn(Postmaster.create(storage,
                dev.tusk.postmaster.AuxiliarySettings.defaults(), sql,
                new ListenSettings("127.0.0.1", 0, 10, HbaFile.trustAll(), Duration.ofSeconds(20))));
        TestProbe<Postmaster.ListenStatus> probe = KIT.createTestProbe();
        postmaster.tell(new Postmaster.AwaitListening(probe.ref()));
        int port = ((Postmaster.Listening) probe.receiveMessage(Duration.ofSeconds(30))).addresses().get(0).getPort();
        return new Server(postmaster, port);
    }

    @Test
    void aClientThatDisconnectsDuringAnEndlessQueryFreesItsSession(@TempDir Path dir) throws Exception {
        Server server = start(dir);
        try {
            RawClient client = new RawClient(server.port());
            client.startup("postgres", "postgres");
            client.send('Q', RawClient.cstring(ENDLESS));
            Thread.sleep(500);
            assertEquals(1, server.backends());
            client.close();
            // The backend stops only after its session closed (rolled back), which needs the statement to end.
            TestServer.eventually("the session to end", () -> server.backends() == 0);
            try (RawClient next = new RawClient(server.port())) {
                next.startup("postgres", "postgres");
                next.send('Q', RawClient.cstring("SELECT 1"));
                assertEquals('Z', next.readUntil('Z').getLast().type());
            }
        } finally {
            server.shutdown(Postmaster.ShutdownMode.FAST);
        }
    }

    @Test
    void fastShutdownDuringAnEndlessQueryCancelsItAndCheckpoints(@TempDir Path dir) throws Exception {
        Server server = start(dir);
        try (RawClient client = new RawClient(server.port())) {
            client.startup("postgres", "postgres");
            client.send('Q', RawClient.cstring(ENDLESS));
            Thread.sleep(500);
            long start = System.nanoTime();
            Postmaster.ShutdownComplete done = server.shutdown(Postmaster.ShutdownMode.FAST);
            // Well inside the 10 s grace: the statement noticed the cancel, it was not abandoned.
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(8), "prompt");
            assertTrue(assertInstanceOf(Checkpointer.Completed.class, done.checkpoint()).shutdown());
            RawClient.Msg last = client.readToEnd().getLast();
            assertEquals("FATAL", last.fields().get('S'));
            assertEquals("57P01", last.fields().get('C'));
        }
    }

    @Test
    void fastShutdownDuringASlowCorrelatedSubqueryCancelsIt(@TempDir Path dir) throws Exception {
        Server server = start(dir);
        try (RawClient client = new RawClient(server.port())) {
            client.startup("postgres", "postgres");
            client.send('Q', RawClient.cstring("CREATE TABLE t AS SELECT g AS x FROM generate_series(1,20000) g"));
            assertEquals('Z', client.readUntil('Z').getLast().type());
            // 20,000 runs of a subquery scanning 20,000 rows each, with an aggregate and a filter in between.
            client.send('Q', RawClient.cstring(
                    "SELECT count(*) FROM t a WHERE a.x > (SELECT count(*) FROM t b WHERE b.x < a.x AND b.x % 7 = 0)"));
            Thread.sleep(500);
            long start = System.nanoTime();
            Postmaster.ShutdownComplete done = server.shutdown(Postmaster.ShutdownMode.FAST);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(8), "prompt");
            assertTrue(assertInstanceOf(Checkpointer.Completed.class, done.checkpoint()).shutdown());
            assertEquals("57P01", client.readToEnd().getLast().fields().get('C'));
        }
    }
}
