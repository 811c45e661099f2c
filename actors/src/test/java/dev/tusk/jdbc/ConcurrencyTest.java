package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two or more sessions: READ COMMITTED row locking and re-checks, REPEATABLE READ snapshots. */
@ExtendWith(JdbcServer.class)
class ConcurrencyTest {

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    void concurrentIncrementsLoseNoUpdate() throws Exception {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            s.execute("create table jq_counter (id int4 primary key, n int4)");
            s.execute("insert into jq_counter values (1, 0)");
        }
        int threads = 4;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
                        for (int i = 0; i < each; i++) {
                            assertEquals(1, s.executeUpdate("update jq_counter set n = n + 1 where id = 1"));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            assertEquals(threads * each, single(s, "select n from jq_counter where id = 1"));
        }
    }

    @Test
    void waitingUpdateRechecksTheNewRowVersion() throws Exception {
        try (Connection a = JdbcServer.connect(); Connection b = JdbcServer.connect();
                Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            sa.execute("create table jq_recheck (id int4 primary key, status text, n int4)");
            sa.execute("insert into jq_recheck values (1, 'open', 0), (2, 'open', 0)");
            a.setAutoCommit(false);
            assertEquals(1, sa.executeUpdate("update jq_recheck set status = 'closed' where id = 1"));
            assertEquals(1, sa.executeUpdate("update jq_recheck set n = n + 10 where id = 2"));
            // B blocks on A's row locks.
            CompletableFuture<Integer> closeAgain = CompletableFuture.supplyAsync(() -> {
                try {
                    return sb.executeUpdate("update jq_recheck set n = n + 1 where status = 'open' and id = 1");
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            });
            assertThrows(TimeoutException.class, () -> closeAgain.get(500, TimeUnit.MILLISECONDS));
            a.commit();
            // The row no longer matches the WHERE clause once re-checked: nothing is updated.
            assertEquals(0, closeAgain.get(20, TimeUnit.SECONDS));
            a.setAutoCommit(true);

            a.setAutoCommit(false);
            assertEquals(1, sa.executeUpdate("update jq_recheck set n = n + 10 where id = 2"));
            CompletableFuture<Integer> increment = CompletableFuture.supplyAsync(() -> {
                try {
                    return sb.executeUpdate("update jq_recheck set n = n + 1 where id = 2 and n >= 10");
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            });
            assertThrows(TimeoutException.class, () -> increment.get(300, TimeUnit.MILLISECONDS));
            a.commit();
            // Re-evaluated on the new version (n = 20): it matches and the increment applies on top.
            assertEquals(1, increment.get(20, TimeUnit.SECONDS));
            a.setAutoCommit(true);
            assertEquals(21, single(sa, "select n from jq_recheck where id = 2"));
            assertEquals(0, single(sa, "select n from jq_recheck where id = 1"));
        }
    }

    @Test
    void repeatableReadSeesOneSnapshot() throws SQLException {
        try (Connection a = JdbcServer.connect(); Connection b = JdbcServer.connect();
                Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            sa.execute("create table jq_snap (id int4 primary key, n int4)");
            sa.execute("insert into jq_snap values (1, 1)");
            a.setAutoCommit(false);
            a.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            assertEquals(1, single(sa, "select sum(n) from jq_snap"));
            sb.execute("insert into jq_snap values (2, 2)");
            sb.execute("update jq_snap set n = 100 where id = 1");
            assertEquals(1, single(sa, "select sum(n) from jq_snap"));
            assertEquals(1, single(sa, "select count(*) from jq_snap"));
            SQLException e = assertThrows(SQLException.class, () -> sa.execute("delete from jq_snap where id = 1"));
            assertEquals("40001", e.getSQLState());
            assertTrue(e.getMessage().contains("could not serialize access due to concurrent update"), e.getMessage());
            a.rollback();
            // READ COMMITTED sees each statement's new snapshot.
            a.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            assertEquals(102, single(sa, "select sum(n) from jq_snap"));
            sb.execute("insert into jq_snap values (3, 3)");
            assertEquals(105, single(sa, "select sum(n) from jq_snap"));
            a.commit();
            a.setAutoCommit(true);
        }
    }
}
