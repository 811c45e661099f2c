package dev.tusk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent pgjdbc clients commit single-row and multi-row transactions (and roll some back) while the server
 * JVM is SIGKILLed at a random moment; after a restart every acknowledged commit is there with all its rows,
 * no row of a rolled-back transaction is, and a transaction whose COMMIT was in flight is wholly present or
 * wholly absent. Several rounds on one directory, so later rounds also recover a recovered cluster.
 */
class SigkillCrashTest {
    private static final int ROUNDS = 3;
    private static final int CLIENTS = 4;

    @TempDir
    Path tmp;

    /** Transaction id to its number of rows. */
    private final Map<String, Integer> committed = new ConcurrentHashMap<>();
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Integer> rolledBack = new ConcurrentHashMap<>();

    @Test
    void acknowledgedCommitsSurviveSigkill() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path dir = tmp.resolve("data");
        TuskServerProcess.initdb(dir);
        TuskServerProcess server = TuskServerProcess.start(dir);
        try {
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE acked (k text PRIMARY KEY, tx text NOT NULL, part integer NOT NULL)");
            }
            for (int round = 1; round <= ROUNDS; round++) {
                int killAfterMs = 300 + random.nextInt(1500);
                String context = "round " + round + " (seed " + seed + ", SIGKILL after " + killAfterMs + " ms)";
                runAndKill(server, round, killAfterMs, random.nextLong(), context);
                // The restarted server both proves the recovery and carries the next round's load.
                server = TuskServerProcess.start(dir);
                verify(server, context);
            }
            assertEquals(0, server.stop("fast"), server.log());
        } finally {
            server.close();
        }
        assertTrue(committed.size() >= ROUNDS, "too few acknowledged commits: " + committed.size());
    }

    private void runAndKill(TuskServerProcess server, int round, int killAfterMs, long seed, String context)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        List<Throwable> setupFailures = new ArrayList<>();
        for (int w = 0; w < CLIENTS; w++) {
            String prefix = "r" + round + "w" + w + "-";
            Random random = new Random(seed + w);
            Connection c;
            try {
                c = server.connect();
                c.setAutoCommit(false);
            } catch (SQLException e) {
                setupFailures.add(e);
                continue;
            }
            Thread t = new Thread(() -> clientLoop(c, prefix, random, stop), "client-" + w);
            t.start();
            clients.add(t);
        }
        if (!setupFailures.isEmpty()) {
            fail(context + ": could not connect: " + setupFailures + "\n" + server.log());
        }
        Thread.sleep(killAfterMs);
        server.kill();
        stop.set(true);
        for (Thread t : clients) {
            t.join(30_000);
        }
    }

    private void clientLoop(Connection c, String prefix, Random random, AtomicBoolean stop) {
        int seq = 0;
        try (c; PreparedStatement insert = c.prepareStatement("INSERT INTO acked (k, tx, part) VALUES (?, ?, ?)")) {
            while (!stop.get()) {
                String tx = prefix + (seq++);
                int rows = random.nextInt(3) == 0 ? 1 : 2 + random.nextInt(4);
                boolean rollback = random.nextInt(5) == 0;
                for (int part = 0; part < rows; part++) {
                    insert.setString(1, tx + "/" + part);
                    insert.setString(2, tx);
                    insert.setInt(3, part);
                    insert.executeUpdate();
                }
                if (rollback) {
                    c.rollback();
                    rolledBack.put(tx, rows);
                } else {
                    inFlight.put(tx, rows);
                    c.commit();
                    committed.put(tx, rows);
                    inFlight.remove(tx);
                }
            }
        } catch (SQLException expectedOnceKilled) {
            // the server is gone: whatever was being committed stays in inFlight
        }
    }

    private void verify(TuskServerProcess server, String context) throws SQLException {
        Map<String, Integer> found = new HashMap<>();
        try (Connection c = server.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tx, count(*), count(DISTINCT part), max(part) FROM acked GROUP BY tx")) {
            while (rs.next()) {
                int n = rs.getInt(2);
                assertEquals(n, rs.getInt(3), context + ": duplicate parts of " + rs.getString(1));
                assertEquals(n - 1, rs.getInt(4), context + ": missing parts of " + rs.getString(1));
                found.put(rs.getString(1), n);
            }
        }
        for (Map.Entry<String, Integer> e : committed.entrySet()) {
            assertEquals(e.getValue(), found.get(e.getKey()), context + ": acknowledged commit " + e.getKey()
                    + "\n" + server.log());
        }
        for (String tx : rolledBack.keySet()) {
            assertEquals(null, found.get(tx), context + ": rolled-back transaction " + tx + " is visible");
        }
        for (Map.Entry<String, Integer> e : found.entrySet()) {
            Integer flight = inFlight.get(e.getKey());
            if (!committed.containsKey(e.getKey())) {
                assertTrue(flight != null, context + ": rows of a transaction never committed: " + e.getKey());
                assertEquals(flight, e.getValue(), context + ": in-flight transaction " + e.getKey() + " is partial");
                committed.put(e.getKey(), flight); // recovered: from now on it must stay
            }
        }
        inFlight.clear();
    }
}
