package dev.tusk.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.Transaction;
import dev.tusk.catalog.ColumnDesc;
import dev.tusk.optimizer.PlanningContext;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** INSERT/UPDATE/DELETE row sources with defaults and RETURNING, stored-expression deparsing, views. */
class DmlAndExpressionsTest {
    @TempDir
    static Path dir;
    static QueryFixture db;

    @BeforeAll
    static void setUp() {
        db = new QueryFixture(dir);
        db.session.ok("CREATE TABLE t (id serial PRIMARY KEY, a int DEFAULT 7, b text DEFAULT 'dflt', c varchar(5),"
                + " d numeric(6,2) CHECK (d > 0))");
        db.session.ok("CREATE TABLE u (id int, tag text)");
        db.session.ok("INSERT INTO u VALUES (1, 'one'), (2, 'two'), (9, 'nine')");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void insertFillsDefaultsAndCoerces() {
        db.session.ok("DELETE FROM t");
        assertEquals(List.of("a|b|c|d"), List.of(String.join("|",
                db.columns("INSERT INTO t (a, b, c, d) VALUES (1, 'x', 'abc', 1.234) RETURNING a, b, c, d"))));
        assertEquals(List.of("7|dflt|NULL"), db.rows("INSERT INTO t DEFAULT VALUES RETURNING a, b, c"));
        assertEquals(List.of("y", "dflt"), db.rows("INSERT INTO t (b) VALUES ('y'), (DEFAULT) RETURNING b"));
        assertEquals(List.of("2"), db.rows("INSERT INTO t (a) VALUES (1.6) RETURNING a"));
        assertEquals(List.of("1.23"), db.rows("SELECT d FROM t WHERE b = 'x'"));
        assertEquals("22001", db.error("INSERT INTO t (c) VALUES ('toolongvalue')").sqlState().code());
        TuskException e = db.error("INSERT INTO t (nosuch) VALUES (1)");
        assertEquals("column \"nosuch\" of relation \"t\" does not exist", e.getMessage());
        assertEquals("INSERT has more expressions than target columns",
                db.error("INSERT INTO t (a) VALUES (1, 2)").getMessage());
        assertEquals("column \"a\" specified more than once", db.error("INSERT INTO t (a, a) VALUES (1, 2)")
                .getMessage());
        e = db.error("UPDATE t SET a = 'x'::text");
        assertEquals("column \"a\" is of type integer but expression is of type text", e.getMessage());
        assertEquals("You will need to rewrite or cast the expression.", e.hint());
    }

    @Test
    void insertSelectAndSerials() {
        db.session.ok("DELETE FROM t");
        List<String> ids = db.rows("INSERT INTO t (a, c) SELECT id * 10, 'sel' FROM u WHERE id <= 2 RETURNING id");
        assertEquals(2, ids.size());
        assertTrue(Integer.parseInt(ids.get(1)) == Integer.parseInt(ids.get(0)) + 1);
        assertEquals(List.of("10|sel", "20|sel"), db.rows("SELECT a, c FROM t ORDER BY a"));
    }

    @Test
    void updateAndDeleteWithJoinsAndReturning() {
        db.session.ok("DELETE FROM t");
        db.session.ok("INSERT INTO t (id, a, b) VALUES (1, 1, 'p'), (2, 2, 'q'), (3, 3, 'r')");
        assertEquals(List.of("1|2|P", "2|3|Q"),
                db.rows("UPDATE t SET a = a + 1, b = upper(b) WHERE id IN (1, 2) RETURNING id, a, b"));
        assertEquals(List.of("1|one|one", "2|two|two"),
                db.rows("UPDATE t SET b = u.tag FROM u WHERE u.id = t.id RETURNING t.id, t.b, u.tag"));
        assertEquals(List.of("3|7"), db.rows("UPDATE t SET a = DEFAULT WHERE id = 3 RETURNING id, a"));
        assertEquals(List.of("2|two"),
                db.rows("DELETE FROM t USING u WHERE u.id = t.id AND u.tag = 'two' RETURNING t.id, u.tag"));
        assertEquals(List.of("1|2|one", "3|7|r"), db.rows("SELECT id, a, b FROM t ORDER BY id"));
    }

    @Test
    void storedExpressionsDeparseAsPostgres() {
        assertEquals(List.of("1|nextval('t_id_seq'::regclass)", "2|7", "3|'dflt'::text"),
                db.rows("SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef"
                        + " WHERE adrelid = 't'::regclass ORDER BY adnum"));
        assertEquals("CHECK ((d > (0)::numeric))",
                db.value("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'c'"
                        + " AND conrelid = 't'::regclass"));
    }

    @Test
    void expressionCompilerForChecksAndDefaults() {
        var engine = db.cluster.engine();
        try (Transaction tx = engine.storage().transactions().begin()) {
            PlanningContext pc = QueryTestPlans.context(engine, tx, new int[0]);
            List<ColumnDesc> cols = List.of(
                    new ColumnDesc(1, "a", TypeOids.INT4, -1, false, null, '\0', '\0', false, 0),
                    new ColumnDesc(2, "c", TypeOids.INT4, -1, false, null, '\0', '\0', false, 0),
                    new ColumnDesc(3, "v", TypeOids.VARCHAR, 14, false, null, '\0', '\0', false, 0));
            AnalyzedExpression check = ExpressionCompiler.analyzeText("c BETWEEN 1 AND 10", "p", cols,
                    ExpressionCompiler.Use.CHECK_CONSTRAINT, null, 0, -1, pc);
            assertEquals("((c >= 1) AND (c <= 10))", check.deparse());
            AnalyzedExpression in = ExpressionCompiler.analyzeText("a IN (1, 2)", "p", cols,
                    ExpressionCompiler.Use.CHECK_CONSTRAINT, null, 0, -1, pc);
            assertEquals("(a = ANY (ARRAY[1, 2]))", in.deparse());
            ExecContext ctx = new ExecContext(engine.storage(), tx, tx.statementSnapshot(), pc.catalog(),
                    pc.functions(), null, null);
            CompiledExpr c = check.compile();
            assertTrue(c.check(new Object[] {0, 5, null}, ctx));
            assertFalse(c.check(new Object[] {0, 11, null}, ctx));
            assertTrue(c.check(new Object[] {0, null, null}, ctx));
            AnalyzedExpression dflt = ExpressionCompiler.analyzeText("'x'", "p", cols,
                    ExpressionCompiler.Use.COLUMN_DEFAULT, "v", TypeOids.VARCHAR, 14, pc);
            assertEquals("'x'::character varying", dflt.deparse());
            assertEquals("x", dflt.compile().evaluate(null, ctx));
            assertEquals("'-1'::integer", ExpressionCompiler.analyzeText("-1", "p", cols,
                    ExpressionCompiler.Use.COLUMN_DEFAULT, "a", TypeOids.INT4, -1, pc).deparse());
            TuskException e = org.junit.jupiter.api.Assertions.assertThrows(TuskException.class,
                    () -> ExpressionCompiler.analyzeText("a + 1", "p", cols, ExpressionCompiler.Use.COLUMN_DEFAULT,
                            "c", TypeOids.INT4, -1, pc));
            assertEquals("cannot use column reference in DEFAULT expression", e.getMessage());
            e = org.junit.jupiter.api.Assertions.assertThrows(TuskException.class,
                    () -> ExpressionCompiler.analyzeText("a", "p", cols, ExpressionCompiler.Use.CHECK_CONSTRAINT,
                            null, 0, -1, pc));
            assertEquals("argument of CHECK must be type boolean, not type integer", e.getMessage());
        }
    }

    @Test
    void viewsExpandFromTheirDefinition() {
        db.session.ok("CREATE VIEW ev AS SELECT id, salary * 2 AS dbl, name FROM emp WHERE salary > 75 ORDER BY id");
        assertEquals(" SELECT emp.id,\n    (emp.salary * (2)::numeric) AS dbl,\n    emp.name\n   FROM emp\n"
                + "  WHERE (emp.salary > (75)::numeric)\n  ORDER BY emp.id;", db.value("SELECT pg_get_viewdef('ev')"));
        assertEquals(List.of("1|201.00|alice", "2|180.00|bob", "3|160.00|carol"), db.rows("SELECT * FROM ev"));
        assertEquals(List.of("alice|eng"),
                db.rows("SELECT v.name, d.dname FROM ev v JOIN dept d ON d.id = v.id - 0 + 0 WHERE v.id = 1"));
    }
}
