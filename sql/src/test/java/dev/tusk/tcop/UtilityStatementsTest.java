package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Utility statements the regression suite runs (VACUUM, ANALYZE, LOCK, SET CONSTRAINTS, LISTEN/NOTIFY, DISCARD),
 * DROP DATABASE's checks, default dependencies, the lexer's standard_conforming_strings, and stopping a running
 * statement from another thread. Expected texts and SQLSTATEs are PostgreSQL 15's.
 */
class UtilityStatementsTest {
    @TempDir
    static Path dir;
    static SqlTestCluster cluster;

    @BeforeAll
    static void start() {
        BuiltinSqlFunctions.registerOnce();
        cluster = new SqlTestCluster(dir);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void vacuumAndAnalyzeCheckTheTablesExist() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE vac(a int)");
            for (String sql : List.of("VACUUM", "VACUUM vac", "VACUUM FULL vac", "VACUUM FREEZE VERBOSE vac",
                    "VACUUM ANALYZE vac", "VACUUM (FULL, ANALYZE) vac(a)")) {
                assertEquals("VACUUM", s.ok(sql).tag(), sql);
            }
            assertEquals("ANALYZE", s.ok("ANALYZE").tag());
            assertEquals("ANALYZE", s.ok("ANALYZE vac").tag());
            TuskException e = s.error("VACUUM nosuch");
            assertEquals("42P01", e.sqlState().code());
            assertEquals("relation \"nosuch\" does not exist", e.getMessage());
            assertEquals("42P01", s.error("ANALYZE nosuch").sqlState().code());
            s.ok("BEGIN");
            e = s.error("VACUUM vac");
            assertEquals("25001", e.sqlState().code());
            assertEquals("VACUUM cannot run inside a transaction block", e.getMessage());
            s.ok("ROLLBACK");
            s.ok("BEGIN");
            assertEquals("ANALYZE", s.ok("ANALYZE vac").tag());
            s.ok("COMMIT");
        }
    }

    @Test
    void lockTableNeedsABlock() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE lk(a int)");
            TuskException e = s.error("LOCK TABLE lk");
            assertEquals("25P01", e.sqlState().code());
            assertEquals("LOCK TABLE can only be used in transaction blocks", e.getMessage());
            s.ok("BEGIN");
            assertEquals("LOCK TABLE", s.ok("LOCK TABLE lk IN ACCESS EXCLUSIVE MODE").tag());
            assertEquals("LOCK TABLE", s.ok("LOCK lk").tag());
            assertEquals("42P01", s.error("LOCK TABLE nosuch").sqlState().code());
            s.ok("ROLLBACK");
        }
    }

    @Test
    void setConstraintsListenNotifyDiscard() {
        try (TestSession s = cluster.connect()) {
            TestSession.Outcome o = s.run("SET CONSTRAINTS ALL DEFERRED");
            assertNull(o.error());
            assertEquals("SET CONSTRAINTS", o.last().tag());
            assertEquals(1, o.notices().size());
            assertEquals(Severity.WARNING, o.notices().get(0).severity());
            assertEquals("SET CONSTRAINTS can only be used in transaction blocks", o.notices().get(0).getMessage());
            s.ok("BEGIN");
            o = s.run("SET CONSTRAINTS ALL IMMEDIATE");
            assertEquals("SET CONSTRAINTS", o.last().tag());
            assertTrue(o.notices().isEmpty());
            s.ok("COMMIT");
            assertEquals("LISTEN", s.ok("LISTEN chan").tag());
            assertEquals("NOTIFY", s.ok("NOTIFY chan, 'payload'").tag());
            assertEquals("UNLISTEN", s.ok("UNLISTEN *").tag());
            assertEquals("DISCARD ALL", s.ok("DISCARD ALL").tag());
            assertEquals("DISCARD SEQUENCES", s.ok("DISCARD SEQUENCES").tag());
            assertEquals("RESET", s.ok("RESET ALL").tag());
            TuskException e = s.error("CREATE TYPE ct AS (a int)");
            assertEquals("0A000", e.sqlState().code());
            assertEquals("CREATE TYPE is not supported", e.getMessage());
        }
    }

    @Test
    void dropDatabaseRefusesWhileInUse() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE DATABASE busy");
            TuskException e;
            try (TestSession other = cluster.connect("postgres", "busy")) {
                assertEquals("1", other.value("SELECT 1"));
                e = s.error("DROP DATABASE busy");
                assertEquals("55006", e.sqlState().code());
                assertEquals("database \"busy\" is being accessed by other users", e.getMessage());
                assertEquals("There is 1 other session using the database.", e.detail());
                e = other.error("DROP DATABASE busy");
                assertEquals("55006", e.sqlState().code());
                assertEquals("cannot drop the currently open database", e.getMessage());
            }
            assertEquals("DROP DATABASE", s.ok("DROP DATABASE busy").tag());
        }
    }

    @Test
    void sequenceUsedByADefaultNeedsCascade() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE ser(id serial, b int)");
            TuskException e = s.error("DROP SEQUENCE ser_id_seq");
            assertEquals("2BP01", e.sqlState().code());
            assertEquals("cannot drop sequence ser_id_seq because other objects depend on it", e.getMessage());
            assertEquals("default value for column id of table ser depends on sequence ser_id_seq", e.detail());

            s.ok("CREATE SEQUENCE used_seq");
            s.ok("CREATE TABLE uses(a int DEFAULT nextval('used_seq'))");
            e = s.error("DROP SEQUENCE used_seq");
            assertEquals("2BP01", e.sqlState().code());
            assertEquals("default value for column a of table uses depends on sequence used_seq", e.detail());

            s.ok("CREATE SEQUENCE later_seq");
            s.ok("ALTER TABLE uses ALTER a SET DEFAULT nextval('later_seq')");
            s.ok("ALTER TABLE uses ADD COLUMN c bigint DEFAULT nextval('used_seq')");
            assertEquals("2BP01", s.error("DROP SEQUENCE later_seq").sqlState().code());
            s.ok("DROP SEQUENCE later_seq CASCADE");
            assertEquals("2BP01", s.error("DROP SEQUENCE used_seq").sqlState().code());
            s.ok("DROP SEQUENCE used_seq CASCADE");
            assertEquals("0", s.value("SELECT count(*) FROM pg_attrdef WHERE adrelid = 'uses'::regclass"));
        }
    }

    @Test
    void regFunctionsSeeTheSessionsCatalog() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE regt(a int)");
            s.ok("CREATE SEQUENCE regs");
            TestSession.Result r = s.ok("SELECT 'regt'::regclass, nextval('regs'), pg_table_is_visible('regt'::regclass)");
            assertEquals(List.of("regt", "1", "t"), r.rows().get(0));
        }
    }

    @Test
    void standardConformingStringsChangesTheLexer() {
        try (TestSession s = cluster.connect()) {
            assertEquals("a\\\\b", s.value("SELECT 'a\\\\b'"));
            s.ok("SET standard_conforming_strings = off");
            assertEquals("a\\b", s.value("SELECT 'a\\\\b'"));
            s.ok("RESET standard_conforming_strings");
            assertEquals("a\\\\b", s.value("SELECT 'a\\\\b'"));
        }
    }

    @Test
    void rollbackToSavepointForgetsUndoneDdl() {
        try (TestSession s = cluster.connect()) {
            s.ok("BEGIN");
            s.ok("SAVEPOINT sp");
            s.ok("CREATE TABLE undone(a int)");
            assertEquals("0", s.value("SELECT count(*) FROM undone"));
            s.ok("ROLLBACK TO SAVEPOINT sp");
            TuskException e = s.error("SELECT * FROM undone");
            assertEquals("42P01", e.sqlState().code());
            s.ok("ROLLBACK");
        }
    }

    @Test
    void cancelStopsACrossJoin() throws Exception {
        try (TestSession s = cluster.connect()) {
            CompletableFuture<TestSession.Outcome> running = CompletableFuture.supplyAsync(() -> s.run(
                    "SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b WHERE a <> b"));
            Thread.sleep(300);
            long t0 = System.nanoTime();
            while (!running.isDone() && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10)) {
                s.session().cancel();
                Thread.sleep(20);
            }
            TestSession.Outcome o = running.get(10, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3), "cancel took too long");
            assertEquals("57014", o.error().sqlState().code());
            assertEquals("canceling statement due to user request", o.error().getMessage());
            assertEquals("1", s.value("SELECT 1"));
        }
    }

    @Test
    void closeFromAnotherThreadStopsTheStatementFirst() throws Exception {
        TestSession s = cluster.connect();
        s.ok("CREATE TABLE closing(a int)");
        CompletableFuture<TestSession.Outcome> running = CompletableFuture.supplyAsync(() -> s.run(
                "BEGIN; INSERT INTO closing VALUES (1); SELECT count(*) FROM generate_series(1, 2000000000)"));
        Thread.sleep(300);
        long t0 = System.nanoTime();
        s.session().close();
        TestSession.Outcome o = running.get(10, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3), "close took too long");
        assertEquals("57014", o.error().sqlState().code());
        try (TestSession t = cluster.connect()) {
            assertEquals("0", t.value("SELECT count(*) FROM closing"));
        }
    }
}
