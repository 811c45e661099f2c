package dev.tusk.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Window functions (OVER, WINDOW clause, frames) against the results PostgreSQL 15 gives for the same data,
 * including the shape of pgjdbc's DatabaseMetaData.getColumns query, and their placement errors.
 */
class WindowFunctionTest {
    @TempDir
    static Path dir;
    static QueryFixture db;

    @BeforeAll
    static void setUp() {
        db = new QueryFixture(dir);
        db.rows("CREATE TABLE sc (g int, v int)");
        db.rows("INSERT INTO sc VALUES (1, 10), (1, 20), (1, 20), (1, 30), (2, 5), (2, NULL), (2, 7), (3, 1)");
        db.rows("CREATE VIEW wv AS SELECT id, rank() OVER (PARTITION BY dept ORDER BY salary DESC NULLS LAST) AS r"
                + " FROM emp");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void rowNumberDescending() {
        assertEquals(List.of("1|6", "2|5", "3|4", "4|3", "5|2", "6|1"),
                db.rows("SELECT id, row_number() OVER (ORDER BY id DESC) FROM emp ORDER BY id"));
    }

    @Test
    void rankingFunctionsOverNamedWindow() {
        assertEquals(List.of("1|10|1|1|1|0|0.25", "1|20|2|2|2|0.3333333333333333|0.75",
                "1|20|3|2|2|0.3333333333333333|0.75", "1|30|4|4|3|1|1",
                "2|5|1|1|1|0|0.3333333333333333", "2|7|2|2|2|0.5|0.6666666666666666",
                "2|NULL|3|3|3|1|1", "3|1|1|1|1|0|1"),
                db.rows("SELECT g, v, row_number() OVER w, rank() OVER w, dense_rank() OVER w, percent_rank() OVER"
                + " w, cume_dist() OVER w FROM sc WINDOW w AS (PARTITION BY g ORDER BY v) ORDER BY g, v"
                + " NULLS LAST"));
    }

    @Test
    void aggregatesOverDefaultFrame() {
        assertEquals(List.of("1|10|10|4|20.0000000000000000", "1|20|50|4|20.0000000000000000",
                "1|20|50|4|20.0000000000000000", "1|30|80|4|20.0000000000000000",
                "2|5|5|3|6.0000000000000000", "2|7|12|3|6.0000000000000000",
                "2|NULL|12|3|6.0000000000000000", "3|1|1|1|1.00000000000000000000"),
                db.rows("SELECT g, v, sum(v) OVER (PARTITION BY g ORDER BY v), count(*) OVER (PARTITION BY g),"
                + " avg(v) OVER (PARTITION BY g) FROM sc ORDER BY g, v"));
    }

    @Test
    void rowsFrameSlidingSum() {
        assertEquals(List.of("1|10|30", "1|20|50", "1|20|70", "1|30|55", "2|5|42", "2|7|12", "2|NULL|8", "3|1|1"),
                db.rows("SELECT g, v, sum(v) OVER (ORDER BY g, v ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM sc"
                + " ORDER BY g, v"));
    }

    @Test
    void rowsFramesMinMax() {
        assertEquals(List.of("1|10|10|10", "1|20|20|20", "1|20|20|20", "1|30|30|30", "2|5|5|5", "2|7|7|7",
                "2|NULL|NULL|7", "3|1|1|1"),
                db.rows("SELECT g, v, min(v) OVER (PARTITION BY g ORDER BY v ROWS BETWEEN CURRENT ROW AND"
                + " UNBOUNDED FOLLOWING), max(v) OVER (PARTITION BY g ORDER BY v ROWS BETWEEN 2 PRECEDING"
                + " AND CURRENT ROW) FROM sc ORDER BY g, v"));
    }

    @Test
    void lagAndLead() {
        assertEquals(List.of("1|10|NULL|20|-1|20", "1|20|10|20|-1|20", "1|20|20|30|10|30", "1|30|20|NULL|20|0",
                "2|5|NULL|7|-1|7", "2|7|5|NULL|-1|NULL", "2|NULL|7|NULL|5|0", "3|1|NULL|NULL|-1|0"),
                db.rows("SELECT g, v, lag(v) OVER w, lead(v) OVER w, lag(v, 2, -1) OVER w, lead(v, 1, 0) OVER w"
                + " FROM sc WINDOW w AS (PARTITION BY g ORDER BY v) ORDER BY g, v"));
    }

    @Test
    void valueFunctionsDefaultFrame() {
        assertEquals(List.of("1|10|10|10|NULL", "1|20|10|20|20", "1|20|10|20|20", "1|30|10|30|20", "2|5|5|5|NULL",
                "2|7|5|7|7", "2|NULL|5|NULL|7", "3|1|1|1|NULL"),
                db.rows("SELECT g, v, first_value(v) OVER w, last_value(v) OVER w, nth_value(v, 2) OVER w FROM sc"
                + " WINDOW w AS (PARTITION BY g ORDER BY v) ORDER BY g, v"));
    }

    @Test
    void lastValueWholePartition() {
        assertEquals(List.of("1|10|30", "1|20|30", "1|20|30", "1|30|30", "2|5|NULL", "2|7|NULL", "2|NULL|NULL",
                "3|1|1"),
                db.rows("SELECT g, v, last_value(v) OVER (PARTITION BY g ORDER BY v ROWS BETWEEN UNBOUNDED"
                + " PRECEDING AND UNBOUNDED FOLLOWING) FROM sc ORDER BY g, v"));
    }

    @Test
    void ntileBuckets() {
        assertEquals(List.of("NULL|1", "1|1", "5|1", "7|2", "10|2", "20|2", "20|3", "30|3"),
                db.rows("SELECT v, ntile(3) OVER (ORDER BY v NULLS FIRST) FROM sc ORDER BY v NULLS FIRST"));
    }

    @Test
    void groupsFrame() {
        assertEquals(List.of("3|1|1", "2|5|6", "2|7|12", "1|10|17", "1|20|50", "1|20|50", "1|30|70"),
                db.rows("SELECT g, v, sum(v) OVER (ORDER BY v GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM sc"
                + " WHERE v IS NOT NULL ORDER BY v, g"));
    }

    @Test
    void windowOverGroupedQuery() {
        assertEquals(List.of("NULL|1|6|3", "1|2|6|1", "2|2|6|1", "3|1|6|3"),
                db.rows("SELECT dept, count(*), sum(count(*)) OVER (), rank() OVER (ORDER BY count(*) DESC) FROM"
                + " emp GROUP BY dept ORDER BY dept NULLS FIRST"));
    }

    @Test
    void windowThenOrderByAndLimit() {
        assertEquals(List.of("frank|5", "dave|4", "carol|3"),
                db.rows("SELECT name, row_number() OVER (ORDER BY name) AS rn FROM emp WHERE dept IS NOT NULL"
                + " ORDER BY rn DESC LIMIT 3"));
    }

    @Test
    void distinctAfterWindow() {
        assertEquals(List.of("NULL|1", "1|2", "2|2", "3|1"),
                db.rows("SELECT DISTINCT dept, count(*) OVER (PARTITION BY dept) FROM emp ORDER BY 1 NULLS FIRST"));
    }

    @Test
    void orderByWindowFunction() {
        assertEquals(List.of("alice", "bob", "carol", "eve", "frank", "dave"),
                db.rows("SELECT name FROM emp ORDER BY row_number() OVER (ORDER BY salary DESC NULLS LAST), name"));
    }

    @Test
    void aggregateFilterInWindow() {
        assertEquals(List.of("3|1", "3|1", "3|1", "3|1", "0|2", "0|2", "0|2", "0|3"),
                db.rows("SELECT count(*) FILTER (WHERE v > 10) OVER (PARTITION BY g), g FROM sc ORDER BY g"));
    }

    @Test
    void windowInSubquery() {
        assertEquals(List.of("1|30|1", "2|NULL|1", "3|1|1"),
                db.rows("SELECT * FROM (SELECT g, v, row_number() OVER (PARTITION BY g ORDER BY v DESC) AS rn FROM"
                + " sc) s WHERE rn = 1 ORDER BY g"));
    }

    @Test
    void windowOverNoRows() {
        assertEquals(List.of(),
                db.rows("SELECT row_number() OVER (), count(*) OVER () FROM sc WHERE false"));
    }

    @Test
    void pgjdbcGetColumnsShape() {
        assertEquals(List.of("public|emp|id|1|1", "public|emp|name|2|2", "public|emp|dept|3|3",
                "public|emp|salary|4|4", "public|emp|hired|5|5", "public|emp|mgr|6|6"),
                db.rows("SELECT n.nspname, c.relname, a.attname, a.attnum, row_number() OVER (PARTITION BY"
                + " a.attrelid ORDER BY a.attnum) AS attnum2 FROM pg_catalog.pg_namespace n JOIN"
                + " pg_catalog.pg_class c ON (c.relnamespace = n.oid) JOIN pg_catalog.pg_attribute a ON"
                + " (a.attrelid=c.oid) WHERE c.relkind in ('r','p','v','f','m') AND a.attnum > 0 AND NOT"
                + " a.attisdropped AND c.relname = 'emp' ORDER BY nspname, c.relname, attnum"));
    }

    @Test
    void stringAggSlidingFrame() {
        assertEquals(List.of("1|alice,bob", "2|alice,bob,carol", "3|bob,carol,dave", "4|carol,dave,eve",
                "5|dave,eve,frank", "6|eve,frank"),
                db.rows("SELECT id, string_agg(name, ',') OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1"
                + " FOLLOWING) FROM emp ORDER BY id"));
    }

    @Test
    void rowsShorthandAndFollowingFrames() {
        assertEquals(List.of("1|100.50|9", "2|190.50|12", "3|270.50|15", "4|170.00|11", "5|150.00|6",
                "6|130.25|NULL"),
                db.rows("SELECT id, sum(salary) OVER (ORDER BY id ROWS 2 PRECEDING), sum(id) OVER (ORDER BY id"
                + " ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) FROM emp ORDER BY id"));
    }

    @Test
    void viewWithWindowFunction() {
        assertEquals(List.of("1|1", "2|2", "3|1", "4|2", "5|1", "6|1"),
                db.rows("SELECT * FROM wv ORDER BY id"));
    }

    @Test
    void windowInsideCte() {
        assertEquals(List.of("1|80", "2|12", "3|1"),
                db.rows("WITH x AS (SELECT g, sum(v) OVER (PARTITION BY g) s FROM sc) SELECT DISTINCT g, s FROM x"
                + " ORDER BY g"));
    }

    @Test
    void windowInCorrelatedSubquery() {
        assertEquals(List.of("1|4", "2|3", "3|1"),
                db.rows("SELECT g, (SELECT max(r) FROM (SELECT row_number() OVER () r FROM sc s2 WHERE s2.g ="
                + " sc.g) z) FROM sc GROUP BY g ORDER BY g"));
    }

    @Test
    void rangeCurrentRowToUnboundedFollowing() {
        assertEquals(List.of("1|10|80", "1|20|70", "1|20|70", "1|30|30", "2|5|12", "2|7|7", "2|NULL|NULL", "3|1|1"),
                db.rows("SELECT g, v, sum(v) OVER (PARTITION BY g ORDER BY v RANGE BETWEEN CURRENT ROW AND"
                + " UNBOUNDED FOLLOWING) FROM sc ORDER BY g, v"));
    }

    @Test
    void defaultFrameCountsPeersIncludingNulls() {
        assertEquals(List.of("1|2", "2|2", "3|4", "4|4", "5|6", "6|5"),
                db.rows("SELECT id, count(*) OVER (ORDER BY dept) FROM emp ORDER BY id"));
    }

    @Test
    void lagWithUnknownDefault() {
        assertEquals(List.of("1|none", "2|alice", "3|bob", "4|carol", "5|dave", "6|eve"),
                db.rows("SELECT id, lag(name, 1, 'none') OVER (ORDER BY id) FROM emp ORDER BY id"));
    }

    @Test
    void framesEntirelyAfterCurrentRow() {
        assertEquals(List.of("1|carol", "2|dave", "3|eve", "4|frank", "5|NULL", "6|NULL"),
                db.rows("SELECT id, first_value(name) OVER (ORDER BY id ROWS BETWEEN 2 FOLLOWING AND 3 FOLLOWING)"
                + " FROM emp ORDER BY id"));
    }

    @Test
    void arrayAggCumulative() {
        assertEquals(List.of("1|{10}", "1|{10,20,20}", "1|{10,20,20}", "1|{10,20,20,30}", "2|{5}", "2|{5,7}",
                "2|{5,7,NULL}", "3|{1}"),
                db.rows("SELECT g, array_agg(v) OVER (PARTITION BY g ORDER BY v) FROM sc ORDER BY g, v"));
    }

    @Test
    void rangeOffsetsOverIntegers() {
        assertEquals(List.of("3|1|6", "2|5|23", "2|7|22", "1|10|22", "1|20|40", "1|20|40", "1|30|30",
                "2|NULL|NULL"),
                db.rows("SELECT g, v, sum(v) OVER (ORDER BY v RANGE BETWEEN 5 PRECEDING AND 5 FOLLOWING) FROM sc"
                + " ORDER BY v, g"));
    }

    @Test
    void rangeOffsetsDescending() {
        assertEquals(List.of("3|1|4|1", "2|5|3|7", "2|7|2|10", "1|10|3|10", "1|20|3|20", "1|20|3|20", "1|30|1|30",
                "2|NULL|1|NULL"),
                db.rows("SELECT g, v, count(*) OVER (ORDER BY v DESC RANGE BETWEEN 10 PRECEDING AND CURRENT ROW),"
                + " max(v) OVER (ORDER BY v DESC RANGE 3 PRECEDING) FROM sc ORDER BY v, g"));
    }

    @Test
    void rangeOffsetsOverNumeric() {
        assertEquals(List.of("1|100.50|190.50", "2|90.00|270.50", "3|80.00|240.00", "4|NULL|NULL",
                "5|70.00|300.25", "6|60.25|210.25"),
                db.rows("SELECT id, salary, sum(salary) OVER (ORDER BY salary RANGE BETWEEN 10.5 PRECEDING AND 20"
                + " FOLLOWING) FROM emp ORDER BY id"));
    }

    @Test
    void runningAndSlidingAggregatesOverManyRows() {
        assertEquals(List.of("200010000|20000"), db.rows("SELECT max(s), count(*) FROM (SELECT sum(x) OVER (ORDER BY x)"
                + " s FROM generate_series(1, 20000) x) t"));
    }

    @Test
    void excludeCurrentRowGroupAndTies() {
        assertEquals(List.of("3|1|92|NULL|6|2", "2|5|88|1|13|3", "2|7|86|6|22|3", "1|10|83|13|37|3",
                "1|20|73|23|30|2", "1|20|73|23|50|2", "1|30|63|63|50|3", "2|NULL|93|93|30|2"),
                db.rows("SELECT g, v, sum(v) OVER w1, sum(v) OVER w2, sum(v) OVER w3, count(*) OVER w3 FROM sc"
                + " WINDOW w1 AS (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING"
                + " EXCLUDE CURRENT ROW), w2 AS (ORDER BY v RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT"
                + " ROW EXCLUDE GROUP), w3 AS (ORDER BY v ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE"
                + " TIES) ORDER BY v, g"));
    }

    @Test
    void valueFunctionsSkipExcludedRows() {
        assertEquals(List.of("1|5|7|7", "5|1|10|7", "7|5|20|10", "10|7|20|20", "20|10|30|30", "20|30|30|NULL",
                "30|20|20|NULL"),
                db.rows("SELECT v, first_value(v) OVER w, last_value(v) OVER w, nth_value(v, 2) OVER w FROM sc"
                + " WHERE v IS NOT NULL WINDOW w AS (ORDER BY v ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING"
                + " EXCLUDE GROUP) ORDER BY v"));
    }

    @Test
    void viewDefinitionKeepsTheWindow() {
        assertEquals(" SELECT emp.id,\n    rank() OVER (PARTITION BY emp.dept ORDER BY emp.salary DESC NULLS LAST)"
                + " AS r\n   FROM emp;", db.value("SELECT pg_get_viewdef('wv'::regclass)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "SELECT id FROM emp WHERE row_number() OVER () > 1#42P20#window functions are not allowed in WHERE#26",
        "SELECT dept FROM emp GROUP BY dept HAVING rank() OVER () > 1#42P20#window functions are not allowed in"
                + " HAVING#43",
        "SELECT dept, count(*) FROM emp GROUP BY row_number() OVER ()#42P20#window functions are not allowed in"
                + " GROUP BY#41",
        "SELECT sum(row_number() OVER ()) FROM emp#42803#aggregate function calls cannot contain window function"
                + " calls#12",
        "SELECT row_number() OVER (ORDER BY rank() OVER ()) FROM emp#42P20#window functions are not allowed in"
                + " window definitions#36",
        "SELECT lag(lead(id) OVER ()) OVER () FROM emp#42P20#window function calls cannot be nested#12",
        "SELECT rank() OVER w FROM emp#42704#window \"w\" does not exist#20",
        "SELECT rank() OVER (w ORDER BY id) FROM emp WINDOW w AS (ORDER BY name)#42P20#cannot override ORDER BY"
                + " clause of window \"w\"#20",
        "SELECT rank() OVER (w PARTITION BY id) FROM emp WINDOW w AS (ORDER BY name)#42P20#cannot override"
                + " PARTITION BY clause of window \"w\"#20",
        "SELECT lower(name) OVER () FROM emp#42809#OVER specified, but lower is not a window function nor an"
                + " aggregate function#8",
        "SELECT row_number(1) OVER () FROM emp#42883#function row_number(integer) does not exist#8",
        "SELECT count(DISTINCT id) OVER () FROM emp#0A000#DISTINCT is not implemented for window functions#8",
        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) OVER () FROM sc#0A000#OVER is not supported for"
                + " ordered-set aggregate percentile_cont#8",
        "SELECT id FROM emp WINDOW w AS (), w AS ()#42P20#window \"w\" is already defined#41",
        "UPDATE emp SET mgr = row_number() OVER ()#42P20#window functions are not allowed in UPDATE#22",
        "SELECT sum(v) OVER (ORDER BY g, v RANGE 1 PRECEDING) FROM sc#42P20#RANGE with offset PRECEDING/FOLLOWING"
                + " requires exactly one ORDER BY column#20",
    })
    void placementErrors(String sql, String state, String message, int position) {
        TuskException e = db.error(sql);
        assertEquals(state, e.sqlState().code());
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "SELECT ntile(0) OVER () FROM emp#22014#argument of ntile must be greater than zero",
        "SELECT nth_value(id, 0) OVER () FROM emp#22016#argument of nth_value must be greater than zero",
        "SELECT sum(id) OVER (ROWS -1 PRECEDING) FROM emp#22013#frame starting offset must not be negative",
        "SELECT sum(v) OVER (ORDER BY v RANGE -1 PRECEDING) FROM sc#22013#invalid preceding or following size in"
                + " window function",
    })
    void executionErrors(String sql, String state, String message) {
        TuskException e = db.error(sql);
        assertEquals(state, e.sqlState().code());
        assertEquals(message, e.getMessage());
    }
}
