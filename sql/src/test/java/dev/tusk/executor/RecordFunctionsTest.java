package dev.tusk.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outer-level aggregates (agglevelsup), functions returning records (OUT columns from pg_proc), field selection
 * on composites, set-returning functions under a field selection, whole-row references, row ordering
 * comparisons, EXPLAIN's text, ON CONFLICT analysis, and INSERT with fewer values than columns. Expected results
 * were checked against PostgreSQL 15.
 */
class RecordFunctionsTest {
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
    void outColumnsOfRecordFunctionsInFrom() {
        assertEquals(List.of("10|1", "20|2"),
                db.rows("SELECT * FROM information_schema._pg_expandarray(ARRAY[10,20])"));
        assertEquals(List.of("x", "n"), db.columns("SELECT * FROM information_schema._pg_expandarray(ARRAY[10,20])"));
        assertEquals(List.of("a|1", "b|2"),
                db.rows("SELECT k.x, k.n FROM information_schema._pg_expandarray(ARRAY['a','b']::text[]) k"));
        assertEquals(List.of("p", "q"),
                db.columns("SELECT * FROM information_schema._pg_expandarray(ARRAY[1]) AS e(p, q)"));
        assertEquals("search_path|\"$user\", public|string",
                db.rows("SELECT name, setting, vartype FROM pg_settings WHERE name = 'search_path'").get(0));
        assertEquals("a column definition list is only allowed for functions returning \"record\"",
                db.error("SELECT * FROM generate_series(1,2) AS t(a int)").getMessage());
        assertEquals("a column definition list is redundant for a function with OUT parameters",
                db.error("SELECT * FROM pg_show_all_settings() AS x(a text)").getMessage());
    }

    @Test
    void fieldSelectionAndSetReturningFunctionsInTheSelectList() {
        assertEquals(List.of("1|10", "2|20"), db.rows("SELECT (information_schema._pg_expandarray(ARRAY[10,20])).n,"
                + " (information_schema._pg_expandarray(ARRAY[10,20])).x"));
        assertEquals(List.of("7|1", "8|2"), db.rows("SELECT (s.k).x, (s.k).n FROM"
                + " (SELECT information_schema._pg_expandarray(ARRAY[7,8]) AS k) s"));
        assertEquals(List.of("2"), db.rows("SELECT (ROW(1,2)).f2"));
        assertEquals("column notation .x applied to type integer, which is not a composite type",
                db.error("SELECT (1).x").getMessage());
    }

    @Test
    void insertWithoutColumnListFillsTrailingDefaults() {
        db.session.ok("CREATE TABLE t3 (a int, b text, c int DEFAULT 5)");
        db.session.ok("INSERT INTO t3 VALUES (1, 'a')");
        db.session.ok("INSERT INTO t3 SELECT 2");
        assertEquals(List.of("1|a|5", "2|NULL|5"), db.rows("SELECT * FROM t3 ORDER BY a"));
        assertEquals("INSERT has more target columns than expressions",
                db.error("INSERT INTO t3 (a, b) VALUES (1)").getMessage());
    }

    @Test
    void pgjdbcGetPrimaryKeysQuery() {
        db.session.ok("CREATE TABLE pkt (b int, a int, c text, PRIMARY KEY (a, b))");
        String inner = "SELECT NULL AS TABLE_CAT, n.nspname AS TABLE_SCHEM, ct.relname AS TABLE_NAME,"
                + " a.attname AS COLUMN_NAME, (information_schema._pg_expandarray(i.indkey)).n AS KEY_SEQ,"
                + " ci.relname AS PK_NAME, information_schema._pg_expandarray(i.indkey) AS KEYS, a.attnum AS A_ATTNUM"
                + " FROM pg_catalog.pg_class ct JOIN pg_catalog.pg_attribute a ON (ct.oid = a.attrelid)"
                + " JOIN pg_catalog.pg_namespace n ON (ct.relnamespace = n.oid)"
                + " JOIN pg_catalog.pg_index i ON ( a.attrelid = i.indrelid)"
                + " JOIN pg_catalog.pg_class ci ON (ci.oid = i.indexrelid)"
                + " WHERE true AND ct.relname = E'pkt' AND i.indisprimary";
        assertEquals(List.of("NULL|public|pkt|a|1|pkt_pkey", "NULL|public|pkt|b|2|pkt_pkey"),
                db.rows("SELECT result.TABLE_CAT, result.TABLE_SCHEM, result.TABLE_NAME, result.COLUMN_NAME,"
                        + " result.KEY_SEQ, result.PK_NAME FROM (" + inner + ") result"
                        + " where result.A_ATTNUM = (result.KEYS).x"
                        + " ORDER BY result.table_name, result.pk_name, result.key_seq"));
    }

    @Test
    void aggregatesOfOuterColumnsBelongToTheOuterQuery() {
        db.session.ok("CREATE TABLE o (g int, v int)");
        db.session.ok("INSERT INTO o VALUES (1, 10), (1, 20), (2, 5)");
        assertEquals(List.of("1|30", "2|5"), db.rows("SELECT g, (SELECT sum(o.v)) FROM o GROUP BY g ORDER BY g"));
        assertEquals(List.of("1", "2"), db.rows("SELECT g FROM o GROUP BY g HAVING EXISTS"
                + " (SELECT 1 FROM (VALUES (30),(5)) x(y) WHERE y = sum(o.v)) ORDER BY g"));
        assertEquals(List.of("20"), db.rows("SELECT (SELECT max(o.v)) FROM o"));
        assertEquals(List.of("2"), db.rows("SELECT (SELECT count(*) FROM o i WHERE i.v < max(o.v)) FROM o"));
    }

    @Test
    void explainCostsOffShowsPostgresTextFormat() {
        db.session.ok("CREATE TABLE ex (id int PRIMARY KEY, a int, b text)");
        assertEquals(List.of("Seq Scan on ex", "  Filter: (a > 1)"),
                QueryTestPlans.explain(db, "EXPLAIN (COSTS OFF) SELECT * FROM ex WHERE a > 1"));
        assertEquals(List.of("Seq Scan on ex", "  Filter: ((a > 1) AND (b = 'x'::text))"),
                QueryTestPlans.explain(db, "EXPLAIN (COSTS OFF) SELECT * FROM ex WHERE a > 1 AND b = 'x'"));
        assertEquals(List.of("HashAggregate", "  Group Key: a", "  ->  Seq Scan on ex"),
                QueryTestPlans.explain(db, "EXPLAIN (COSTS OFF) SELECT a, count(*) FROM ex GROUP BY a"));
        assertEquals(List.of("Result"), QueryTestPlans.explain(db, "EXPLAIN (COSTS OFF) SELECT 1"));
        assertEquals(List.of("Limit", "  ->  Sort", "        Sort Key: a", "        ->  Seq Scan on ex"),
                QueryTestPlans.explain(db, "EXPLAIN (COSTS OFF) SELECT * FROM ex ORDER BY a LIMIT 3"));
    }

    @Test
    void withInsideARecursiveTermSeesEachRound() {
        assertEquals(List.of("a", "b", "aa", "ab", "ba", "bb"), db.rows("with recursive x(a) as"
                + " ((values ('a'), ('b')) union all (with z as not materialized (select * from x)"
                + " select z.a || z1.a as a from z cross join z as z1 where length(z.a || z1.a) < 3))"
                + " select * from x"));
    }

    @Test
    void rowOrderingComparisons() {
        assertEquals(List.of("t|NULL|t|t|f|NULL"), db.rows("select (1,2) < (1,3), (1,null::int) < (1,3),"
                + " (1,null::int) < (2,3), (2,1) >= (2,1), (3,1) <= (2,5), (null::int,1) > (0,0)"));
    }

    @Test
    void wholeRowReferencesInExpressions() {
        assertEquals(List.of("2"), db.rows("select count(t.*) from (values (1),(null)) t(a)"));
        assertEquals(List.of("(1,2)"), db.rows("select row(t.*) from (values (1,2)) t(a,b)"));
        assertEquals(List.of("2"), db.rows("select count(t) from (values (1),(null)) t(a)"));
        assertEquals(List.of("(1,2)"), db.rows("select t from (values (1,2)) t(a,b)"));
    }

    @Test
    void onConflictIsAnalyzedForTheModifyLayer() {
        db.session.ok("CREATE TABLE oc (id int PRIMARY KEY, n int, t text)");
        PlannedInsert ins = (PlannedInsert) QueryTestPlans.plan(db,
                "INSERT INTO oc VALUES (1, 5, 'new') ON CONFLICT (id) DO UPDATE SET n = oc.n + excluded.n"
                        + " WHERE oc.t <> 'frozen'");
        OnConflict oc = ins.onConflict();
        assertEquals(false, oc.doNothing());
        assertEquals(List.of("oc_pkey"), oc.arbiters().stream().map(x -> x.name()).toList());
        assertEquals(List.of(2), oc.updatedAttnums());
        try (dev.tusk.access.transam.Transaction tx = db.cluster.engine().storage().transactions().begin()) {
            ExecContext ctx = new ExecContext(db.cluster.engine().storage(), tx, tx.statementSnapshot(), null,
                    dev.tusk.utils.fmgr.FunctionContext.basic(dev.tusk.utils.adt.SessionFormats.DEFAULT),
                    new Object[0], null);
            assertEquals(List.of(1, 8, "old"), List.of(oc.updatedRow(new Object[] {1, 3, "old"},
                    new Object[] {1, 5, "new"}, ctx)));
            assertEquals(null, oc.updatedRow(new Object[] {1, 3, "frozen"}, new Object[] {1, 5, "new"}, ctx));
        }
        assertEquals(true, ((PlannedInsert) QueryTestPlans.plan(db,
                "INSERT INTO oc VALUES (1) ON CONFLICT DO NOTHING")).onConflict().doNothing());
        assertEquals("there is no unique or exclusion constraint matching the ON CONFLICT specification",
                db.error("INSERT INTO oc VALUES (1) ON CONFLICT (n) DO NOTHING").getMessage());
        assertEquals("ON CONFLICT DO UPDATE requires inference specification or constraint name",
                db.error("INSERT INTO oc VALUES (1) ON CONFLICT DO UPDATE SET n = 1").getMessage());
    }
}
