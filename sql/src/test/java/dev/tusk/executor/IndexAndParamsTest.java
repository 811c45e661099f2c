package dev.tusk.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index scan choice (same rows as a sequential scan) and $n parameter type inference and binding. */
class IndexAndParamsTest {
    @TempDir
    static Path dir;
    static QueryFixture db;

    @BeforeAll
    static void setUp() {
        db = new QueryFixture(dir);
        db.session.ok("CREATE TABLE big (k int PRIMARY KEY, v text, n int)");
        db.session.ok("INSERT INTO big SELECT g, 'v' || g, g % 10 FROM generate_series(1, 3000) g");
        db.session.ok("CREATE INDEX big_v ON big (v)");
        db.session.ok("CREATE INDEX big_n_desc ON big (n DESC)");
        db.session.ok("UPDATE big SET v = 'updated' WHERE k = 42");
        db.session.ok("DELETE FROM big WHERE k = 43");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static String explain(String sql) {
        return ((PlannedQuery) QueryTestPlans.plan(db, sql)).plan().explain();
    }

    private static void assertSameAsSeqScan(String indexed, String seq, String indexName) {
        assertTrue(explain(indexed).contains("Index Scan using " + indexName), explain(indexed));
        assertTrue(explain(seq).contains("Seq Scan"), explain(seq));
        List<String> a = db.rows(indexed);
        assertEquals(db.rows(seq), a);
    }

    @Test
    void equalityAndRangesUseTheIndex() {
        assertSameAsSeqScan("SELECT * FROM big WHERE k = 1500", "SELECT * FROM big WHERE k + 0 = 1500", "big_pkey");
        assertSameAsSeqScan("SELECT count(*) FROM big WHERE k BETWEEN 100 AND 199",
                "SELECT count(*) FROM big WHERE k + 0 BETWEEN 100 AND 199", "big_pkey");
        assertSameAsSeqScan("SELECT k FROM big WHERE k > 2990 ORDER BY k", "SELECT k FROM big WHERE k + 0 > 2990"
                + " ORDER BY k", "big_pkey");
        assertSameAsSeqScan("SELECT k FROM big WHERE 10 >= k ORDER BY k", "SELECT k FROM big WHERE 10 >= k + 0"
                + " ORDER BY k", "big_pkey");
        assertSameAsSeqScan("SELECT k FROM big WHERE v = 'v77'", "SELECT k FROM big WHERE v || '' = 'v77'", "big_v");
        assertSameAsSeqScan("SELECT count(*) FROM big WHERE n < 3", "SELECT count(*) FROM big WHERE n + 0 < 3",
                "big_n_desc");
        assertEquals(List.of("1|v1|1", "3000|v3000|0"), db.rows("SELECT * FROM big WHERE k IN (1, 3000) ORDER BY k"));
    }

    @Test
    void indexScanSeesOnlyVisibleVersions() {
        assertEquals(List.of("42|updated"), db.rows("SELECT k, v FROM big WHERE k = 42"));
        assertEquals(List.of(), db.rows("SELECT k FROM big WHERE k = 43"));
        assertEquals(List.of(), db.rows("SELECT k FROM big WHERE v = 'v42'"));
        assertEquals("2", db.value("SELECT count(*) FROM big WHERE k BETWEEN 41 AND 44 AND k <> 42"));
    }

    @Test
    void correlatedLookupsUseTheIndexPerRow() {
        assertEquals(List.of("v1", "v2", "v3"),
                db.rows("SELECT (SELECT v FROM big b WHERE b.k = e.id) FROM emp e WHERE e.id <= 3 ORDER BY e.id"));
    }

    @Test
    void parameterTypesAreInferredFromContext() {
        assertArrayEquals(new int[] {TypeOids.INT4}, QueryTestPlans.plan(db, "SELECT * FROM emp WHERE id = $1",
                new int[] {0}).paramTypes());
        assertArrayEquals(new int[] {TypeOids.TEXT}, QueryTestPlans.plan(db, "SELECT $1", new int[0]).paramTypes());
        assertArrayEquals(new int[] {TypeOids.INT4}, QueryTestPlans.plan(db, "SELECT $1 + 1", new int[0])
                .paramTypes());
        assertArrayEquals(new int[] {TypeOids.INT8, TypeOids.TEXT}, QueryTestPlans.plan(db,
                "SELECT $1::int8, name FROM emp WHERE name = $2", new int[0]).paramTypes());
        assertArrayEquals(new int[] {TypeOids.INT8}, QueryTestPlans.plan(db, "SELECT * FROM emp WHERE id = $1",
                new int[] {TypeOids.INT8}).paramTypes());
        TuskException e = assertThrows(TuskException.class, () -> QueryTestPlans.plan(db, "SELECT $2", new int[0]));
        assertEquals("42P18", e.sqlState().code());
        assertEquals("could not determine data type of parameter $1", e.getMessage());
    }

    @Test
    void parametersBindAtExecution() {
        List<Object[]> rows = QueryTestPlans.run(db, "SELECT name FROM emp WHERE id = $1", new int[0], 3);
        assertEquals("carol", rows.get(0)[0]);
        rows = QueryTestPlans.run(db, "SELECT v FROM big WHERE k = $1", new int[0], 77);
        assertEquals(List.of("v77"), rows.stream().map(r -> r[0]).toList());
        rows = QueryTestPlans.run(db, "SELECT k FROM big WHERE k >= $1 AND k < $2 ORDER BY k", new int[0], 10, 13);
        assertEquals(List.of(10, 11, 12), rows.stream().map(r -> r[0]).toList());
        rows = QueryTestPlans.run(db, "SELECT k FROM big WHERE k = $1", new int[0], (Object) null);
        assertEquals(0, rows.size());
        rows = QueryTestPlans.run(db, "SELECT count(*) FROM emp LIMIT $1", new int[0], 1L);
        assertEquals(6L, rows.get(0)[0]);
    }
}
