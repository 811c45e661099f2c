package dev.tusk.tcop;

import dev.tusk.libpq.HbaFile;
import dev.tusk.postmaster.AuxiliarySettings;
import dev.tusk.postmaster.ListenSettings;
import dev.tusk.postmaster.Postmaster;
import dev.tusk.storage.StorageEngine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;

/** A Postmaster over a fresh data directory, listening on 127.0.0.1 with a free port, for protocol tests. */
public final class TestServer {
    static final Duration WAIT = Duration.ofSeconds(30);

    final ActorTestKit kit;
    final ActorRef<Postmaster.Command> postmaster;
    final int port;

    private TestServer(ActorTestKit kit, ActorRef<Postmaster.Command> postmaster, int port) {
        this.kit = kit;
        this.postmaster = postmaster;
        this.port = port;
    }

    static TestServer start(ActorTestKit kit, Path dir, SqlEngine engine, HbaFile hba, int maxConnections) {
        return start(kit, dir, engine, settings(hba, maxConnections));
    }

    /** Listening on 127.0.0.1, a free port, with 20 seconds to authenticate. */
    static ListenSettings settings(HbaFile hba, int maxConnections) {
        return new ListenSettings("127.0.0.1", 0, maxConnections, hba, Duration.ofSeconds(20));
    }

    static TestServer start(ActorTestKit kit, Path dir, SqlEngine engine, ListenSettings settings) {
        StorageEngine storage = openStorage(dir);
        ActorRef<Postmaster.Command> postmaster = kit.spawn(Postmaster.create(storage, AuxiliarySettings.defaults(),
                engine, settings));
        return new TestServer(kit, postmaster, awaitListening(kit, postmaster));
    }

    /** Waits until {@code postmaster} listens and returns the port of its first address. */
    public static int awaitListening(ActorTestKit kit, ActorRef<Postmaster.Command> postmaster) {
        TestProbe<Postmaster.ListenStatus> probe = kit.createTestProbe();
        postmaster.tell(new Postmaster.AwaitListening(probe.ref()));
        Postmaster.ListenStatus status = probe.receiveMessage(WAIT);
        if (!(status instanceof Postmaster.Listening listening) || listening.addresses().isEmpty()) {
            throw new IllegalStateException("not listening: " + status);
        }
        InetSocketAddress address = listening.addresses().get(0);
        return address.getPort();
    }

    static StorageEngine openStorage(Path dir) {
        StorageEngine.Config config = new StorageEngine.Config(256, 1024 * 1024, 16 * 1024 * 1024, true, true);
        StorageEngine.bootstrap(dir, 7_000_000_000_000_000_002L, config);
        return StorageEngine.open(dir, config);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection connect(String user, String password, String... extra) throws SQLException {
        return DriverManager.getConnection(url("postgres"), connectionProperties(user, password, extra));
    }

    /**
     * pgjdbc properties for test connections: no SSL, bounded connect and socket timeouts, then {@code extra}
     * property name/value pairs; {@code password} may be null.
     */
    public static Properties connectionProperties(String user, String password, String... extra) {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("sslmode", "disable");
        props.setProperty("connectTimeout", "20");
        props.setProperty("socketTimeout", "60");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            props.setProperty(extra[i], extra[i + 1]);
        }
        return props;
    }

    int backends() {
        TestProbe<Integer> probe = kit.createTestProbe();
        postmaster.tell(new Postmaster.CountBackends(probe.ref()));
        return probe.receiveMessage(WAIT);
    }

    Postmaster.ShutdownComplete shutdown(Postmaster.ShutdownMode mode) {
        TestProbe<Postmaster.ShutdownComplete> probe = kit.createTestProbe();
        postmaster.tell(new Postmaster.Shutdown(mode, probe.ref()));
        Postmaster.ShutdownComplete done = probe.receiveMessage(Duration.ofSeconds(60));
        probe.expectTerminated(postmaster, WAIT);
        return done;
    }

    /** Deletes a test data directory and everything below it. */
    public static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Polls until {@code condition} holds (actors and sockets settle asynchronously). */
    static void eventually(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
