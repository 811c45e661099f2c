package dev.tusk.jdbc;

import dev.tusk.catalog.Bootstrap;
import dev.tusk.libpq.HbaFile;
import dev.tusk.postmaster.AuxiliarySettings;
import dev.tusk.postmaster.ListenSettings;
import dev.tusk.postmaster.Postmaster;
import dev.tusk.storage.StorageEngine;
import dev.tusk.tcop.TestServer;
import dev.tusk.tcop.TuskSqlEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process Tusk server (real StorageEngine in a temp dir, bootstrapped catalogs, TuskSqlEngine, Postmaster on a
 * free port, trust authentication) shared by every pgjdbc test of this package and shut down when the test run ends.
 *
 * <p>The fixture of {@code dev.tusk.tcop.TestServer} is package-private there, so this package has its own. Setting
 * the system property {@code tusk.jdbc.url} (with {@code tusk.jdbc.user}) points the same tests at another server,
 * e.g. a real PostgreSQL 15, which is how their expectations were checked.
 */
final class JdbcServer implements BeforeAllCallback {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static volatile String url;
    private static volatile String user = "postgres";

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(JdbcServer.class.getName(), k -> start(), Running.class);
    }

    private static synchronized Running start() {
        String external = System.getProperty("tusk.jdbc.url");
        if (external != null) {
            url = external;
            user = System.getProperty("tusk.jdbc.user", "postgres");
            return new Running(null, null, null);
        }
        try {
            Path dir = Files.createTempDirectory("tusk-jdbc");
            StorageEngine.Config config = StorageEngine.Config.defaults().withSharedBuffers(2048);
            StorageEngine.bootstrap(dir, 4343L, config);
            StorageEngine storage = StorageEngine.open(dir, config);
            Bootstrap.initialize(storage, "postgres", null);
            TuskSqlEngine sql = TuskSqlEngine.open(storage, Map.of());
            ActorTestKit kit = ActorTestKit.create("JdbcServer");
            HbaFile hba = HbaFile.parse("host all all 127.0.0.1/32 trust\n");
            ActorRef<Postmaster.Command> postmaster = kit.spawn(Postmaster.create(storage, AuxiliarySettings.defaults(),
                    sql, new ListenSettings("127.0.0.1", 0, 50, hba, Duration.ofSeconds(20))));
            url = "jdbc:postgresql://127.0.0.1:" + TestServer.awaitListening(kit, postmaster) + "/postgres";
            return new Running(kit, postmaster, dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection as the superuser; {@code extra} are pgjdbc property name/value pairs. */
    static Connection connect(String... extra) throws SQLException {
        if (url == null) {
            throw new IllegalStateException("the test class needs @ExtendWith(JdbcServer.class)");
        }
        return DriverManager.getConnection(url, TestServer.connectionProperties(user, null, extra));
    }

    /** Text transfer: the extended protocol but never server-prepared/binary. */
    static Connection text() throws SQLException {
        return connect("prepareThreshold", "0", "binaryTransfer", "false");
    }

    /** Binary transfer: statements are server-prepared on first use and results come back binary. */
    static Connection binary() throws SQLException {
        return connect("prepareThreshold", "-1", "binaryTransfer", "true");
    }

    /** The simple query protocol only (parameters interpolated by the driver). */
    static Connection simple() throws SQLException {
        return connect("preferQueryMode", "simple");
    }

    private record Running(ActorTestKit kit, ActorRef<Postmaster.Command> postmaster, Path dir)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            if (kit == null) {
                return;
            }
            TestProbe<Postmaster.ShutdownComplete> probe = kit.createTestProbe();
            postmaster.tell(new Postmaster.Shutdown(Postmaster.ShutdownMode.FAST, probe.ref()));
            probe.receiveMessage(WAIT);
            kit.shutdownTestKit();
            url = null;
            TestServer.deleteTree(dir);
        }
    }
}
