package dev.tusk.parser;

import static dev.tusk.parser.ParseHelpers.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.AlterSeqStmt;
import dev.tusk.nodes.AlterTableCmd;
import dev.tusk.nodes.AlterTableStmt;
import dev.tusk.nodes.ColumnDef;
import dev.tusk.nodes.CommentStmt;
import dev.tusk.nodes.Constraint;
import dev.tusk.nodes.CopyStmt;
import dev.tusk.nodes.CreateRoleStmt;
import dev.tusk.nodes.CreateSchemaStmt;
import dev.tusk.nodes.CreateSeqStmt;
import dev.tusk.nodes.CreateStmt;
import dev.tusk.nodes.CreateTableAsStmt;
import dev.tusk.nodes.CreatedbStmt;
import dev.tusk.nodes.DeleteStmt;
import dev.tusk.nodes.DropBehavior;
import dev.tusk.nodes.DropStmt;
import dev.tusk.nodes.DropdbStmt;
import dev.tusk.nodes.ExplainStmt;
import dev.tusk.nodes.GrantStmt;
import dev.tusk.nodes.IndexStmt;
import dev.tusk.nodes.InsertStmt;
import dev.tusk.nodes.JoinExpr;
import dev.tusk.nodes.MultiAssignRef;
import dev.tusk.nodes.ObjectType;
import dev.tusk.nodes.OnConflictClause;
import dev.tusk.nodes.PrepareStmt;
import dev.tusk.nodes.RangeFunction;
import dev.tusk.nodes.RangeSubselect;
import dev.tusk.nodes.RangeVar;
import dev.tusk.nodes.RenameStmt;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.nodes.SetToDefault;
import dev.tusk.nodes.SortBy;
import dev.tusk.nodes.TransactionStmt;
import dev.tusk.nodes.TruncateStmt;
import dev.tusk.nodes.UpdateStmt;
import dev.tusk.nodes.VariableSetStmt;
import dev.tusk.nodes.VariableShowStmt;
import dev.tusk.nodes.ViewStmt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statement shapes for the SQL the issue lists, mapped the way PostgreSQL's gram.y maps them. */
class StatementParserTest {

    @Test
    void selectClauses() {
        SelectStmt s = one("SELECT DISTINCT ON (a) a, b AS x, c y, t.* FROM t WHERE a > 1 GROUP BY a, b "
                + "HAVING count(*) > 1 ORDER BY a DESC NULLS LAST, b USING < LIMIT 10 OFFSET 5", SelectStmt.class);
        assertEquals(1, s.distinctClause().size());
        assertEquals(4, s.targetList().size());
        assertEquals("x", s.targetList().get(1).name());
        assertEquals("y", s.targetList().get(2).name());
        assertNotNull(s.whereClause());
        assertEquals(2, s.groupClause().size());
        assertNotNull(s.havingClause());
        assertEquals(SortBy.SortByDir.DESC, s.sortClause().get(0).dir());
        assertEquals(SortBy.SortByNulls.LAST, s.sortClause().get(0).nulls());
        assertEquals(List.of("<"), s.sortClause().get(1).useOp());
        assertEquals(new AConst.Literal.Int(10), ((AConst) s.limitCount()).value());
        assertEquals(new AConst.Literal.Int(5), ((AConst) s.limitOffset()).value());
        assertNull(one("SELECT a FROM t", SelectStmt.class).distinctClause());
        assertEquals(List.of(), one("SELECT DISTINCT a FROM t", SelectStmt.class).distinctClause());
        assertTrue(one("SELECT FROM t", SelectStmt.class).targetList().isEmpty());
        assertTrue(((AConst) one("SELECT 1 LIMIT ALL", SelectStmt.class).limitCount()).isNull());
        SelectStmt f = one("SELECT * FROM t FETCH FIRST 3 ROWS ONLY", SelectStmt.class);
        assertEquals(new AConst.Literal.Int(3), ((AConst) f.limitCount()).value());
        assertEquals(1, one("SELECT * FROM t FOR UPDATE", SelectStmt.class).lockingClause().size());
    }

    @Test
    void setOperationsIntersectBindsTighter() {
        SelectStmt s = one("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3", SelectStmt.class);
        assertEquals(SelectStmt.SetOperation.UNION, s.op());
        assertEquals(SelectStmt.SetOperation.INTERSECT, s.rarg().op());
        SelectStmt e = one("SELECT 1 EXCEPT ALL SELECT 2 UNION SELECT 3 ORDER BY 1 LIMIT 1", SelectStmt.class);
        assertEquals(SelectStmt.SetOperation.UNION, e.op());
        assertEquals(SelectStmt.SetOperation.EXCEPT, e.larg().op());
        assertTrue(e.larg().all());
        assertEquals(1, e.sortClause().size());
        assertNotNull(e.limitCount());
        SelectStmt p = one("(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3", SelectStmt.class);
        assertEquals(SelectStmt.SetOperation.INTERSECT, p.op());
        assertEquals(SelectStmt.SetOperation.UNION, p.larg().op());
    }

    @Test
    void valuesWithAndTable() {
        SelectStmt v = one("VALUES (1, 'a'), (2, 'b') ORDER BY 1", SelectStmt.class);
        assertEquals(2, v.valuesLists().size());
        assertEquals(1, v.sortClause().size());
        SelectStmt w = one("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) "
                + "SELECT * FROM r", SelectStmt.class);
        assertTrue(w.withClause().recursive());
        assertEquals(List.of("n"), w.withClause().ctes().get(0).aliascolnames());
        SelectStmt t = one("TABLE t", SelectStmt.class);
        assertEquals("t", ((RangeVar) t.fromClause().get(0)).relname());
    }

    @Test
    void fromItemsAndJoins() {
        SelectStmt s = one("SELECT * FROM a LEFT JOIN b ON a.x = b.x JOIN c USING (y) NATURAL FULL JOIN d "
                + "CROSS JOIN e", SelectStmt.class);
        JoinExpr cross = assertInstanceOf(JoinExpr.class, s.fromClause().get(0));
        assertNull(cross.quals());
        JoinExpr nat = assertInstanceOf(JoinExpr.class, cross.larg());
        assertTrue(nat.isNatural());
        assertEquals(JoinExpr.JoinType.FULL, nat.jointype());
        JoinExpr using = assertInstanceOf(JoinExpr.class, nat.larg());
        assertEquals(List.of("y"), using.usingClause());
        JoinExpr left = assertInstanceOf(JoinExpr.class, using.larg());
        assertEquals(JoinExpr.JoinType.LEFT, left.jointype());
        // a JOIN b JOIN c ON x ON y nests to the right, as in PostgreSQL
        JoinExpr nested = assertInstanceOf(JoinExpr.class,
                one("SELECT * FROM a JOIN b JOIN c ON true ON false", SelectStmt.class).fromClause().get(0));
        assertInstanceOf(JoinExpr.class, nested.rarg());
        RangeSubselect sub = assertInstanceOf(RangeSubselect.class,
                one("SELECT * FROM (SELECT 1) AS s(x)", SelectStmt.class).fromClause().get(0));
        assertEquals(List.of("x"), sub.alias().colnames());
        RangeFunction gs = assertInstanceOf(RangeFunction.class,
                one("SELECT * FROM generate_series(1, 3) WITH ORDINALITY g(i, n)", SelectStmt.class)
                        .fromClause().get(0));
        assertTrue(gs.ordinality());
        assertEquals("g", gs.alias().aliasname());
        RangeVar only = assertInstanceOf(RangeVar.class,
                one("SELECT * FROM ONLY s.t x", SelectStmt.class).fromClause().get(0));
        assertFalse(only.inh());
        assertEquals("s", only.schemaname());
        assertEquals("x", only.alias().aliasname());
    }

    @Test
    void selectIntoBecomesCreateTableAs() {
        CreateTableAsStmt c = one("SELECT * INTO TEMP newt FROM t", CreateTableAsStmt.class);
        assertTrue(c.isSelectInto());
        assertEquals('t', c.into().rel().relpersistence());
    }

    @Test
    void insertForms() {
        InsertStmt i = one("INSERT INTO s.t (a, b) VALUES (1, DEFAULT), (2, 3) RETURNING a, b * 2 AS c",
                InsertStmt.class);
        assertEquals("s", i.relation().schemaname());
        assertEquals(2, i.cols().size());
        assertInstanceOf(SetToDefault.class, i.selectStmt().valuesLists().get(0).get(1));
        assertEquals(2, i.returningList().size());
        assertNull(one("INSERT INTO t DEFAULT VALUES", InsertStmt.class).selectStmt());
        InsertStmt sel = one("INSERT INTO t SELECT * FROM u", InsertStmt.class);
        assertEquals(1, sel.selectStmt().fromClause().size());
        InsertStmt oc = one("INSERT INTO t VALUES (1) ON CONFLICT (a) DO UPDATE SET b = excluded.b WHERE t.c",
                InsertStmt.class);
        assertEquals(OnConflictClause.Action.UPDATE, oc.onConflictClause().action());
        assertEquals(OnConflictClause.Action.NOTHING,
                one("INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING", InsertStmt.class).onConflictClause().action());
    }

    @Test
    void updateAndDelete() {
        UpdateStmt u = one("UPDATE t AS x SET a = 1, (b, c) = (2, 3) FROM u WHERE x.id = u.id RETURNING *",
                UpdateStmt.class);
        assertEquals("x", u.relation().alias().aliasname());
        assertEquals(3, u.targetList().size());
        assertEquals("c", u.targetList().get(2).name());
        assertEquals(1, u.fromClause().size());
        UpdateStmt m = one("UPDATE t SET (a, b) = (SELECT 1, 2)", UpdateStmt.class);
        MultiAssignRef r = assertInstanceOf(MultiAssignRef.class, m.targetList().get(1).val());
        assertEquals(2, r.colno());
        DeleteStmt d = one("DELETE FROM t USING u WHERE t.a = u.a RETURNING t.a", DeleteStmt.class);
        assertEquals(1, d.usingClause().size());
        assertEquals(1, d.returningList().size());
    }

    @Test
    void createTableWithConstraints() {
        CreateStmt c = one("CREATE TABLE IF NOT EXISTS t (id serial PRIMARY KEY, name text NOT NULL DEFAULT 'x' "
                + "COLLATE \"C\", n numeric(10,2) CHECK (n > 0), p int REFERENCES parent (id) ON DELETE CASCADE "
                + "ON UPDATE SET NULL, g bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 10), "
                + "CONSTRAINT uq UNIQUE (name, n), FOREIGN KEY (p) REFERENCES parent)", CreateStmt.class);
        assertTrue(c.ifNotExists());
        List<ColumnDef> cols = c.columns();
        assertEquals(5, cols.size());
        assertEquals(List.of("serial"), cols.get(0).typeName().names());
        assertEquals(Constraint.ConstrType.PRIMARY, cols.get(0).constraints().get(0).contype());
        assertEquals(Constraint.ConstrType.NOT_NULL, cols.get(1).constraints().get(0).contype());
        assertEquals(Constraint.ConstrType.DEFAULT, cols.get(1).constraints().get(1).contype());
        assertEquals(List.of("C"), cols.get(1).collClause().collname());
        Constraint fk = cols.get(3).constraints().get(0);
        assertEquals(Constraint.FkAction.CASCADE, fk.fkDelAction());
        assertEquals(Constraint.FkAction.SET_NULL, fk.fkUpdAction());
        Constraint id = cols.get(4).constraints().get(0);
        assertEquals(Constraint.ConstrType.IDENTITY, id.contype());
        assertEquals('d', id.generatedWhen());
        assertEquals("start", id.options().get(0).defname());
        assertEquals(2, c.tableConstraints().size());
        assertEquals("uq", c.tableConstraints().get(0).conname());
        // DEFAULT takes a b_expr, so NOT NULL after it is a constraint, not an operator
        CreateStmt d = one("CREATE TEMP TABLE t (a int DEFAULT 1 NOT NULL)", CreateStmt.class);
        assertEquals(2, d.columns().get(0).constraints().size());
        assertEquals('t', d.relation().relpersistence());
    }

    @Test
    void createTableAsAndDrop() {
        CreateTableAsStmt c = one("CREATE TABLE t2 (x) AS SELECT 1 WITH NO DATA", CreateTableAsStmt.class);
        assertEquals(List.of("x"), c.into().colNames());
        assertTrue(c.into().skipData());
        DropStmt d = one("DROP TABLE IF EXISTS a, s.b CASCADE", DropStmt.class);
        assertEquals(ObjectType.TABLE, d.removeType());
        assertTrue(d.missingOk());
        assertEquals(List.of(List.of("a"), List.of("s", "b")), d.objects());
        assertEquals(DropBehavior.CASCADE, d.behavior());
        assertEquals(ObjectType.INDEX, one("DROP INDEX i", DropStmt.class).removeType());
        assertEquals(ObjectType.SEQUENCE, one("DROP SEQUENCE s", DropStmt.class).removeType());
        assertEquals(ObjectType.VIEW, one("DROP VIEW v RESTRICT", DropStmt.class).removeType());
        assertEquals(ObjectType.SCHEMA, one("DROP SCHEMA sch", DropStmt.class).removeType());
    }

    @Test
    void alterTable() {
        AlterTableStmt a = one("ALTER TABLE IF EXISTS t ADD COLUMN c int NOT NULL, DROP COLUMN d CASCADE, "
                + "ALTER COLUMN e SET DEFAULT 0, ALTER f DROP DEFAULT, ALTER g SET NOT NULL, ALTER h DROP NOT NULL, "
                + "ALTER i SET DATA TYPE bigint USING i::bigint, ALTER j TYPE text, ADD CONSTRAINT ck CHECK (c > 0), "
                + "ADD PRIMARY KEY (c), DROP CONSTRAINT IF EXISTS x, OWNER TO bob", AlterTableStmt.class);
        assertTrue(a.missingOk());
        List<AlterTableCmd> cmds = a.cmds();
        assertInstanceOf(AlterTableCmd.AddColumn.class, cmds.get(0));
        assertInstanceOf(AlterTableCmd.DropColumn.class, cmds.get(1));
        assertNotNull(((AlterTableCmd.ColumnDefault) cmds.get(2)).def());
        assertNull(((AlterTableCmd.ColumnDefault) cmds.get(3)).def());
        assertInstanceOf(AlterTableCmd.SetNotNull.class, cmds.get(4));
        assertInstanceOf(AlterTableCmd.DropNotNull.class, cmds.get(5));
        assertNotNull(((AlterTableCmd.AlterColumnType) cmds.get(6)).using());
        assertInstanceOf(AlterTableCmd.AlterColumnType.class, cmds.get(7));
        assertEquals("ck", ((AlterTableCmd.AddConstraint) cmds.get(8)).constraint().conname());
        assertEquals(Constraint.ConstrType.PRIMARY, ((AlterTableCmd.AddConstraint) cmds.get(9)).constraint().contype());
        assertTrue(((AlterTableCmd.DropConstraint) cmds.get(10)).missingOk());
        assertEquals("bob", ((AlterTableCmd.ChangeOwner) cmds.get(11)).newOwner().rolename());
        RenameStmt rc = one("ALTER TABLE t RENAME COLUMN a TO b", RenameStmt.class);
        assertEquals(ObjectType.COLUMN, rc.renameType());
        assertEquals("a", rc.subname());
        assertEquals(ObjectType.TABLE, one("ALTER TABLE t RENAME TO u", RenameStmt.class).renameType());
        assertEquals(ObjectType.COLUMN, one("ALTER TABLE t RENAME a TO b", RenameStmt.class).renameType());
    }

    @Test
    void indexesSequencesViewsSchemas() {
        IndexStmt i = one("CREATE UNIQUE INDEX IF NOT EXISTS ix ON t USING btree (a DESC NULLS FIRST, lower(b), "
                + "(c + 1)) WHERE a > 0", IndexStmt.class);
        assertTrue(i.unique());
        assertEquals("ix", i.idxname());
        assertEquals(3, i.indexParams().size());
        assertEquals("a", i.indexParams().get(0).name());
        assertNotNull(i.indexParams().get(1).expr());
        assertNull(one("CREATE INDEX ON t (a)", IndexStmt.class).idxname());
        CreateSeqStmt s = one("CREATE SEQUENCE s INCREMENT BY -2 MINVALUE 1 NO MAXVALUE START WITH 5 CACHE 1 "
                + "NO CYCLE OWNED BY t.a", CreateSeqStmt.class);
        assertEquals(List.of("increment", "minvalue", "maxvalue", "start", "cache", "cycle", "owned_by"),
                s.options().stream().map(d -> d.defname()).toList());
        assertEquals(new AConst.Literal.Int(-2), ((AConst) s.options().get(0).arg()).value());
        assertNull(s.options().get(2).arg());
        AlterSeqStmt as = one("ALTER SEQUENCE s RESTART WITH 100", AlterSeqStmt.class);
        assertEquals("restart", as.options().get(0).defname());
        ViewStmt v = one("CREATE OR REPLACE VIEW v (x) AS SELECT a FROM t", ViewStmt.class);
        assertTrue(v.replace());
        assertEquals(List.of("x"), v.aliases());
        assertEquals("SELECT a FROM t", "CREATE OR REPLACE VIEW v (x) AS SELECT a FROM t"
                .substring(v.queryLocation(), v.queryLocation() + v.queryLength()));
        CreateSchemaStmt sc = one("CREATE SCHEMA IF NOT EXISTS s AUTHORIZATION bob", CreateSchemaStmt.class);
        assertEquals("s", sc.schemaname());
        assertEquals("bob", sc.authrole().rolename());
        TruncateStmt tr = one("TRUNCATE TABLE a, b RESTART IDENTITY CASCADE", TruncateStmt.class);
        assertEquals(2, tr.relations().size());
        assertTrue(tr.restartSeqs());
    }

    @Test
    void rolesDatabasesGrantsComments() {
        CreateRoleStmt r = one("CREATE USER alice WITH PASSWORD 'secret' LOGIN CREATEDB CONNECTION LIMIT 5",
                CreateRoleStmt.class);
        assertEquals(CreateRoleStmt.Kind.USER, r.stmtType());
        assertEquals(List.of("password", "canlogin", "createdb", "connectionlimit"),
                r.options().stream().map(d -> d.defname()).toList());
        CreatedbStmt db = one("CREATE DATABASE d WITH OWNER = bob TEMPLATE template0 ENCODING 'UTF8'",
                CreatedbStmt.class);
        assertEquals(List.of("owner", "template", "encoding"), db.options().stream().map(d -> d.defname()).toList());
        assertTrue(one("DROP DATABASE IF EXISTS d", DropdbStmt.class).missingOk());
        GrantStmt g = one("GRANT SELECT, INSERT ON TABLE t TO bob, PUBLIC", GrantStmt.class);
        assertEquals(2, g.privileges().size());
        assertEquals(2, g.grantees().size());
        CommentStmt c = one("COMMENT ON COLUMN t.a IS 'the a'", CommentStmt.class);
        assertEquals(List.of("t", "a"), c.object());
        assertNull(one("COMMENT ON TABLE t IS NULL", CommentStmt.class).comment());
    }

    @Test
    void transactionsAndSettings() {
        TransactionStmt b = one("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", TransactionStmt.class);
        assertEquals(TransactionStmt.Kind.BEGIN, b.kind());
        assertEquals(new AConst.Literal.Str("repeatable read"), ((AConst) b.options().get(0).arg()).value());
        assertEquals(TransactionStmt.Kind.START, one("START TRANSACTION", TransactionStmt.class).kind());
        assertEquals(TransactionStmt.Kind.COMMIT, one("END WORK", TransactionStmt.class).kind());
        assertEquals(TransactionStmt.Kind.ROLLBACK, one("ABORT", TransactionStmt.class).kind());
        TransactionStmt rt = one("ROLLBACK WORK TO SAVEPOINT sp", TransactionStmt.class);
        assertEquals(TransactionStmt.Kind.ROLLBACK_TO, rt.kind());
        assertEquals("sp", rt.savepointName());
        assertEquals("sp", one("RELEASE sp", TransactionStmt.class).savepointName());
        VariableSetStmt set = one("SET LOCAL search_path TO s1, 'S2', public", VariableSetStmt.class);
        assertTrue(set.isLocal());
        assertEquals(3, set.args().size());
        assertEquals("timezone", one("SET TIME ZONE 'UTC'", VariableSetStmt.class).name());
        assertEquals(VariableSetStmt.Kind.DEFAULT, one("SET x = DEFAULT", VariableSetStmt.class).kind());
        VariableSetStmt tx = one("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", VariableSetStmt.class);
        assertEquals(VariableSetStmt.Kind.MULTI, tx.kind());
        assertEquals("TRANSACTION", tx.name());
        assertEquals("SESSION CHARACTERISTICS",
                one("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", VariableSetStmt.class).name());
        assertEquals(VariableSetStmt.Kind.RESET_ALL, one("RESET ALL", VariableSetStmt.class).kind());
        assertEquals("timezone", one("SHOW TIME ZONE", VariableShowStmt.class).name());
        assertEquals("all", one("SHOW ALL", VariableShowStmt.class).name());
    }

    @Test
    void copyExplainPrepare() {
        CopyStmt c = one("COPY t (a, b) FROM STDIN WITH (FORMAT csv, HEADER, DELIMITER ';', NULL '')",
                CopyStmt.class);
        assertTrue(c.isFrom());
        assertNull(c.filename());
        assertEquals(List.of("format", "header", "delimiter", "null"),
                c.options().stream().map(d -> d.defname()).toList());
        CopyStmt old = one("COPY t TO '/tmp/x' WITH CSV HEADER", CopyStmt.class);
        assertEquals("/tmp/x", old.filename());
        assertEquals(List.of("format", "header"), old.options().stream().map(d -> d.defname()).toList());
        CopyStmt q = one("COPY (SELECT 1) TO STDOUT", CopyStmt.class);
        assertInstanceOf(SelectStmt.class, q.query());
        ExplainStmt e = one("EXPLAIN ANALYZE SELECT 1", ExplainStmt.class);
        assertEquals("analyze", e.options().get(0).defname());
        PrepareStmt p = one("PREPARE p (int, text) AS SELECT $1, $2", PrepareStmt.class);
        assertEquals(2, p.argtypes().size());
    }
}
