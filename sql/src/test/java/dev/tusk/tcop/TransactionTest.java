package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.TuskException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transaction blocks, implicit multi-statement transactions and savepoints, as PostgreSQL 15 behaves. */
class TransactionTest extends SqlClusterTest {
    private static List<String> column(TestSession s, String sql) {
        return s.ok(sql).rows().stream().map(r -> r.get(0)).toList();
    }

    @Test
    void commitAndRollbackOutsideABlockWarn() {
        try (TestSession s = cluster.connect()) {
            TestSession.Outcome o = s.run("COMMIT");
            assertEquals("COMMIT", o.last().tag());
            assertEquals("there is no transaction in progress", o.notices().get(0).getMessage());
            assertEquals("25P01", o.notices().get(0).sqlState().code());
            assertEquals(Severity.WARNING, o.notices().get(0).severity());
            o = s.run("ROLLBACK");
            assertEquals("ROLLBACK", o.last().tag());
            assertEquals(1, o.notices().size());
            assertEquals("SAVEPOINT can only be used in transaction blocks", s.error("SAVEPOINT a").getMessage());
            assertEquals("RELEASE SAVEPOINT can only be used in transaction blocks", s.error("RELEASE a").getMessage());
            assertEquals("ROLLBACK TO SAVEPOINT can only be used in transaction blocks",
                    s.error("ROLLBACK TO a").getMessage());
        }
    }

    @Test
    void failedBlockRejectsCommandsUntilRollback() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE fb (a int primary key)");
            assertEquals('T', s.run("BEGIN").status());
            TestSession.Outcome o = s.run("BEGIN");
            assertEquals("there is already a transaction in progress", o.notices().get(0).getMessage());
            assertEquals("25001", o.notices().get(0).sqlState().code());
            s.ok("INSERT INTO fb VALUES (1)");
            TestSession.Outcome bad = s.run("SELECT 1/0");
            assertEquals("22012", bad.error().sqlState().code());
            assertEquals('E', bad.status());
            TuskException e = s.error("SELECT 1");
            assertEquals("25P02", e.sqlState().code());
            assertEquals("current transaction is aborted, commands ignored until end of transaction block",
                    e.getMessage());
            TestSession.Outcome c = s.run("COMMIT");
            assertEquals("ROLLBACK", c.last().tag());
            assertEquals('I', c.status());
            assertEquals("0", s.value("SELECT count(*) FROM fb"));
        }
    }

    @Test
    void multiStatementQueryIsOneImplicitTransaction() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE imp (a int primary key)");
            TestSession.Outcome o = s.run("INSERT INTO imp VALUES (6); SELECT 1/0");
            assertEquals("22012", o.error().sqlState().code());
            assertEquals("0", s.value("SELECT count(*) FROM imp"));
            o = s.run("INSERT INTO imp VALUES (5); COMMIT; SELECT 1");
            assertEquals("there is no transaction in progress", o.notices().get(0).getMessage());
            assertEquals("1", s.value("SELECT count(*) FROM imp"));
            o = s.run("INSERT INTO imp VALUES (7); BEGIN; INSERT INTO imp VALUES (8); COMMIT; "
                    + "INSERT INTO imp VALUES (9); SELECT 1/0");
            assertEquals("22012", o.error().sqlState().code());
            assertEquals(List.of("5", "7", "8"), column(s, "SELECT a FROM imp ORDER BY a"));
            TuskException e = s.error("SELECT 1; CREATE DATABASE nope");
            assertEquals("25001", e.sqlState().code());
            assertEquals("CREATE DATABASE cannot run inside a transaction block", e.getMessage());
            assertEquals("25P01", s.error("SELECT 1; SAVEPOINT x").sqlState().code());
        }
    }

    @Test
    void savepointsUndoPartOfATransaction() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE sp (a int primary key)");
            s.ok("BEGIN");
            s.ok("INSERT INTO sp VALUES (1)");
            assertEquals("SAVEPOINT", s.ok("SAVEPOINT s1").tag());
            s.ok("INSERT INTO sp VALUES (2)");
            TuskException dup = s.error("INSERT INTO sp VALUES (1)");
            assertEquals("23505", dup.sqlState().code());
            assertEquals("duplicate key value violates unique constraint \"sp_pkey\"", dup.getMessage());
            assertEquals("Key (a)=(1) already exists.", dup.detail());
            assertEquals("25P02", s.error("SAVEPOINT x").sqlState().code());
            assertEquals("savepoint \"s2\" does not exist", s.error("ROLLBACK TO s2").getMessage());
            assertEquals("ROLLBACK", s.ok("ROLLBACK TO s1").tag());
            s.ok("INSERT INTO sp VALUES (3)");
            s.ok("SAVEPOINT s2");
            s.ok("INSERT INTO sp VALUES (4)");
            assertEquals("RELEASE", s.ok("RELEASE s2").tag());
            s.ok("COMMIT");
            assertEquals(List.of("1", "3", "4"), column(s, "SELECT a FROM sp ORDER BY a"));
            // A failing RELEASE fails the block like any other error: COMMIT then rolls back.
            s.ok("BEGIN");
            s.ok("INSERT INTO sp VALUES (5)");
            assertEquals("3B001", s.error("RELEASE s9").sqlState().code());
            assertEquals("ROLLBACK", s.ok("COMMIT").tag());
            assertEquals("3", s.value("SELECT count(*) FROM sp"));
        }
    }

    @Test
    void readOnlyTransactionsRejectWrites() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE ro (a int)");
            s.ok("BEGIN READ ONLY");
            TuskException e = s.error("INSERT INTO ro VALUES (1)");
            assertEquals("25006", e.sqlState().code());
            assertEquals("cannot execute INSERT in a read-only transaction", e.getMessage());
            s.ok("ROLLBACK");
            s.ok("BEGIN ISOLATION LEVEL SERIALIZABLE");
            assertEquals("serializable", s.value("SHOW transaction_isolation"));
            s.ok("COMMIT");
            s.ok("BEGIN");
            s.ok("SELECT 1");
            assertEquals("transaction read-write mode must be set before any query",
                    s.run("SET TRANSACTION READ ONLY; SET TRANSACTION READ WRITE").error().getMessage());
            s.ok("ROLLBACK");
        }
    }

    @Test
    void commitAndChainKeepsTheModes() {
        try (TestSession s = cluster.connect()) {
            s.ok("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY DEFERRABLE");
            assertEquals("COMMIT", s.ok("COMMIT AND CHAIN").tag());
            assertEquals("repeatable read", s.value("SHOW transaction_isolation"));
            assertEquals("on", s.value("SHOW transaction_read_only"));
            assertEquals("on", s.value("SHOW transaction_deferrable"));
            assertEquals('T', s.run("SELECT 1").status());
            s.ok("ROLLBACK");
            TuskException e = s.error("COMMIT AND CHAIN");
            assertEquals("25P01", e.sqlState().code());
            assertEquals("COMMIT AND CHAIN can only be used in transaction blocks", e.getMessage());
            assertEquals("off", s.value("SHOW transaction_deferrable"));
        }
    }

    @Test
    void transactionStatusFollowsTheBlock() {
        try (TestSession s = cluster.connect()) {
            assertEquals('I', s.run("SELECT 1").status());
            assertEquals('T', s.run("BEGIN").status());
            assertEquals('I', s.run("COMMIT").status());
            assertNull(s.run("SELECT 1").error());
        }
    }
}
