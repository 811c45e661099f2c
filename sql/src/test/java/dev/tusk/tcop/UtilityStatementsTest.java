package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.TuskException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Utility statements the regression suite runs (VACUUM, ANALYZE, LOCK, SET CONSTRAINTS, LISTEN/NOTIFY, DISCARD),
 * DROP DATABASE's checks, default dependencies, the lexer's standard_conforming_strings, and stopping a running
 * statement from another thread. Expected texts and SQLSTATEs are PostgreSQL 15's.
 */
class UtilityStatementsTest extends SqlClusterTest {
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
            assertEquals("ALTER TABLE", s.ok("ALTER TABLE vac ALTER COLUMN a SET STORAGE plain").tag());
            assertEquals("ALTER TABLE", s.ok("ALTER TABLE vac ALTER a SET STATISTICS 100").tag());
            assertEquals("42703", s.error("ALTER TABLE vac ALTER nosuch SET STORAGE plain").sqlState().code());
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
            assertEquals(null, s.value("SELECT pg_sequence_last_value('regs')"));
            TestSession.Result r = s.ok("SELECT 'regt'::regclass, nextval('regs'), pg_table_is_visible('regt'::regclass)");
            assertEquals(List.of("regt", "1", "t"), r.rows().get(0));
            s.ok("SELECT nextval('regs')");
            assertEquals("2", s.value("SELECT pg_sequence_last_value('regs')"));
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
    private static TuskException copyError(TestSession s, String sql, String data) {
        try {
            s.copyIn(sql, data, 7);
        } catch (TuskException e) {
            return e;
        }
        throw new AssertionError("expected COPY to fail");
    }

    @Test
    void copyErrorsSayWhichLine() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE cctx(a int PRIMARY KEY, b int NOT NULL, c int CHECK (c > 0))");
            TuskException e = copyError(s, "COPY cctx FROM STDIN", "1\t2\t3\n2\tx\t3\n");
            assertEquals("invalid input syntax for type integer: \"x\"", e.getMessage());
            assertEquals("COPY cctx, line 2, column b: \"x\"", e.context());
            e = copyError(s, "COPY cctx FROM STDIN", "1\t2\t3\n1\t2\t3\n");
            assertEquals("23505", e.sqlState().code());
            assertEquals("COPY cctx, line 2", e.context());
            e = copyError(s, "COPY cctx FROM STDIN", "1\t\\N\t3\n");
            assertEquals("23502", e.sqlState().code());
            assertEquals("COPY cctx, line 1: \"1\t\\N\t3\"", e.context());
            e = copyError(s, "COPY cctx FROM STDIN", "1\t2\t0\n");
            assertEquals("23514", e.sqlState().code());
            assertEquals("COPY cctx, line 1: \"1\t2\t0\"", e.context());
            e = copyError(s, "COPY cctx FROM STDIN", "1\t2\n");
            assertEquals("missing data for column \"c\"", e.getMessage());
            assertEquals("COPY cctx, line 1: \"1\t2\"", e.context());
            e = copyError(s, "COPY cctx FROM STDIN", "1\t2\t3\t4\n");
            assertEquals("extra data after last expected column", e.getMessage());
            assertEquals("COPY cctx, line 1: \"1\t2\t3\t4\"", e.context());
        }
    }
    @Test
    void readOnlyTransactionsMayAdvanceTemporarySequences() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE rw_perm(a int)");
            s.ok("CREATE TEMPORARY SEQUENCE rw_temp_seq");
            s.ok("START TRANSACTION READ ONLY");
            assertEquals("1", s.value("SELECT nextval('rw_temp_seq')"));
            TuskException e = s.error("INSERT INTO rw_perm VALUES (1)");
            assertEquals("25006", e.sqlState().code());
            assertEquals("cannot execute INSERT in a read-only transaction", e.getMessage());
            s.ok("ROLLBACK");
        }
    }

    @Test
    void readOnlySetInASavepointEndsWithIt() {
        try (TestSession s = cluster.connect()) {
            s.ok("BEGIN");
            s.ok("SET TRANSACTION READ WRITE");
            s.ok("SAVEPOINT x");
            s.ok("SET TRANSACTION READ ONLY");
            assertEquals("on", s.value("SHOW transaction_read_only"));
            s.ok("ROLLBACK TO SAVEPOINT x");
            assertEquals("off", s.value("SHOW transaction_read_only"));
            s.ok("COMMIT");
        }
    }
    @Test
    void binaryCopyRoundTrips() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE bsrc(a int, b text, c numeric, d timestamptz)");
            s.ok("INSERT INTO bsrc VALUES (1, 'one', 1.5, '2020-01-02 03:04:05+00'), (2, NULL, NULL, NULL)");
            s.ok("CREATE TABLE bdst(a int, b text, c numeric, d timestamptz)");
            byte[] data = copyOut(s, "COPY bsrc TO STDOUT (FORMAT binary)");
            assertEquals("PGCOPY", new String(data, 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals("COPY 2", copyInBytes(s, "COPY bdst FROM STDIN (FORMAT binary)", data, 5));
            assertEquals("0", s.value("SELECT count(*) FROM (SELECT * FROM bsrc EXCEPT SELECT * FROM bdst) x"));
            assertEquals("2", s.value("SELECT count(*) FROM bdst"));
            TuskException e = assertThrows(TuskException.class,
                    () -> copyInBytes(s, "COPY bdst FROM STDIN (FORMAT binary)", "garbage-data-here!!".getBytes(), 4));
            assertEquals("22P04", e.sqlState().code());
            assertEquals("COPY file signature not recognized", e.getMessage());
            e = s.error("COPY bsrc TO STDOUT (FORMAT binary, HEADER)");
            assertEquals("0A000", e.sqlState().code());
            assertEquals("cannot specify HEADER in BINARY mode", e.getMessage());
            assertEquals("cannot specify DELIMITER in BINARY mode",
                    s.error("COPY bsrc TO STDOUT (FORMAT binary, DELIMITER ',')").getMessage());
        }
    }

    private static byte[] copyOut(TestSession s, String sql) {
        PreparedStatement ps = s.session().parseSimple(sql).get(0);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        short[] format = {-1};
        try (Portal p = s.session().bind(ps, List.of(), new short[0], new short[0])) {
            p.execute(0, new ResultSink() {
                @Override
                public void row(byte[][] fields) {
                }

                @Override
                public void copyOutStart(short f, int columnCount) {
                    format[0] = f;
                }

                @Override
                public void copyData(byte[] data) {
                    out.writeBytes(data);
                }

                @Override
                public void notice(TuskException notice) {
                }
            });
        }
        assertEquals(1, format[0]);
        return out.toByteArray();
    }

    private static String copyInBytes(TestSession s, String sql, byte[] bytes, int chunk) {
        PreparedStatement ps = s.session().parseSimple(sql).get(0);
        try (Portal p = s.session().bind(ps, List.of(), new short[0], new short[0])) {
            ExecutionResult r = p.execute(0, null);
            assertEquals(1, ((ExecutionResult.CopyInStarted) r).format());
            ExecutionResult.CopyIn in = ((ExecutionResult.CopyInStarted) r).copyIn();
            for (int i = 0; i < bytes.length; i += chunk) {
                in.data(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk)));
            }
            return in.finish();
        }
    }
}
