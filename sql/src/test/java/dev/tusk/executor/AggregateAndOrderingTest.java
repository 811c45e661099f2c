package dev.tusk.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GROUP BY/HAVING, aggregates over empty input, ORDER BY with NULLS FIRST/LAST, DISTINCT [ON], LIMIT/OFFSET. */
class AggregateAndOrderingTest {
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
    void groupByWithAggregates() {
        assertEquals(List.of("NULL|1|70.00|70.0000000000000000|eve|2022-02-02",
                "1|2|190.50|95.2500000000000000|alice|2021-03-04", "2|2|80.00|80.0000000000000000|carol|2019-07-08",
                "3|1|60.25|60.2500000000000000|frank|2018-12-31"),
                db.rows("SELECT dept, count(*), sum(salary), avg(salary), min(name), max(hired) FROM emp"
                        + " GROUP BY dept ORDER BY dept NULLS FIRST"));
        assertEquals(List.of("1|2", "2|2"),
                db.rows("SELECT dept, count(*) FROM emp GROUP BY dept HAVING count(*) > 1 ORDER BY dept"));
        assertEquals(List.of("ALICE", "BOB"),
                db.rows("SELECT upper(name) AS n FROM emp GROUP BY upper(name) ORDER BY n LIMIT 2"));
        assertEquals(List.of("1|190.50", "2|80.00", "NULL|70.00", "3|60.25"),
                db.rows("SELECT dept, sum(salary) AS total FROM emp GROUP BY 1 ORDER BY total DESC NULLS LAST"));
    }

    @Test
    void aggregatesOverNoRows() {
        assertEquals(List.of("0|NULL|NULL|NULL"),
                db.rows("SELECT count(*), sum(salary), avg(salary), max(salary) FROM emp WHERE id > 100"));
        assertEquals(List.of(), db.rows("SELECT dept, count(*) FROM emp WHERE false GROUP BY dept"));
        assertEquals(List.of("1"), db.rows("SELECT count(*)"));
    }

    @Test
    void aggregateOptions() {
        assertEquals(List.of("5|6|3"), db.rows("SELECT count(salary), count(*), count(DISTINCT dept) FROM emp"));
        assertEquals("frank,eve,dave,carol,bob,alice",
                db.value("SELECT string_agg(name, ',' ORDER BY name DESC) FROM emp"));
        assertEquals("{1,2}", db.value("SELECT array_agg(id ORDER BY id) FROM emp WHERE dept = 1"));
        assertEquals(List.of("18|2"),
                db.rows("SELECT sum(id) FILTER (WHERE id > 2), count(*) FILTER (WHERE dept = 1) FROM emp"));
        assertEquals(List.of("t|t"), db.rows("SELECT bool_and(salary > 50), bool_or(salary > 95) FROM emp"));
    }

    @Test
    void groupingByPrimaryKeyAllowsOtherColumns() {
        assertEquals(List.of("1|alice", "2|bob"),
                db.rows("SELECT e.id, e.name FROM emp e GROUP BY e.id ORDER BY e.id LIMIT 2"));
    }

    @Test
    void nullsOrdering() {
        assertEquals(List.of("dave", "frank", "eve", "carol", "bob", "alice"),
                db.rows("SELECT name FROM emp ORDER BY salary NULLS FIRST, name"));
        assertEquals(List.of("alice", "bob", "carol", "eve", "frank", "dave"),
                db.rows("SELECT name FROM emp ORDER BY salary DESC NULLS LAST, name"));
        // Default: NULLs sort as the largest value (last ascending, first descending).
        assertEquals("dave", db.rows("SELECT name FROM emp ORDER BY salary DESC").get(0));
        assertEquals("dave", db.rows("SELECT name FROM emp ORDER BY salary").get(5));
    }

    @Test
    void limitOffsetAndDistinct() {
        assertEquals(List.of("alice|100.50", "bob|90.00", "carol|80.00"),
                db.rows("SELECT name, salary FROM emp ORDER BY 2 DESC, 1 LIMIT 3 OFFSET 1"));
        assertEquals(List.of("1", "2", "3", "NULL"), db.rows("SELECT DISTINCT dept FROM emp ORDER BY dept"));
        assertEquals(List.of("1|alice|100.50", "2|dave|NULL", "3|frank|60.25", "NULL|eve|70.00"),
                db.rows("SELECT DISTINCT ON (dept) dept, name, salary FROM emp ORDER BY dept, salary DESC"));
        assertEquals(List.of("2"), db.rows("SELECT x FROM (VALUES (3), (1), (2)) s(x) ORDER BY x DESC LIMIT 1 OFFSET 1"));
    }

    @Test
    void nullsGroupTogether() {
        assertEquals(List.of("1|2", "2|1", "NULL|2"),
                db.rows("SELECT x, count(*) FROM (VALUES (1), (1), (NULL), (NULL), (2)) s(x) GROUP BY x ORDER BY x"));
    }

    @Test
    void expressionsAndThreeValuedLogic() {
        assertEquals(List.of("f|t|NULL|NULL|NULL"),
                db.rows("SELECT NULL AND false, NULL OR true, NOT NULL::boolean, NULL = NULL, 1 + NULL"));
        assertEquals(List.of(), db.rows("SELECT id FROM emp WHERE id NOT IN (1, 3, NULL)"));
        assertEquals(List.of("3", "4", "5", "6"), db.rows("SELECT id FROM emp WHERE dept IS DISTINCT FROM 1 ORDER BY 1"));
        assertEquals(List.of("high|alice", "high|bob", "mid|carol", "low|dave", "mid|eve", "low|frank"),
                db.rows("SELECT CASE WHEN salary > 80 THEN 'high' WHEN salary > 65 THEN 'mid' ELSE 'low' END, name"
                        + " FROM emp ORDER BY id"));
        assertEquals(List.of("one", "one", "two", "two", "NULL", "NULL"),
                db.rows("SELECT CASE dept WHEN 1 THEN 'one' WHEN 2 THEN 'two' END FROM emp ORDER BY id"));
        assertEquals(List.of("100.50|NULL|5|a", "90.00|NULL|5|a", "80.00|2|5|a", "0|2|5|a", "70.00|NULL|5|a",
                "60.25|3|5|a"), db.rows("SELECT coalesce(salary, 0), nullif(dept, 1), greatest(1, 5, 3),"
                        + " least('b', 'a') FROM emp ORDER BY id"));
        assertEquals(List.of("alice", "bob", "carol", "frank"),
                db.rows("SELECT name FROM emp WHERE name ILIKE 'A%' OR name NOT LIKE '%e%' ORDER BY 1"));
        assertEquals(List.of("1", "5", "6"), db.rows("SELECT id FROM emp WHERE id NOT BETWEEN 2 AND 4 ORDER BY 1"));
        assertEquals("emp", db.value("SELECT relname FROM pg_class WHERE relname OPERATOR(pg_catalog.~) '^emp$'"));
    }

    @Test
    void resultColumnNames() {
        assertEquals(List.of("x", "?column?", "?column?", "text", "int4", "?column?", "?column?", "?column?", "date"),
                db.columns("SELECT 1 AS x, 2.5, 'abc', 'a'::text, 1::integer, NULL, true, now() IS NOT NULL,"
                        + " CAST('2020-01-01' AS date)"));
        assertEquals(List.of("count", "case", "coalesce", "generate_series", "array", "exists"),
                db.columns("SELECT count(*), CASE WHEN true THEN 1 END, coalesce(1, 2), generate_series(1, 1),"
                        + " ARRAY[1], EXISTS (SELECT 1)"));
        assertEquals(List.of("1|2.5|abc|a|1|NULL|t|t|2020-01-01"),
                db.rows("SELECT 1 AS x, 2.5, 'abc', 'a'::text, 1::integer, NULL, true, now() IS NOT NULL,"
                        + " CAST('2020-01-01' AS date)"));
    }
}
