package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.utils.error.TuskException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** INSERT ... ON CONFLICT and EXPLAIN through a session; expected results are PostgreSQL 15's. */
class OnConflictAndExplainTest extends SqlClusterTest {
    @Test
    void explainShowsThePlanInOneTextColumn() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE ex(id int PRIMARY KEY, v text)");
            TestSession.Result r = s.ok("EXPLAIN SELECT * FROM ex WHERE id = 1");
            assertEquals("EXPLAIN", r.tag());
            assertEquals(List.of("QUERY PLAN"), r.columns());
            assertTrue(r.rows().get(0).get(0).startsWith("Index Scan using ex_pkey on ex"), r.rows().toString());
            r = s.ok("EXPLAIN (COSTS OFF) SELECT * FROM ex WHERE id = 1");
            assertEquals("Index Scan using ex_pkey on ex", r.rows().get(0).get(0));
            // PostgreSQL prints "  Index Cond: (id = 1)"; the condition's text is the planner's (see the report).
            assertTrue(r.rows().get(1).get(0).trim().startsWith("Index Cond:"), r.rows().toString());
            // EXPLAIN ANALYZE really runs the statement (inside the current transaction).
            s.ok("BEGIN");
            assertEquals("EXPLAIN", s.ok("EXPLAIN ANALYZE INSERT INTO ex VALUES (1, 'a')").tag());
            assertEquals("1", s.value("SELECT count(*) FROM ex"));
            s.ok("ROLLBACK");
            assertEquals("0", s.value("SELECT count(*) FROM ex"));
            assertEquals("EXPLAIN", s.ok("EXPLAIN (ANALYZE false) INSERT INTO ex VALUES (1, 'a')").tag());
            assertEquals("0", s.value("SELECT count(*) FROM ex"));
            assertEquals("EXPLAIN", s.ok("EXPLAIN ANALYZE SELECT * FROM ex").tag());
            s.ok("BEGIN READ ONLY");
            TuskException e = s.error("EXPLAIN ANALYZE INSERT INTO ex VALUES (1, 'a')");
            assertEquals("25006", e.sqlState().code());
            assertEquals("cannot execute INSERT in a read-only transaction", e.getMessage());
            s.ok("ROLLBACK");
        }
    }

    @Test
    void doNothingAndDoUpdate() {
        try (TestSession s = cluster.connect()) {
            s.ok("CREATE TABLE t(id int PRIMARY KEY, v text, n int DEFAULT 0 CHECK (n < 5))");
            s.ok("INSERT INTO t VALUES (1,'a'),(2,'b')");
            assertEquals("INSERT 0 1", s.ok("INSERT INTO t VALUES (1,'x'),(3,'c') ON CONFLICT DO NOTHING").tag());
            TestSession.Result r = s.ok("INSERT INTO t VALUES (1,'x'),(3,'c') ON CONFLICT (id) DO NOTHING RETURNING *");
            assertEquals("INSERT 0 0", r.tag());
            assertEquals(List.of(), r.rows());
            r = s.ok("INSERT INTO t VALUES (1,'x'),(4,'d') ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v || t.v,"
                    + " n = t.n + 1 RETURNING *");
            assertEquals("INSERT 0 2", r.tag());
            assertEquals(List.of(List.of("1", "xa", "1"), List.of("4", "d", "0")), r.rows());
            r = s.ok("INSERT INTO t VALUES (2,'y') ON CONFLICT (id) DO UPDATE SET v = 'no' WHERE t.n > 0 RETURNING *");
            assertEquals("INSERT 0 0", r.tag());
            TuskException e = s.error("INSERT INTO t VALUES (5,'e'),(5,'f') ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v");
            assertEquals("21000", e.sqlState().code());
            assertEquals("ON CONFLICT DO UPDATE command cannot affect row a second time", e.getMessage());
            assertEquals("Ensure that no rows proposed for insertion within the same command have duplicate "
                    + "constrained values.", e.hint());
            assertEquals("INSERT 0 1", s.ok("INSERT INTO t VALUES (5,'e'),(5,'f') ON CONFLICT (id) DO NOTHING").tag());
            e = s.error("INSERT INTO t VALUES (1,'z') ON CONFLICT (id) DO UPDATE SET n = 10");
            assertEquals("23514", e.sqlState().code());
            assertEquals("new row for relation \"t\" violates check constraint \"t_n_check\"", e.getMessage());
            assertEquals("Failing row contains (1, xa, 10).", e.detail());
            assertEquals(List.of(List.of("1", "xa", "1"), List.of("2", "b", "0"), List.of("3", "c", "0"),
                    List.of("4", "d", "0"), List.of("5", "e", "0")), s.ok("SELECT * FROM t ORDER BY id").rows());
            // The same row twice in one statement across two commands of a transaction is fine.
            s.ok("BEGIN");
            s.ok("INSERT INTO t VALUES (6,'f')");
            assertEquals("INSERT 0 1",
                    s.ok("INSERT INTO t VALUES (6,'g') ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v").tag());
            assertEquals("INSERT 0 1",
                    s.ok("INSERT INTO t VALUES (6,'h') ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v").tag());
            s.ok("COMMIT");
            assertEquals("h", s.value("SELECT v FROM t WHERE id = 6"));
        }
    }

    @Test
    void waitsForAConcurrentInserter() throws Exception {
        try (TestSession a = cluster.connect(); TestSession b = cluster.connect()) {
            a.ok("CREATE TABLE oc(id int PRIMARY KEY, v text)");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                a.ok("BEGIN");
                a.ok("INSERT INTO oc VALUES (7, 'a')");
                Future<TestSession.Outcome> blocked = pool.submit(() -> b.run(
                        "INSERT INTO oc VALUES (7, 'b') ON CONFLICT (id) DO UPDATE SET v = oc.v || EXCLUDED.v"));
                Thread.sleep(200);
                assertFalse(blocked.isDone(), "the conflicting insert must wait for the inserting transaction");
                a.ok("COMMIT");
                TestSession.Outcome o = blocked.get(10, TimeUnit.SECONDS);
                assertNull(o.error());
                assertEquals("INSERT 0 1", o.last().tag());
                assertEquals("ab", a.value("SELECT v FROM oc WHERE id = 7"));

                a.ok("BEGIN");
                a.ok("INSERT INTO oc VALUES (8, 'a')");
                blocked = pool.submit(() -> b.run("INSERT INTO oc VALUES (8, 'b') ON CONFLICT DO NOTHING"));
                Thread.sleep(200);
                assertFalse(blocked.isDone());
                a.ok("ROLLBACK");
                o = blocked.get(10, TimeUnit.SECONDS);
                assertNull(o.error());
                assertEquals("INSERT 0 1", o.last().tag());
                assertEquals("b", a.value("SELECT v FROM oc WHERE id = 8"));
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
