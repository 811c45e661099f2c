package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Server errors as pgjdbc sees them: SQLSTATE, message, detail, position, constraint/table names. */
@ExtendWith(JdbcServer.class)
class ErrorsTest {

    private static ServerErrorMessage error(String sqlState, Executable action) {
        PSQLException e = assertInstanceOf(PSQLException.class, assertThrows(SQLException.class, action));
        ServerErrorMessage m = e.getServerErrorMessage();
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        assertEquals(sqlState, m.getSQLState());
        assertEquals("ERROR", m.getSeverity());
        return m;
    }

    @Test
    void parserAndNameErrors() throws SQLException {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            ServerErrorMessage m = error("42601", () -> s.execute("select * fromm pg_class"));
            assertEquals("syntax error at or near \"fromm\"", m.getMessage());
            assertEquals(10, m.getPosition());
            m = error("42601", () -> s.execute("select (1"));
            assertEquals("syntax error at end of input", m.getMessage());
            assertEquals(10, m.getPosition());
            m = error("42P01", () -> s.execute("select * from no_such_table_x"));
            assertEquals("relation \"no_such_table_x\" does not exist", m.getMessage());
            assertEquals(15, m.getPosition());
            m = error("42703", () -> s.execute("select no_such_col from pg_class"));
            assertEquals("column \"no_such_col\" does not exist", m.getMessage());
            assertEquals(8, m.getPosition());
            m = error("42883", () -> s.execute("select no_such_function_x(1)"));
            assertEquals("function no_such_function_x(integer) does not exist", m.getMessage());
        }
    }

    @Test
    void constraintViolations() throws SQLException {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            s.execute("create table je_parent (id int4 primary key, qty int4 not null check (qty > 0))");
            s.execute("create table je_child (id int4 primary key, parent int4 references je_parent (id))");
            s.execute("insert into je_parent values (1, 5)");
            // Every violation is checked, each group reporting all its mismatches at once.
            List<Executable> checks = new ArrayList<>();
            ServerErrorMessage dup = error("23505", () -> s.execute("insert into je_parent values (1, 6)"));
            checks.add(() -> assertAll("23505",
                    () -> assertEquals("duplicate key value violates unique constraint \"je_parent_pkey\"",
                            dup.getMessage()),
                    () -> assertEquals("Key (id)=(1) already exists.", dup.getDetail()),
                    () -> assertEquals("public", dup.getSchema()),
                    () -> assertEquals("je_parent", dup.getTable()),
                    () -> assertEquals("je_parent_pkey", dup.getConstraint())));
            ServerErrorMessage notNull = error("23502", () -> s.execute("insert into je_parent (id) values (2)"));
            checks.add(() -> assertAll("23502",
                    () -> assertEquals("null value in column \"qty\" of relation \"je_parent\" violates not-null "
                            + "constraint", notNull.getMessage()),
                    () -> assertEquals("Failing row contains (2, null).", notNull.getDetail()),
                    () -> assertEquals("je_parent", notNull.getTable()),
                    () -> assertEquals("qty", notNull.getColumn())));
            ServerErrorMessage check = error("23514", () -> s.execute("insert into je_parent values (3, 0)"));
            checks.add(() -> assertAll("23514",
                    () -> assertEquals("new row for relation \"je_parent\" violates check constraint "
                            + "\"je_parent_qty_check\"", check.getMessage()),
                    () -> assertEquals("Failing row contains (3, 0).", check.getDetail()),
                    () -> assertEquals("je_parent_qty_check", check.getConstraint())));
            ServerErrorMessage fk = error("23503", () -> s.execute("insert into je_child values (1, 99)"));
            checks.add(() -> assertAll("23503 insert",
                    () -> assertEquals("insert or update on table \"je_child\" violates foreign key constraint "
                            + "\"je_child_parent_fkey\"", fk.getMessage()),
                    () -> assertEquals("Key (parent)=(99) is not present in table \"je_parent\".", fk.getDetail()),
                    () -> assertEquals("je_child_parent_fkey", fk.getConstraint())));
            s.execute("insert into je_child values (1, 1)");
            ServerErrorMessage referenced = error("23503", () -> s.execute("delete from je_parent where id = 1"));
            checks.add(() -> assertAll("23503 delete",
                    () -> assertEquals("update or delete on table \"je_parent\" violates foreign key constraint "
                            + "\"je_child_parent_fkey\" on table \"je_child\"", referenced.getMessage()),
                    () -> assertEquals("Key (id)=(1) is still referenced from table \"je_child\".",
                            referenced.getDetail())));
            assertAll(checks);
        }
    }

    @Test
    void dataErrors() throws SQLException {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            ServerErrorMessage m = error("22P02", () -> s.execute("select 'abc'::int4"));
            assertEquals("invalid input syntax for type integer: \"abc\"", m.getMessage());
            assertEquals(8, m.getPosition());
            m = error("22012", () -> s.execute("select 1 / 0"));
            assertEquals("division by zero", m.getMessage());
            m = error("22P02", () -> s.execute("select 'maybe'::boolean"));
            assertEquals("invalid input syntax for type boolean: \"maybe\"", m.getMessage());
            m = error("22P02", () -> s.execute("select 'nope'::uuid"));
            assertEquals("invalid input syntax for type uuid: \"nope\"", m.getMessage());
            // The session is fine afterwards.
            try (ResultSet rs = s.executeQuery("select 1")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void abortedTransaction() throws SQLException {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            error("22012", () -> s.execute("select 1 / 0"));
            ServerErrorMessage m = error("25P02", () -> s.execute("select 1"));
            assertEquals("current transaction is aborted, commands ignored until end of transaction block",
                    m.getMessage());
            c.rollback();
        }
    }

    @Test
    void serializationFailureUnderRepeatableRead() throws SQLException {
        try (Connection a = JdbcServer.connect(); Connection b = JdbcServer.connect();
                Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            sa.execute("create table je_ser (id int4 primary key, n int4)");
            sa.execute("insert into je_ser values (1, 0)");
            a.setAutoCommit(false);
            a.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (ResultSet rs = sa.executeQuery("select n from je_ser where id = 1")) { // takes the snapshot
                assertTrue(rs.next());
            }
            sb.execute("update je_ser set n = 1 where id = 1");
            ServerErrorMessage m = error("40001", () -> sa.execute("update je_ser set n = 2 where id = 1"));
            assertEquals("could not serialize access due to concurrent update", m.getMessage());
            a.rollback();
            a.setAutoCommit(true);
        }
    }

    @Test
    void cancelAndStatementTimeout() throws Exception {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            ServerErrorMessage m = error("57014", () -> s.execute("select count(*) from generate_series(1, 1000000000)"));
            assertEquals("canceling statement due to user request", m.getMessage());
            s.setQueryTimeout(0);
            CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(300);
                    s.cancel();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            m = error("57014", () -> s.execute("select count(*) from generate_series(1, 1000000000)"));
            assertEquals("canceling statement due to user request", m.getMessage());
            cancel.get(10, TimeUnit.SECONDS);
            s.execute("set statement_timeout = 200");
            m = error("57014", () -> s.execute("select count(*) from generate_series(1, 1000000000)"));
            assertEquals("canceling statement due to statement timeout", m.getMessage());
            s.execute("reset statement_timeout");
            try (ResultSet rs = s.executeQuery("select 42")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
        }
    }
}
