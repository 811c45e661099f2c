package dev.tusk.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joins of every kind, with ON, USING and NATURAL, and their NULL handling. */
class JoinQueryTest {
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
    void innerJoinDropsUnmatchedRows() {
        assertEquals(List.of("alice|eng", "bob|eng", "carol|sales", "dave|sales", "frank|ops"),
                db.rows("SELECT e.name, d.dname FROM emp e JOIN dept d ON e.dept = d.id ORDER BY e.name"));
    }

    @Test
    void leftJoinKeepsLeftRowsWithNulls() {
        assertEquals(List.of("alice|eng", "bob|eng", "carol|sales", "dave|sales", "eve|NULL", "frank|ops"),
                db.rows("SELECT e.name, d.dname FROM emp e LEFT JOIN dept d ON e.dept = d.id ORDER BY e.name"));
    }

    @Test
    void rightJoinKeepsRightRows() {
        assertEquals(List.of("NULL|empty", "alice|eng", "bob|eng", "frank|ops", "carol|sales", "dave|sales"),
                db.rows("SELECT e.name, d.dname FROM emp e RIGHT JOIN dept d ON e.dept = d.id"
                        + " ORDER BY d.dname, e.name"));
    }

    @Test
    void fullJoinKeepsBothSides() {
        assertEquals(List.of("NULL|empty", "alice|eng", "bob|eng", "carol|sales", "dave|sales", "eve|NULL",
                "frank|ops"), db.rows("SELECT e.name, d.dname FROM emp e FULL JOIN dept d ON e.dept = d.id"
                        + " ORDER BY 1 NULLS FIRST, 2"));
    }

    @Test
    void crossJoinAndCommaJoin() {
        assertEquals("24", db.value("SELECT count(*) FROM emp CROSS JOIN dept"));
        assertEquals(List.of("1|alice|1|100.50|2020-01-01|NULL|eng"),
                db.rows("SELECT e.*, d.dname FROM emp e, dept d WHERE e.dept = d.id AND d.loc = 'sf' AND e.id = 1"));
    }

    @Test
    void usingMergesTheColumn() {
        assertEquals(List.of("id", "name", "dept", "salary", "hired", "mgr", "dname", "loc"),
                db.columns("SELECT * FROM emp JOIN dept USING (id)"));
        assertEquals(List.of("2|bob|sales", "3|carol|ops", "4|dave|empty"),
                db.rows("SELECT id, name, dname FROM emp e JOIN dept d USING (id) WHERE id > 1 ORDER BY 1"));
        assertEquals(db.rows("SELECT * FROM emp JOIN dept USING (id) ORDER BY id"),
                db.rows("SELECT * FROM emp NATURAL JOIN dept ORDER BY id"));
    }

    @Test
    void usingAliasNamesTheMergedColumns() {
        assertEquals(List.of("1|alice|eng", "2|bob|sales"),
                db.rows("SELECT x.id, name, dname FROM emp JOIN dept USING (id) AS x WHERE x.id < 3 ORDER BY 1"));
        assertEquals("column x.name does not exist",
                db.error("SELECT x.name FROM emp JOIN dept USING (id) AS x").getMessage());
        assertEquals(List.of("1", "2", "3", "4", "5", "6"),
                db.rows("SELECT x.id FROM emp FULL JOIN dept USING (id) AS x ORDER BY x.id"));
    }

    @Test
    void conditionsInOnOfAnOuterJoinDoNotFilterTheLeftSide() {
        assertEquals(List.of("1|NULL", "2|NULL", "3|sales", "4|sales", "5|NULL", "6|ops"),
                db.rows("SELECT e.id, d.dname FROM emp e LEFT JOIN dept d ON e.dept = d.id AND d.id > 1 ORDER BY 1"));
        assertEquals(List.of("3|sales", "4|sales", "6|ops"),
                db.rows("SELECT e.id, d.dname FROM emp e JOIN dept d ON e.dept = d.id AND d.id > 1 ORDER BY 1"));
    }

    @Test
    void selfJoinAndGroupingOverAnOuterJoin() {
        assertEquals(List.of("2|1", "3|1", "4|3", "5|3", "6|1"),
                db.rows("SELECT a.id, b.id FROM emp a JOIN emp b ON a.mgr = b.id ORDER BY 1"));
        assertEquals(List.of("empty|0", "eng|2", "ops|1", "sales|2"),
                db.rows("SELECT d.dname, count(e.id) FROM dept d LEFT JOIN emp e ON e.dept = d.id"
                        + " GROUP BY d.dname ORDER BY 1"));
    }

    @Test
    void equiJoinsAreHashJoins() {
        var plan = (PlannedQuery) QueryTestPlans.plan(db, "SELECT * FROM emp e JOIN dept d ON e.dept = d.id");
        assertEquals(true, plan.plan().explain().contains("Hash Join INNER"), plan.plan().explain());
        var nl = (PlannedQuery) QueryTestPlans.plan(db, "SELECT * FROM emp e JOIN dept d ON e.dept < d.id");
        assertEquals(true, nl.plan().explain().contains("Nested Loop INNER"), nl.plan().explain());
    }
}
