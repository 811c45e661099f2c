package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Autocommit off, commit, rollback, savepoints, isolation levels, read-only, the aborted-transaction state. */
@ExtendWith(JdbcServer.class)
class TransactionsTest {

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    void commitAndRollbackAreVisibleToOtherSessions() throws SQLException {
        try (Connection a = JdbcServer.connect(); Connection b = JdbcServer.connect();
                Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            sa.execute("create table jx_commit (id int4 primary key)");
            a.setAutoCommit(false);
            sa.execute("insert into jx_commit values (1), (2)");
            assertEquals(2, count(sa, "select count(*) from jx_commit"));
            assertEquals(0, count(sb, "select count(*) from jx_commit"));
            a.commit();
            assertEquals(2, count(sb, "select count(*) from jx_commit"));
            sa.execute("delete from jx_commit");
            sa.execute("insert into jx_commit values (3)");
            a.rollback();
            assertEquals(2, count(sa, "select count(*) from jx_commit"));
            assertEquals(2, count(sb, "select count(*) from jx_commit"));
            a.setAutoCommit(true);
        }
    }

    @Test
    void savepoints() throws SQLException {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            s.execute("create table jx_sp (id int4 primary key)");
            c.setAutoCommit(false);
            s.execute("insert into jx_sp values (1)");
            Savepoint sp1 = c.setSavepoint("one");
            s.execute("insert into jx_sp values (2)");
            Savepoint sp2 = c.setSavepoint();
            s.execute("insert into jx_sp values (3)");
            c.rollback(sp2);
            assertEquals(2, count(s, "select count(*) from jx_sp"));
            s.execute("insert into jx_sp values (4)");
            c.releaseSavepoint(sp1);
            Savepoint sp3 = c.setSavepoint("three");
            // An error inside a savepoint is undone by rolling back to it, and the transaction goes on.
            SQLException dup = assertThrows(SQLException.class, () -> s.execute("insert into jx_sp values (1)"));
            assertEquals("23505", dup.getSQLState());
            SQLException aborted = assertThrows(SQLException.class, () -> count(s, "select count(*) from jx_sp"));
            assertEquals("25P02", aborted.getSQLState());
            c.rollback(sp3);
            assertEquals(3, count(s, "select count(*) from jx_sp"));
            // "one" was released, so the server no longer knows it.
            SQLException gone = assertThrows(SQLException.class, () -> s.execute("rollback to savepoint one"));
            assertEquals("3B001", gone.getSQLState());
            assertTrue(gone.getMessage().contains("savepoint \"one\" does not exist"), gone.getMessage());
            c.rollback();
            c.setAutoCommit(false);
            s.execute("insert into jx_sp values (10)");
            c.commit();
            c.setAutoCommit(true);
            try (ResultSet rs = s.executeQuery("select id from jx_sp order by id")) {
                assertTrue(rs.next());
                assertEquals(10, rs.getInt(1));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void failedTransactionStateUntilRollback() throws SQLException {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            SQLException first = assertThrows(SQLException.class, () -> s.execute("select 1/0"));
            assertEquals("22012", first.getSQLState());
            for (int i = 0; i < 2; i++) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute("select 1"));
                assertEquals("25P02", e.getSQLState());
                assertTrue(e.getMessage().contains(
                        "current transaction is aborted, commands ignored until end of transaction block"), e.getMessage());
            }
            c.rollback();
            assertEquals(1, count(s, "select 1"));
            c.setAutoCommit(true);
            // COMMIT of an aborted block rolls it back and leaves the session usable.
            s.execute("begin");
            assertThrows(SQLException.class, () -> s.execute("select nonexistent_column_x from pg_class"));
            s.execute("commit");
            assertEquals(1, count(s, "select 1"));
        }
    }

    @Test
    void isolationLevelsAndReadOnly() throws SQLException {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            s.execute("create table jx_ro (id int4)");
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
            c.setAutoCommit(false);
            for (int level : new int[] {Connection.TRANSACTION_SERIALIZABLE, Connection.TRANSACTION_REPEATABLE_READ,
                    Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED}) {
                c.setTransactionIsolation(level);
                try (ResultSet rs = s.executeQuery("show transaction_isolation")) {
                    assertTrue(rs.next());
                    String expected = switch (level) {
                        case Connection.TRANSACTION_SERIALIZABLE -> "serializable";
                        case Connection.TRANSACTION_REPEATABLE_READ -> "repeatable read";
                        case Connection.TRANSACTION_READ_UNCOMMITTED -> "read uncommitted";
                        default -> "read committed";
                    };
                    assertEquals(expected, rs.getString(1));
                }
                assertEquals(level, c.getTransactionIsolation());
                c.commit();
            }
            c.setReadOnly(true);
            try (ResultSet rs = s.executeQuery("show transaction_read_only")) {
                assertTrue(rs.next());
                assertEquals("on", rs.getString(1));
            }
            SQLException e = assertThrows(SQLException.class, () -> s.execute("insert into jx_ro values (1)"));
            assertEquals("25006", e.getSQLState());
            assertTrue(e.getMessage().contains("cannot execute INSERT in a read-only transaction"), e.getMessage());
            c.rollback();
            c.setReadOnly(false);
            s.execute("insert into jx_ro values (1)");
            c.commit();
            c.setAutoCommit(true);
            assertEquals(1, count(s, "select count(*) from jx_ro"));
        }
    }
}
