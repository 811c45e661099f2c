package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

/** COPY FROM STDIN / TO STDOUT through pgjdbc's CopyManager. */
@ExtendWith(JdbcServer.class)
class CopyTest {

    private static CopyManager copy(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }

    private static String out(CopyManager cm, String sql) throws SQLException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        cm.copyOut(sql, bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textFormatInAndOut() throws Exception {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            s.execute("create table jc_text (id int4, name text, d date)");
            CopyManager cm = copy(c);
            String data = "1\tone\t2024-01-02\n2\t\\N\t\\N\n3\ttab\\there\\\\ and newline\\n\t0001-01-01\n";
            assertEquals(3, cm.copyIn("copy jc_text from stdin", new StringReader(data)));
            assertEquals(data, out(cm, "copy jc_text to stdout"));
            try (ResultSet rs = s.executeQuery("select name from jc_text where id = 3")) {
                assertTrue(rs.next());
                assertEquals("tab\there\\ and newline\n", rs.getString(1));
            }
            assertEquals("1\n2\n3\n", out(cm, "copy jc_text (id) to stdout"));
            assertEquals("2\t\\N\n", out(cm, "copy (select id, name from jc_text where name is null) to stdout"));
        }
    }

    @Test
    void csvFormatInAndOut() throws Exception {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            s.execute("create table jc_csv (id int4, name text, note text)");
            CopyManager cm = copy(c);
            String data = "id,name,note\n1,\"a, b\",plain\n2,,\"\"\n3,\"say \"\"hi\"\"\",\"multi\nline\"\n";
            assertEquals(3, cm.copyIn("copy jc_csv from stdin with (format csv, header true)", new StringReader(data)));
            try (ResultSet rs = s.executeQuery("select name, note, name is null, note = '' from jc_csv order by id")) {
                assertTrue(rs.next());
                assertEquals("a, b", rs.getString(1));
                assertTrue(rs.next());
                assertNull(rs.getString(1));
                assertEquals("", rs.getString(2)); // a quoted empty string is not NULL in CSV
                assertTrue(rs.getBoolean(3));
                assertTrue(rs.getBoolean(4));
                assertTrue(rs.next());
                assertEquals("say \"hi\"", rs.getString(1));
                assertEquals("multi\nline", rs.getString(2));
            }
            assertEquals("id,name,note\n1,\"a, b\",plain\n2,,\"\"\n3,\"say \"\"hi\"\"\",\"multi\nline\"\n",
                    out(cm, "copy jc_csv to stdout with (format csv, header)"));
            assertEquals("2|NULL\n", out(cm, "copy (select id, name from jc_csv where id = 2) to stdout "
                    + "with (format csv, delimiter '|', null 'NULL')"));
        }
    }

    @Test
    void hundredThousandRowRoundTrip() throws Exception {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            s.execute("create table jc_big (id int4 primary key, v text, n numeric)");
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= 100_000; i++) {
                sb.append(i).append('\t').append("value ").append(i).append('\t').append(i).append(".5\n");
            }
            CopyManager cm = copy(c);
            assertEquals(100_000, cm.copyIn("copy jc_big from stdin", new StringReader(sb.toString())));
            try (ResultSet rs = s.executeQuery("select count(*), sum(id), sum(n) from jc_big")) {
                assertTrue(rs.next());
                assertEquals(100_000, rs.getLong(1));
                assertEquals(5_000_050_000L, rs.getLong(2));
                assertEquals(new java.math.BigDecimal("5000100000.0"), rs.getBigDecimal(3));
            }
            assertEquals(sb.toString(), out(cm, "copy jc_big to stdout"));
        }
    }

    @Test
    void badDataAbortsTheCopyWithItsLine() throws Exception {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            s.execute("create table jc_bad (id int4, name text)");
            CopyManager cm = copy(c);
            PSQLException e = assertInstanceOf(PSQLException.class, assertThrows(SQLException.class,
                    () -> cm.copyIn("copy jc_bad from stdin", new StringReader("1\ta\n2\tb\nthree\tc\n4\td\n"))));
            assertEquals("22P02", e.getSQLState());
            assertEquals("invalid input syntax for type integer: \"three\"", e.getServerErrorMessage().getMessage());
            // The CONTEXT field names the line; checked after the connection's recovery below.
            String where = e.getServerErrorMessage().getWhere();
            e = assertInstanceOf(PSQLException.class, assertThrows(SQLException.class,
                    () -> cm.copyIn("copy jc_bad from stdin", new StringReader("1\ta\textra\n"))));
            assertEquals("22P04", e.getSQLState());
            assertEquals("extra data after last expected column", e.getServerErrorMessage().getMessage());
            // Nothing of the failed COPYs stays and the connection goes on.
            try (ResultSet rs = s.executeQuery("select count(*) from jc_bad")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getLong(1));
            }
            assertEquals(1, cm.copyIn("copy jc_bad from stdin", new StringReader("5\te\n")));
            assertEquals("COPY jc_bad, line 3, column id: \"three\"", where);
        }
    }
}
