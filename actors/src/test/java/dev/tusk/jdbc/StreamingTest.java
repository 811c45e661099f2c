package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cursor-based fetching (portals with a row limit) over large results, and several open portals at once. */
@ExtendWith(JdbcServer.class)
class StreamingTest {

    @Test
    void twoMillionRowsInFetchSizeChunks() throws SQLException {
        try (Connection c = JdbcServer.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1000);
                long rows = 0;
                long sum = 0;
                try (ResultSet rs = s.executeQuery("select g from generate_series(1, 2000000) g")) {
                    while (rs.next()) {
                        rows++;
                        sum += rs.getLong(1);
                    }
                }
                assertEquals(2_000_000, rows);
                assertEquals(2_000_000L * 2_000_001L / 2, sum);
            }
            c.commit();
        }
    }

    @Test
    void severalPortalsOpenAtOnce() throws SQLException {
        try (Connection c = JdbcServer.binary()) {
            c.setAutoCommit(false);
            try (PreparedStatement p1 = c.prepareStatement("select g from generate_series(1, ?) g");
                    PreparedStatement p2 = c.prepareStatement("select g * 2, 'x' || g from generate_series(1, ?) g")) {
                p1.setFetchSize(7);
                p2.setFetchSize(5);
                p1.setInt(1, 100);
                p2.setInt(1, 60);
                try (ResultSet r1 = p1.executeQuery(); ResultSet r2 = p2.executeQuery()) {
                    int i = 0;
                    int j = 0;
                    // Interleave: each next() may fetch the next chunk from its own portal.
                    while (true) {
                        boolean more1 = r1.next();
                        if (more1) {
                            assertEquals(++i, r1.getInt(1));
                        }
                        boolean more2 = r2.next();
                        if (more2) {
                            j++;
                            assertEquals(2 * j, r2.getInt(1));
                            assertEquals("x" + j, r2.getString(2));
                        }
                        if (!more1 && !more2) {
                            break;
                        }
                    }
                    assertEquals(100, i);
                    assertEquals(60, j);
                }
                // A portal closed early leaves the transaction usable.
                p1.setInt(1, 1000);
                try (ResultSet r1 = p1.executeQuery()) {
                    assertTrue(r1.next());
                }
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 7")) {
                    assertTrue(rs.next());
                    assertEquals(7, rs.getInt(1));
                    assertFalse(rs.next());
                }
            }
            c.commit();
        }
    }
}
