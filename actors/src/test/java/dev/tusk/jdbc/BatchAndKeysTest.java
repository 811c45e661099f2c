package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Batches (plain and rewritten), generated keys of serial columns, update counts. */
@ExtendWith(JdbcServer.class)
class BatchAndKeysTest {

    @Test
    void preparedBatchesWithAndWithoutRewrite() throws SQLException {
        for (String rewrite : new String[] {"false", "true"}) {
            String t = "jb_batch_" + rewrite;
            try (Connection c = JdbcServer.connect("reWriteBatchedInserts", rewrite); Statement s = c.createStatement()) {
                s.execute("create table " + t + " (id serial primary key, k int4 not null, v text)");
                try (PreparedStatement ps = c.prepareStatement("insert into " + t + " (k, v) values (?, ?)")) {
                    for (int i = 0; i < 500; i++) {
                        ps.setInt(1, i);
                        ps.setString(2, i % 7 == 0 ? null : "v" + i);
                        ps.addBatch();
                    }
                    int[] counts = ps.executeBatch();
                    assertEquals(500, counts.length);
                    for (int n : counts) {
                        // A rewritten multi-row insert reports SUCCESS_NO_INFO per row, like against PostgreSQL.
                        assertTrue(n == 1 || n == Statement.SUCCESS_NO_INFO, "count " + n);
                    }
                }
                try (ResultSet rs = s.executeQuery("select count(*), sum(k), count(v), min(id), max(id) from " + t)) {
                    assertTrue(rs.next());
                    assertEquals(500, rs.getLong(1));
                    assertEquals(499 * 500 / 2, rs.getLong(2));
                    assertEquals(500 - 72, rs.getLong(3));
                    assertEquals(1, rs.getInt(4));
                    assertEquals(500, rs.getInt(5));
                }
            }
        }
    }

    @Test
    void statementBatchUpdateCountsAndAFailingBatch() throws SQLException {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            s.execute("create table jb_counts (id int4 primary key, n int4)");
            s.addBatch("insert into jb_counts select g, 0 from generate_series(1, 10) g");
            s.addBatch("update jb_counts set n = n + 1 where id <= 4");
            s.addBatch("delete from jb_counts where id > 8");
            s.addBatch("update jb_counts set n = 5 where id = 100");
            assertArrayEquals(new int[] {10, 4, 2, 0}, s.executeBatch());
            assertEquals(3, s.executeUpdate("update jb_counts set n = 9 where id between 5 and 7"));
            assertEquals(8, s.executeUpdate("delete from jb_counts"));
            assertEquals(0, s.executeUpdate("create table jb_counts2 (x int)"));

            try (PreparedStatement ps = c.prepareStatement("insert into jb_counts values (?, 0)")) {
                for (int id : new int[] {1, 2, 1, 3}) {
                    ps.setInt(1, id);
                    ps.addBatch();
                }
                BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
                assertEquals("23505", e.getSQLState());
            }
            // Autocommit: the batch runs as one transaction, so none of its rows stays.
            try (ResultSet rs = s.executeQuery("select count(*) from jb_counts")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getLong(1));
            }
        }
    }

    @Test
    void generatedKeysOfSerialColumns() throws SQLException {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            s.execute("create table jb_keys (id serial primary key, big bigserial, name text default 'anon')");
            try (PreparedStatement ps = c.prepareStatement("insert into jb_keys (name) values (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "a");
                assertEquals(1, ps.executeUpdate());
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    assertEquals(1, keys.getInt("id"));
                    assertEquals(1L, keys.getLong("big"));
                    assertEquals("a", keys.getString("name"));
                    assertFalse(keys.next());
                }
                ps.setString(1, "b");
                ps.addBatch();
                ps.setString(1, "c");
                ps.addBatch();
                ps.executeBatch();
                List<Integer> ids = new ArrayList<>();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getInt("id"));
                    }
                }
                assertEquals(List.of(2, 3), ids);
            }
            try (PreparedStatement ps = c.prepareStatement("insert into jb_keys default values", new String[] {"id"})) {
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    assertEquals(4, keys.getInt(1));
                    assertEquals(1, keys.getMetaData().getColumnCount());
                }
            }
            assertEquals(1, s.executeUpdate("insert into jb_keys (name) values ('d')", Statement.RETURN_GENERATED_KEYS));
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(5, keys.getInt("id"));
            }
            try (ResultSet rs = s.executeQuery("insert into jb_keys (name) values ('e'), ('f') returning id, name")) {
                assertTrue(rs.next());
                assertEquals(6, rs.getInt(1));
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
                assertEquals("f", rs.getString(2));
            }
            try (ResultSet rs = s.executeQuery("select currval('jb_keys_id_seq'), name from jb_keys where id = 4")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getLong(1));
                assertEquals("anon", rs.getString(2));
            }
        }
    }
}
