package dev.tusk.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LATERAL subqueries and functions in FROM reading earlier FROM items; expectations from PostgreSQL 15. */
class LateralJoinTest {
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
    void functionInFromIsImplicitlyLateral() {
        assertEquals(List.of("empty|1", "empty|2", "empty|3", "empty|4", "eng|1", "ops|1", "ops|2", "ops|3",
                "sales|1", "sales|2"),
                db.rows("SELECT d.dname, g FROM dept d, generate_series(1, d.id) g ORDER BY 1, 2"));
    }

    @Test
    void crossJoinLateralRunsPerOuterRow() {
        assertEquals(List.of("eng|alice", "ops|frank", "sales|carol"),
                db.rows("SELECT d.dname, s.name FROM dept d CROSS JOIN LATERAL (SELECT e.name FROM emp e"
                        + " WHERE e.dept = d.id ORDER BY e.salary DESC NULLS LAST LIMIT 1) s ORDER BY 1"));
    }

    @Test
    void leftJoinLateralNullExtendsEmptyInner() {
        assertEquals(List.of("empty|NULL", "eng|alice", "ops|frank", "sales|carol"),
                db.rows("SELECT d.dname, s.name FROM dept d LEFT JOIN LATERAL (SELECT e.name FROM emp e"
                        + " WHERE e.dept = d.id ORDER BY e.salary DESC NULLS LAST LIMIT 1) s ON true ORDER BY 1"));
        assertEquals(List.of("alice|NULL", "bob|alice", "carol|alice", "dave|carol", "eve|carol", "frank|alice"),
                db.rows("SELECT e.name, m.name FROM emp e LEFT JOIN LATERAL (SELECT name FROM emp m2"
                        + " WHERE m2.id = e.mgr) m ON true ORDER BY 1"));
    }

    @Test
    void commaLateralWithWhereAndJoinLateralOn() {
        assertEquals(List.of("eng|2", "ops|1", "sales|2"),
                db.rows("SELECT d.dname, s.n FROM dept d, LATERAL (SELECT count(*) AS n FROM emp e"
                        + " WHERE e.dept = d.id) s WHERE s.n > 0 ORDER BY 1"));
        assertEquals(List.of("ops|frank", "sales|carol", "sales|dave"),
                db.rows("SELECT d.dname, x.c FROM dept d JOIN LATERAL (SELECT e.name AS c, e.id FROM emp e"
                        + " WHERE e.dept = d.id) x ON x.id > 2 ORDER BY 1, 2"));
    }

    @Test
    void lateralFunctionInsideCorrelatedSubquery() {
        assertEquals(List.of("alice|1", "bob|1,2", "carol|1,2,3"),
                db.rows("SELECT e.name, (SELECT string_agg(x::text, ',') FROM emp e2, generate_series(e2.id, e.id) x"
                        + " WHERE e2.id = 1) FROM emp e WHERE e.id <= 3 ORDER BY 1"));
    }

    @Test
    void lateralInsideJoinReadsItemsOutsideIt() {
        assertEquals(List.of("eng|alice|1", "eng|bob|1", "ops|frank|3", "sales|carol|2", "sales|dave|2"),
                db.rows("SELECT d.dname, e.name, ss.x FROM dept d, emp e JOIN LATERAL (VALUES (d.id)) ss(x)"
                        + " ON e.dept = ss.x ORDER BY 1, 2"));
        assertEquals(List.of("eng|alice|sf", "eng|bob|sf", "ops|frank|NULL", "sales|carol|ny", "sales|dave|NULL"),
                db.rows("SELECT d.dname, e.name, ss.x FROM dept d JOIN (emp e LEFT JOIN LATERAL"
                        + " (SELECT d.loc AS x WHERE e.salary > 75) ss ON true) ON e.dept = d.id ORDER BY 1, 2"));
    }

    @Test
    void starOfLeftItemInLateralSubquery() {
        assertEquals(List.of("1|1|eng|sf", "2|2|sales|ny"),
                db.rows("SELECT d.id, s.* FROM dept d, LATERAL (SELECT d.* LIMIT 1) s WHERE d.id < 3 ORDER BY 1"));
    }

    @Test
    void nonLateralSubqueryGetsColumnHint() {
        TuskException e = db.error("SELECT dname, g FROM dept a, (SELECT dname AS g) ss");
        assertEquals(SqlState.UNDEFINED_COLUMN, e.sqlState());
        assertEquals("column \"dname\" does not exist", e.getMessage());
        assertEquals("There is a column named \"dname\" in table \"a\", but it cannot be referenced from this part"
                + " of the query.", e.hint());
    }

    @Test
    void upperAggregateInLateralSubqueryIsRejected() {
        TuskException e = db.error("SELECT 1 FROM dept a, LATERAL (SELECT max(a.id) FROM emp b) ss");
        assertEquals(SqlState.GROUPING_ERROR, e.sqlState());
        assertEquals("aggregate functions are not allowed in FROM clause of their own query level", e.getMessage());
        assertEquals(39, e.position());
    }

    @Test
    void illegalLateralReferences() {
        TuskException e = db.error("SELECT * FROM dept d FULL JOIN LATERAL (SELECT d.id) s ON true");
        assertEquals(SqlState.INVALID_COLUMN_REFERENCE, e.sqlState());
        assertEquals("invalid reference to FROM-clause entry for table \"d\"", e.getMessage());
        assertEquals("The combining JOIN type must be INNER or LEFT for a LATERAL reference.", e.detail());
        e = db.error("SELECT * FROM dept d RIGHT JOIN generate_series(1, d.id) g ON true");
        assertEquals(SqlState.INVALID_COLUMN_REFERENCE, e.sqlState());
        assertEquals(52, e.position());
        e = db.error("SELECT * FROM dept d, (SELECT d.id) s");
        assertEquals(SqlState.UNDEFINED_TABLE, e.sqlState());
        assertEquals("There is an entry for table \"d\", but it cannot be referenced from this part of the query.",
                e.hint());
        assertEquals(31, e.position());
    }

    @Test
    void explainShowsNestedLoopAndAliases() {
        assertEquals(List.of("Seq Scan on emp e", "  Filter: (mgr = 1)"),
                db.rows("EXPLAIN SELECT e.name FROM emp e WHERE e.mgr = 1"));
        assertEquals(List.of("Nested Loop", "  ->  Seq Scan on dept d", "  ->  Function Scan on generate_series g"),
                db.rows("EXPLAIN SELECT d.dname, g FROM dept d, generate_series(1, d.id) g"));
        assertEquals(List.of("Hash Join", "  Hash Cond: (e1.mgr = e2.id)", "  ->  Seq Scan on emp e1", "  ->  Hash",
                "        ->  Seq Scan on emp e2"),
                db.rows("EXPLAIN SELECT * FROM emp e1 JOIN emp e2 ON e1.mgr = e2.id"));
    }
}
