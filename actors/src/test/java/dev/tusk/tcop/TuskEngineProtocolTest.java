package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.catalog.Bootstrap;
import dev.tusk.catalog.ScramSecrets;
import dev.tusk.libpq.HbaFile;
import dev.tusk.postmaster.AuxiliarySettings;
import dev.tusk.postmaster.ListenSettings;
import dev.tusk.postmaster.Postmaster;
import dev.tusk.storage.StorageEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol over the real SQL engine (TuskSqlEngine on bootstrapped catalogs), through pgjdbc and psql. */
class TuskEngineProtocolTest {
    private static final ActorTestKit KIT = ActorTestKit.create("TuskEngineProtocolTest");
    @TempDir
    static Path dir;
    private static TuskSqlEngine sql;
    private static ActorRef<Postmaster.Command> postmaster;
    private static int port;

    @BeforeAll
    static void start() {
        StorageEngine.Config config = StorageEngine.Config.defaults().withSharedBuffers(1024);
        StorageEngine.bootstrap(dir, 4242L, config);
        StorageEngine storage = StorageEngine.open(dir, config);
        Bootstrap.initialize(storage, "postgres", ScramSecrets.encode("tusk-pw"));
        sql = TuskSqlEngine.open(storage, Map.of());
        HbaFile hba = HbaFile.parse("host all all 127.0.0.1/32 scram-sha-256\n");
        postmaster = KIT.spawn(Postmaster.create(storage, AuxiliarySettings.defaults(), sql,
                new ListenSettings("127.0.0.1", 0, 20, hba, Duration.ofSeconds(20))));
        TestProbe<Postmaster.ListenStatus> probe = KIT.createTestProbe();
        postmaster.tell(new Postmaster.AwaitListening(probe.ref()));
        port = ((Postmaster.Listening) probe.receiveMessage(Duration.ofSeconds(30))).addresses().get(0).getPort();
    }

    @AfterAll
    static void stop() {
        TestProbe<Postmaster.ShutdownComplete> probe = KIT.createTestProbe();
        postmaster.tell(new Postmaster.Shutdown(Postmaster.ShutdownMode.FAST, probe.ref()));
        probe.receiveMessage(Duration.ofSeconds(60));
        KIT.shutdownTestKit();
    }

    private static Connection connect(String... extra) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", "tusk-pw");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            props.setProperty(extra[i], extra[i + 1]);
        }
        return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
    }

    @Test
    void scramLoginAndASimpleSelect() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1 + 1")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
        }
        SQLException wrong = assertThrows(SQLException.class, () -> {
            Properties props = new Properties();
            props.setProperty("user", "postgres");
            props.setProperty("password", "nope");
            java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props).close();
        });
        assertEquals("28P01", wrong.getSQLState());
    }

    @Test
    void tablesParametersAndTransactions() throws SQLException {
        try (Connection c = connect("prepareThreshold", "1"); Statement s = c.createStatement()) {
            s.execute("create table wire_t (id int4 primary key, name text)");
            try (PreparedStatement ins = c.prepareStatement("insert into wire_t values (?, ?)")) {
                for (int i = 1; i <= 50; i++) {
                    ins.setInt(1, i);
                    ins.setString(2, "row " + i);
                    assertEquals(1, ins.executeUpdate());
                }
            }
            try (PreparedStatement batch = c.prepareStatement("insert into wire_t values (?, ?)")) {
                // A pipelined batch: thousands of Bind/Execute before the one Sync.
                for (int i = 10_000; i < 13_000; i++) {
                    batch.setInt(1, i);
                    batch.setString(2, "batch " + i);
                    batch.addBatch();
                }
                assertEquals(3000, batch.executeBatch().length);
            }
            try (ResultSet rs = s.executeQuery("select count(*) from wire_t")) {
                assertTrue(rs.next());
                assertEquals(3050, rs.getLong(1));
            }
            c.setAutoCommit(false);
            s.execute("insert into wire_t values (1000, 'rolled back')");
            c.rollback();
            c.setAutoCommit(true);
            try (PreparedStatement q = c.prepareStatement("select name from wire_t where id = ?")) {
                q.setInt(1, 42);
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("row 42", rs.getString(1));
                }
                q.setInt(1, 1000);
                try (ResultSet rs = q.executeQuery()) {
                    assertFalse(rs.next());
                }
            }
            SQLException missing = assertThrows(SQLException.class, () -> s.executeQuery("select * from nosuch"));
            assertEquals("42P01", missing.getSQLState());
        }
    }

    @Test
    void fetchSizeStreamsInBatches() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(500);
                long sum = 0;
                int n = 0;
                try (ResultSet rs = s.executeQuery("select g from generate_series(1, 20000) g")) {
                    while (rs.next()) {
                        sum += rs.getLong(1);
                        n++;
                    }
                }
                assertEquals(20000, n);
                assertEquals(20000L * 20001 / 2, sum);
            }
            c.commit();
        }
    }

    @Test
    void cancelAndBackendPid() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
                assertTrue(rs.next());
                assertEquals(((org.postgresql.PGConnection) c).getBackendPID(), rs.getInt(1));
            }
            var running = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    s.execute("select pg_sleep(30)");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(500);
            s.cancel();
            SQLException e = running.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("57014", e.getSQLState());
            try (ResultSet rs = s.executeQuery("select 3")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void copyInAndOut() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table wire_copy (a int4, b text)");
            var copy = ((org.postgresql.PGConnection) c).getCopyAPI();
            assertEquals(3, copy.copyIn("copy wire_copy from stdin", new java.io.StringReader("1\tone\n2\ttwo\n3\t\\N\n")));
            var out = new java.io.StringWriter();
            assertEquals(3, copy.copyOut("copy wire_copy to stdout", out));
            assertEquals("1\tone\n2\ttwo\n3\t\\N\n", out.toString());
        }
    }

    @Test
    void psqlAgainstTheRealEngine() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/psql", "-X", "-w", "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", "postgres", "-d", "postgres", "-c", "select 6 * 7 as answer")
                .redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", "tusk-pw");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("answer") && out.contains("42") && out.contains("(1 row)"), out);
    }
}
