package dev.tusk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.ControlFile;
import dev.tusk.access.transam.DbState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server JVM driven through pgjdbc and {@code tusk stop}: PostgreSQL's meanings of smart (waits for the
 * sessions), fast (ends them with 57P01 and checkpoints) and immediate (no checkpoint: the next start recovers),
 * and the data directory lock.
 */
class ServerLifecycleTest {
    @TempDir
    Path tmp;

    @Test
    void smartShutdownWaitsForTheOpenSession() throws Exception {
        try (TuskServerProcess server = TuskServerProcess.initAndStart(tmp)) {
            Connection session = server.connect();
            assertEquals(1, scalarInt(session, "SELECT 1"));
            CompletableFuture<Integer> stop = CompletableFuture.supplyAsync(() -> call(() -> server.stop("smart")));
            Thread.sleep(1500);
            assertFalse(stop.isDone(), "smart shutdown must wait for the open session\n" + server.log());
            assertTrue(server.isAlive());
            assertEquals(2, scalarInt(session, "SELECT 2"), "the open session keeps working");
            SQLException refused = assertThrows(SQLException.class, server::connect);
            assertEquals("57P03", refused.getSQLState(), "new connections are refused while shutting down");
            session.close();
            assertEquals(0, stop.get(60, TimeUnit.SECONDS), server.log());
            assertEquals(0, server.waitFor(60), "a clean smart shutdown exits 0\n" + server.log());
            assertEquals(DbState.SHUTDOWNED, ControlFile.read(server.dataDir()).state());
            assertFalse(Files.exists(server.dataDir().resolve(PidFile.NAME)));
        }
    }

    @Test
    void fastShutdownEndsSessionsWithAdminShutdown() throws Exception {
        try (TuskServerProcess server = TuskServerProcess.initAndStart(tmp)) {
            Connection session = server.connect();
            try (Statement s = session.createStatement()) {
                s.execute("CREATE TABLE kept (id integer)");
                s.execute("INSERT INTO kept VALUES (1), (2)");
            }
            session.setAutoCommit(false);
            try (Statement s = session.createStatement()) {
                s.execute("INSERT INTO kept VALUES (3)");
            }
            assertEquals(0, server.stop("fast"), server.log());
            assertEquals(0, server.waitFor(60), "a clean fast shutdown exits 0\n" + server.log());
            SQLException ended = assertThrows(SQLException.class, () -> scalarInt(session, "SELECT 1"));
            assertEquals("57P01", ended.getSQLState(), "terminating connection due to administrator command");
            session.close();
            assertEquals(DbState.SHUTDOWNED, ControlFile.read(server.dataDir()).state());
        }
        try (TuskServerProcess again = TuskServerProcess.start(tmp.resolve("data"));
                Connection c = again.connect()) {
            assertEquals(2, scalarInt(c, "SELECT count(*) FROM kept"), "the open transaction was rolled back");
        }
    }

    @Test
    void immediateShutdownThenRestartRecovers() throws Exception {
        Path dir = tmp.resolve("data");
        try (TuskServerProcess server = TuskServerProcess.initAndStart(tmp); Connection c = server.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE r (id integer PRIMARY KEY, v text)");
            s.execute("INSERT INTO r SELECT g, 'row ' || g FROM generate_series(1, 500) g");
            assertEquals(0, server.stop("immediate"), server.log());
            assertEquals(0, server.waitFor(60), server.log());
            assertNotEquals(DbState.SHUTDOWNED, ControlFile.read(dir).state(), "immediate takes no checkpoint");
        }
        try (TuskServerProcess server = TuskServerProcess.start(dir); Connection c = server.connect()) {
            assertEquals(500, scalarInt(c, "SELECT count(*) FROM r"));
            assertEquals(250, scalarInt(c, "SELECT id FROM r WHERE v = 'row 250'"));
            assertTrue(server.log().contains("database system was interrupted"), server.log());
        }
    }

    @Test
    void sigtermIsASmartShutdownAndASecondServerIsRefused() throws Exception {
        try (TuskServerProcess server = TuskServerProcess.initAndStart(tmp)) {
            Path log = tmp.resolve("second.log");
            TuskServerProcess second = TuskServerProcess.fork(server.dataDir(), TuskServerProcess.freePort(), log,
                    List.of("start", "-D", server.dataDir().toString()), Map.of());
            assertEquals(1, second.waitFor(60), second.log());
            assertTrue(second.log().contains("FATAL:  lock file \"postmaster.pid\" already exists"), second.log());
            assertTrue(server.isAlive());
            try (Connection c = server.connect()) {
                assertEquals(1, scalarInt(c, "SELECT 1"), "the first server carries on");
            }
            ProcessHandle.of(server.pid()).orElseThrow().destroy(); // SIGTERM
            assertEquals(0, server.waitFor(60), server.log());
            assertTrue(server.log().contains("received smart shutdown request"), server.log());
            assertEquals(Cli.NOT_RUNNING, Tusk.run(new String[] {"status", "-D", server.dataDir().toString()},
                    System.out, System.err));
        }
    }

    static int scalarInt(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getInt(1);
        }
    }

    static String scalarText(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T call(Call<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
