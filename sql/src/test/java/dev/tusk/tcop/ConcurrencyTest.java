package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two or more sessions updating the same rows: READ COMMITTED waits and re-checks, REPEATABLE READ fails. */
class ConcurrencyTest extends SqlClusterTest {
    @Test
    void readCommittedUpdateWaitsAndSeesTheNewestVersion() throws Exception {
        try (TestSession a = cluster.connect(); TestSession b = cluster.connect()) {
            a.ok("CREATE TABLE rc (id int PRIMARY KEY, n int)");
            a.ok("INSERT INTO rc VALUES (1, 0), (2, 0)");
            a.ok("BEGIN");
            a.ok("UPDATE rc SET n = n + 1 WHERE id = 1");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<TestSession.Outcome> blocked = pool.submit(() -> b.run("UPDATE rc SET n = n + 1 WHERE id = 1"));
                Thread.sleep(200);
                assertFalse(blocked.isDone(), "the second UPDATE must wait for the first transaction");
                a.ok("COMMIT");
                TestSession.Outcome o = blocked.get(10, TimeUnit.SECONDS);
                assertNull(o.error());
                assertEquals("UPDATE 1", o.last().tag());
            } finally {
                pool.shutdownNow();
            }
            assertEquals("2", a.value("SELECT n FROM rc WHERE id = 1"));
            // A row whose new version no longer matches the WHERE clause is skipped.
            a.ok("BEGIN");
            a.ok("UPDATE rc SET n = 100 WHERE id = 2");
            CompletableFuture<TestSession.Outcome> f = CompletableFuture.supplyAsync(
                    () -> b.run("UPDATE rc SET n = n + 1 WHERE n = 0"));
            Thread.sleep(200);
            a.ok("COMMIT");
            assertEquals("UPDATE 0", f.get(10, TimeUnit.SECONDS).last().tag());
            assertEquals("100", a.value("SELECT n FROM rc WHERE id = 2"));
        }
    }

    @Test
    void concurrentIncrementsLoseNoUpdate() throws Exception {
        try (TestSession setup = cluster.connect()) {
            setup.ok("CREATE TABLE counter (id int PRIMARY KEY, n int)");
            setup.ok("INSERT INTO counter VALUES (1, 0)");
        }
        int threads = 4;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    try (TestSession s = cluster.connect()) {
                        for (int i = 0; i < each; i++) {
                            s.ok("UPDATE counter SET n = n + 1 WHERE id = 1");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (TestSession s = cluster.connect()) {
            assertEquals(String.valueOf(threads * each), s.value("SELECT n FROM counter WHERE id = 1"));
        }
    }

    @Test
    void repeatableReadFailsOnConcurrentUpdate() {
        try (TestSession a = cluster.connect(); TestSession b = cluster.connect()) {
            a.ok("CREATE TABLE rr (id int PRIMARY KEY, n int)");
            a.ok("INSERT INTO rr VALUES (1, 0)");
            a.ok("BEGIN ISOLATION LEVEL REPEATABLE READ");
            assertEquals("0", a.value("SELECT n FROM rr WHERE id = 1"));
            b.ok("UPDATE rr SET n = 5 WHERE id = 1");
            assertEquals("0", a.value("SELECT n FROM rr WHERE id = 1"));
            TuskException e = a.error("UPDATE rr SET n = n + 1 WHERE id = 1");
            assertEquals("40001", e.sqlState().code());
            assertEquals("could not serialize access due to concurrent update", e.getMessage());
            assertEquals("ROLLBACK", a.ok("COMMIT").tag());
            assertEquals("5", a.value("SELECT n FROM rr WHERE id = 1"));
        }
    }
}
