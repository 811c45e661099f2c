package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.TuskException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Connection start (role and database checks, startup options), authentication facts, cancel and timeouts. */
class SessionLifecycleTest extends SqlClusterTest {
    private static TuskException connectError(String user, String db) {
        return assertThrows(TuskException.class,
                () -> cluster.engine().openSession(new SessionStart(user, db, Map.of(), 1, "local")));
    }

    @Test
    void unknownRoleOrDatabaseIsFatal() {
        TuskException e = connectError("nobody", "postgres");
        assertEquals(Severity.FATAL, e.severity());
        assertEquals("28000", e.sqlState().code());
        assertEquals("role \"nobody\" does not exist", e.getMessage());
        e = connectError("postgres", "nodb");
        assertEquals("3D000", e.sqlState().code());
        assertEquals("database \"nodb\" does not exist", e.getMessage());
        e = connectError("postgres", "template0");
        assertEquals("55000", e.sqlState().code());
        assertEquals("database \"template0\" is not currently accepting connections", e.getMessage());
    }

    @Test
    void roleSecretsAndLoginRights() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE ROLE alice LOGIN PASSWORD 'pw'");
            s.ok("CREATE ROLE nologin");
        }
        SqlEngine.RoleSecret secret = cluster.engine().roleSecret("alice").orElseThrow();
        assertTrue(secret.rolpassword().startsWith("SCRAM-SHA-256$4096:"));
        assertEquals(false, secret.superuser());
        assertTrue(cluster.engine().roleSecret("nologin").isEmpty());
        assertTrue(cluster.engine().roleSecret("ghost").isEmpty());
        assertNull(cluster.engine().roleSecret("postgres").orElseThrow().rolpassword());
        TuskException e = connectError("nologin", "postgres");
        assertEquals("role \"nologin\" is not permitted to log in", e.getMessage());
        try (TestSession a = cluster.connect("alice", "postgres")) {
            assertEquals("off", a.value("SHOW is_superuser"));
            assertEquals("alice", a.value("SELECT current_user"));
            assertEquals("42501", a.error("CHECKPOINT").sqlState().code());
        }
    }

    @Test
    void startupOptionsBecomeSettings() {
        Session s = cluster.engine().openSession(new SessionStart("postgres", "postgres",
                Map.of("application_name", "psql", "DateStyle", "ISO, DMY", "options", "-c work_mem=8MB --search_path=x"),
                7, "local"));
        try (TestSession t = new TestSession(s)) {
            Map<String, String> reported = s.drainParameterChanges();
            assertEquals("psql", reported.get("application_name"));
            assertEquals("ISO, DMY", reported.get("DateStyle"));
            assertEquals("8MB", t.value("SHOW work_mem"));
            assertEquals("x", t.value("SHOW search_path"));
            assertEquals("7", t.value("SELECT pg_backend_pid()"));
            t.ok("SET work_mem = '1MB'");
            t.ok("RESET work_mem");
            assertEquals("8MB", t.value("SHOW work_mem"));
        }
        TuskException e = assertThrows(TuskException.class, () -> cluster.engine().openSession(
                new SessionStart("postgres", "postgres", Map.of("nosuch_setting", "1"), 8, "local")));
        assertEquals(Severity.FATAL, e.severity());
        assertEquals("unrecognized configuration parameter \"nosuch_setting\"", e.getMessage());
    }

    @Test
    void cancelStopsARunningStatement() throws Exception {
        try (TestSession s = cluster.connect()) {
            CompletableFuture<TestSession.Outcome> running = CompletableFuture.supplyAsync(
                    () -> s.run("SELECT count(*) FROM generate_series(1, 2000000000) a"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!running.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                s.session().cancel();
            }
            TestSession.Outcome o = running.get(10, TimeUnit.SECONDS);
            assertEquals("57014", o.error().sqlState().code());
            assertEquals("canceling statement due to user request", o.error().getMessage());
            assertEquals("1", s.value("SELECT 1"));
        }
    }

    @Test
    void statementTimeoutCancels() {
        try (TestSession s = cluster.connect()) {
            s.ok("SET statement_timeout = 200");
            TuskException e = s.error("SELECT count(*) FROM generate_series(1, 2000000000) a");
            assertEquals("57014", e.sqlState().code());
            assertEquals("canceling statement due to statement timeout", e.getMessage());
            s.ok("RESET statement_timeout");
            assertEquals("1", s.value("SELECT 1"));
        }
    }
}
