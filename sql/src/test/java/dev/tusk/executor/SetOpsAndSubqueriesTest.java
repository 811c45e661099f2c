package dev.tusk.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UNION/INTERSECT/EXCEPT with and without ALL, sublinks (correlated too), CTEs, functions and VALUES in FROM. */
class SetOpsAndSubqueriesTest {
    @TempDir
    static Path dir;
    static QueryFixture db;

    @BeforeAll
    static void setUp() {
        db = new QueryFixture(dir);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void setOperationsUseMultisetSemantics() {
        assertEquals(List.of("1", "2", "3", "4", "5", "6"),
                db.rows("SELECT id FROM emp UNION SELECT id FROM dept ORDER BY 1"));
        assertEquals(List.of("1", "1", "2", "2", "3", "3", "4", "4", "5", "6"),
                db.rows("SELECT id FROM emp UNION ALL SELECT id FROM dept ORDER BY 1"));
        assertEquals(List.of("1", "2", "3"), db.rows("SELECT dept FROM emp INTERSECT SELECT id FROM dept ORDER BY 1"));
        assertEquals(List.of("1", "1", "2"),
                db.rows("SELECT dept FROM emp INTERSECT ALL SELECT dept FROM emp WHERE id < 4 ORDER BY 1"));
        assertEquals(List.of("1", "2", "NULL"),
                db.rows("SELECT dept FROM emp EXCEPT SELECT id FROM dept WHERE id > 2 ORDER BY 1"));
        assertEquals(List.of("NULL", "1", "2", "2", "3"),
                db.rows("SELECT dept FROM emp EXCEPT ALL SELECT 1 ORDER BY 1 NULLS FIRST"));
        assertEquals(List.of("NULL", "NULL"),
                db.rows("SELECT x FROM (VALUES (1), (NULL), (NULL)) s(x) INTERSECT ALL SELECT NULL::int"
                        + " UNION ALL SELECT NULL"));
    }

    @Test
    void unknownLiteralsTakeTheOtherSidesType() {
        assertEquals("22P02", db.error("SELECT 1 UNION SELECT 'a'").sqlState().code());
        assertEquals(List.of("1", "2"), db.rows("SELECT 1 UNION SELECT '2' ORDER BY 1"));
    }

    @Test
    void existsAndInSubqueries() {
        assertEquals(List.of("alice", "carol"),
                db.rows("SELECT name FROM emp e WHERE EXISTS (SELECT 1 FROM emp x WHERE x.mgr = e.id) ORDER BY name"));
        assertEquals(List.of("bob", "dave", "eve", "frank"),
                db.rows("SELECT name FROM emp e WHERE NOT EXISTS (SELECT 1 FROM emp x WHERE x.mgr = e.id)"
                        + " ORDER BY name"));
        assertEquals(List.of("alice", "bob", "carol", "dave"),
                db.rows("SELECT name FROM emp WHERE dept IN (SELECT id FROM dept WHERE loc IS NOT NULL) ORDER BY name"));
        assertEquals(List.of("alice", "bob", "carol", "dave"),
                db.rows("SELECT name FROM emp WHERE dept NOT IN (SELECT id FROM dept WHERE id > 2) ORDER BY name"));
    }

    @Test
    void correlatedExistsBecomesASemiJoin() {
        String q = "SELECT name FROM emp e WHERE EXISTS (SELECT 1 FROM emp x WHERE x.mgr = e.id AND x.id > 1)";
        String plan = ((PlannedQuery) QueryTestPlans.plan(db, q)).plan().explain();
        org.junit.jupiter.api.Assertions.assertTrue(plan.contains("Hash Join SEMI"), plan);
        String anti = ((PlannedQuery) QueryTestPlans.plan(db, q.replace("EXISTS", "NOT EXISTS"))).plan().explain();
        org.junit.jupiter.api.Assertions.assertTrue(anti.contains("Hash Join ANTI"), anti);
        assertEquals(List.of("alice", "carol"), db.rows(q + " ORDER BY 1"));
        assertEquals(List.of("bob", "dave", "eve", "frank"), db.rows(q.replace("EXISTS", "NOT EXISTS") + " ORDER BY 1"));
    }

    @Test
    void scalarAndCorrelatedSubqueries() {
        assertEquals(List.of("alice|eng", "bob|eng", "carol|sales", "dave|sales", "eve|NULL", "frank|ops"),
                db.rows("SELECT name, (SELECT dname FROM dept d WHERE d.id = e.dept) FROM emp e ORDER BY id"));
        assertEquals(List.of("alice"), db.rows("SELECT name FROM emp e WHERE salary > (SELECT avg(salary) FROM emp x"
                + " WHERE x.dept = e.dept) ORDER BY name"));
        assertEquals("{3,4}", db.value("SELECT ARRAY(SELECT id FROM emp WHERE dept = 2 ORDER BY id)"));
        assertEquals("21000", db.error("SELECT (SELECT id FROM emp)").sqlState().code());
        assertEquals(List.of("1", "2", "3", "4", "5", "6"),
                db.rows("SELECT (SELECT x FROM (SELECT e.id AS x) s) FROM emp e ORDER BY 1"));
    }

    @Test
    void commonTableExpressions() {
        assertEquals(List.of("1|2", "2|2"), db.rows("WITH d AS (SELECT dept, count(*) AS n FROM emp GROUP BY dept)"
                + " SELECT * FROM d WHERE n > 1 ORDER BY dept"));
        assertEquals(List.of("1|2"), db.rows("WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a)"
                + " SELECT * FROM a, b"));
        assertEquals("15", db.value("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5)"
                + " SELECT sum(n) FROM r"));
        assertEquals(List.of("1|alice|NULL|1", "2|bob|1|2", "3|carol|1|2", "6|frank|1|2", "4|dave|3|3",
                "5|eve|3|3"), db.rows("WITH RECURSIVE chain AS (SELECT id, name, mgr, 1 AS depth FROM emp"
                        + " WHERE mgr IS NULL UNION ALL SELECT e.id, e.name, e.mgr, c.depth + 1 FROM emp e"
                        + " JOIN chain c ON e.mgr = c.id) SELECT * FROM chain ORDER BY depth, id"));
    }

    @Test
    void functionsAndValuesInFrom() {
        assertEquals(List.of("1|2", "3|6", "5|10"), db.rows("SELECT g, g * 2 AS dbl FROM generate_series(1, 5, 2) g"));
        assertEquals(List.of("unnest", "ordinality"),
                db.columns("SELECT * FROM unnest(ARRAY['a','b']) WITH ORDINALITY"));
        assertEquals(List.of("a|1", "b|2"), db.rows("SELECT * FROM unnest(ARRAY['a','b']) WITH ORDINALITY"));
        assertEquals(List.of("1|x", "2|x", "3|x"), db.rows("SELECT generate_series(1,3), 'x'"));
        assertEquals(List.of("2|two", "1|one"),
                db.rows("SELECT * FROM (VALUES (1, 'one'), (2, 'two')) AS v(n, w) ORDER BY n DESC"));
        assertEquals(List.of("column1", "column2"), db.columns("VALUES (1, 2), (3, 4)"));
    }
}
