package dev.tusk.parser;

import static dev.tusk.parser.ParseHelpers.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.AExpr;
import dev.tusk.nodes.AIndices;
import dev.tusk.nodes.AIndirection;
import dev.tusk.nodes.ArrayExpr;
import dev.tusk.nodes.BoolExpr;
import dev.tusk.nodes.BooleanTest;
import dev.tusk.nodes.CaseExpr;
import dev.tusk.nodes.CoalesceExpr;
import dev.tusk.nodes.CollateClause;
import dev.tusk.nodes.ColumnRef;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.ExprList;
import dev.tusk.nodes.FuncCall;
import dev.tusk.nodes.IndirectionItem;
import dev.tusk.nodes.MinMaxExpr;
import dev.tusk.nodes.NullTest;
import dev.tusk.nodes.ParamRef;
import dev.tusk.nodes.RowExpr;
import dev.tusk.nodes.SQLValueFunction;
import dev.tusk.nodes.SubLink;
import dev.tusk.nodes.TypeCast;
import dev.tusk.nodes.TypeName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expressions: PostgreSQL's operator precedence, literal typing and the special syntaxes of gram.y. */
class ExprParserTest {

    private static AExpr op(Expr e, String name) {
        AExpr a = assertInstanceOf(AExpr.class, e);
        assertEquals(name, a.opName());
        return a;
    }

    private static void intConst(Expr e, int v) {
        AConst c = assertInstanceOf(AConst.class, e);
        assertEquals(new AConst.Literal.Int(v), c.value());
    }

    @Test
    void literalTyping() {
        intConst(expr("2147483647"), 2147483647);
        assertEquals(new AConst.Literal.BigInt(2147483648L), ((AConst) expr("2147483648")).value());
        // PostgreSQL folds the minus into the constant, and -2147483648 fits int4
        intConst(expr("-2147483648"), Integer.MIN_VALUE);
        assertEquals(new AConst.Literal.BigInt(Long.MIN_VALUE), ((AConst) expr("-9223372036854775808")).value());
        assertEquals(new AConst.Literal.Numeric("9223372036854775808"),
                ((AConst) expr("9223372036854775808")).value());
        assertEquals(new AConst.Literal.Numeric("1.5"), ((AConst) expr("1.5")).value());
        assertEquals(new AConst.Literal.Numeric("-1e10"), ((AConst) expr("-1e10")).value());
        assertEquals(new AConst.Literal.Str("x"), ((AConst) expr("'x'")).value());
        assertEquals(new AConst.Literal.Bool(true), ((AConst) expr("TRUE")).value());
        assertTrue(((AConst) expr("NULL")).isNull());
        assertEquals(new AConst.Literal.BitStr("b101"), ((AConst) expr("B'101'")).value());
    }

    @Test
    void arithmeticPrecedence() {
        AExpr plus = op(expr("1 + 2 * 3"), "+");
        op(plus.rexpr(), "*");
        AExpr minus = op(expr("1 - 2 - 3"), "-");
        op(minus.lexpr(), "-");
        // unary minus binds tighter than ^: -2^2 is (-2)^2
        AExpr pow = op(expr("-2 ^ 2"), "^");
        intConst(pow.lexpr(), -2);
        AExpr pow2 = op(expr("2 ^ 3 ^ 2"), "^");
        op(pow2.lexpr(), "^");
    }

    @Test
    void typecastBindsTighterThanUnaryMinus() {
        AExpr neg = op(expr("-1::text"), "-");
        assertNull(neg.lexpr());
        assertInstanceOf(TypeCast.class, neg.rexpr());
        AExpr plus = op(expr("1 + 2::int"), "+");
        assertInstanceOf(TypeCast.class, plus.rexpr());
    }

    @Test
    void otherOperatorsSitBetweenAdditionAndComparison() {
        AExpr eq = op(expr("a || b = c"), "=");
        op(eq.lexpr(), "||");
        AExpr cat = op(expr("a || b + c"), "||");
        op(cat.rexpr(), "+");
        AExpr like = assertInstanceOf(AExpr.class, expr("a LIKE b || c"));
        assertEquals(AExpr.Kind.LIKE, like.kind());
        op(like.rexpr(), "||");
        AExpr cmp = op(expr("a = b LIKE c"), "=");
        assertEquals(AExpr.Kind.LIKE, ((AExpr) cmp.rexpr()).kind());
    }

    @Test
    void booleanPrecedence() {
        BoolExpr or = assertInstanceOf(BoolExpr.class, expr("a OR b AND c"));
        assertEquals(BoolExpr.BoolOp.OR, or.op());
        assertEquals(BoolExpr.BoolOp.AND, ((BoolExpr) or.args().get(1)).op());
        BoolExpr not = assertInstanceOf(BoolExpr.class, expr("NOT a = b"));
        assertEquals(BoolExpr.BoolOp.NOT, not.op());
        op(not.args().get(0), "=");
        BoolExpr and = assertInstanceOf(BoolExpr.class, expr("a AND b AND c"));
        assertEquals(3, and.args().size());
        NullTest nt = assertInstanceOf(NullTest.class, expr("a = b IS NULL"));
        op(nt.arg(), "=");
        assertTrue(nt.isNull());
    }

    @Test
    void betweenInLikeForms() {
        BoolExpr and = assertInstanceOf(BoolExpr.class, expr("x BETWEEN 1 AND 2 AND y"));
        AExpr between = assertInstanceOf(AExpr.class, and.args().get(0));
        assertEquals(AExpr.Kind.BETWEEN, between.kind());
        assertEquals(2, ((ExprList) between.rexpr()).items().size());
        assertEquals(AExpr.Kind.NOT_BETWEEN_SYM,
                ((AExpr) expr("x NOT BETWEEN SYMMETRIC 1 AND 2")).kind());
        AExpr in = assertInstanceOf(AExpr.class, expr("x NOT IN (1, 2)"));
        assertEquals(AExpr.Kind.IN, in.kind());
        assertEquals("<>", in.opName());
        BoolExpr notIn = assertInstanceOf(BoolExpr.class, expr("x NOT IN (SELECT 1)"));
        SubLink any = assertInstanceOf(SubLink.class, notIn.args().get(0));
        assertEquals(SubLink.Type.ANY, any.subLinkType());
        AExpr ilike = assertInstanceOf(AExpr.class, expr("x NOT ILIKE 'a%'"));
        assertEquals("!~~*", ilike.opName());
        AExpr esc = assertInstanceOf(AExpr.class, expr("x LIKE 'a!%' ESCAPE '!'"));
        assertEquals("like_escape", ((FuncCall) esc.rexpr()).simpleName());
        AExpr sim = assertInstanceOf(AExpr.class, expr("x SIMILAR TO 'a|b'"));
        assertEquals(AExpr.Kind.SIMILAR, sim.kind());
        assertEquals("similar_to_escape", ((FuncCall) sim.rexpr()).simpleName());
    }

    @Test
    void isTestsAndDistinct() {
        assertEquals(BooleanTest.TestType.IS_NOT_TRUE, ((BooleanTest) expr("x IS NOT TRUE")).testType());
        assertEquals(BooleanTest.TestType.IS_UNKNOWN, ((BooleanTest) expr("x IS UNKNOWN")).testType());
        assertTrue(!((NullTest) expr("x NOTNULL")).isNull());
        assertEquals(AExpr.Kind.NOT_DISTINCT, ((AExpr) expr("a IS NOT DISTINCT FROM b")).kind());
        // IS NULL applied twice is accepted by PostgreSQL
        assertInstanceOf(NullTest.class, ((NullTest) expr("1 IS NULL IS NULL")).arg());
    }

    @Test
    void anyAllAndSubqueries() {
        AExpr any = assertInstanceOf(AExpr.class, expr("x = ANY(ARRAY[1,2])"));
        assertEquals(AExpr.Kind.OP_ANY, any.kind());
        SubLink all = assertInstanceOf(SubLink.class, expr("x > ALL (SELECT 1)"));
        assertEquals(SubLink.Type.ALL, all.subLinkType());
        assertEquals(List.of(">"), all.operName());
        assertEquals(SubLink.Type.EXISTS, ((SubLink) expr("EXISTS (SELECT 1)")).subLinkType());
        assertEquals(SubLink.Type.EXPR, ((SubLink) expr("(SELECT 1)")).subLinkType());
        assertEquals(SubLink.Type.ARRAY, ((SubLink) expr("ARRAY(SELECT 1)")).subLinkType());
        op(expr("((SELECT 1) + 1)"), "+");
        assertInstanceOf(SubLink.class, expr("((SELECT 1))"));
    }

    @Test
    void qualifiedOperator() {
        AExpr e = assertInstanceOf(AExpr.class, expr("relname OPERATOR(pg_catalog.~) '^t$'"));
        assertEquals(List.of("pg_catalog", "~"), e.name());
    }

    @Test
    void castsAndTypedLiterals() {
        TypeCast c = assertInstanceOf(TypeCast.class, expr("CAST(x AS character varying(10))"));
        assertEquals(List.of("pg_catalog", "varchar"), c.typeName().names());
        intConst(c.typeName().typmods().get(0), 10);
        TypeCast d = assertInstanceOf(TypeCast.class, expr("date '2020-01-01'"));
        assertEquals(List.of("date"), d.typeName().names());
        assertEquals(new AConst.Literal.Str("2020-01-01"), ((AConst) d.arg()).value());
        TypeCast ts = assertInstanceOf(TypeCast.class, expr("timestamp(3) with time zone '2020-01-01'"));
        assertEquals(List.of("pg_catalog", "timestamptz"), ts.typeName().names());
        TypeCast iv = assertInstanceOf(TypeCast.class, expr("interval '1' day"));
        intConst(iv.typeName().typmods().get(0), 1 << TypeName.DAY);
        TypeCast arr = assertInstanceOf(TypeCast.class, expr("x::int[]"));
        assertEquals(List.of(-1), arr.typeName().arrayBounds());
        assertEquals(List.of("pg_catalog", "int4"), arr.typeName().names());
        TypeCast dp = assertInstanceOf(TypeCast.class, expr("x::double precision"));
        assertEquals("float8", dp.typeName().simpleName());
        TypeCast rc = assertInstanceOf(TypeCast.class, expr("'t'::regclass"));
        assertEquals(List.of("regclass"), rc.typeName().names());
        TypeCast bp = assertInstanceOf(TypeCast.class, expr("x::char"));
        intConst(bp.typeName().typmods().get(0), 1);
    }

    @Test
    void sqlSyntaxFunctions() {
        FuncCall ex = assertInstanceOf(FuncCall.class, expr("EXTRACT(year FROM d)"));
        assertEquals(List.of("pg_catalog", "extract"), ex.funcname());
        assertEquals(new AConst.Literal.Str("year"), ((AConst) ex.args().get(0)).value());
        FuncCall sub = assertInstanceOf(FuncCall.class, expr("SUBSTRING(s FROM 2 FOR 3)"));
        assertEquals(3, sub.args().size());
        FuncCall pos = assertInstanceOf(FuncCall.class, expr("POSITION('b' IN s)"));
        assertEquals("s", ((ColumnRef) pos.args().get(0)).names().get(0));
        FuncCall trim = assertInstanceOf(FuncCall.class, expr("TRIM(LEADING 'x' FROM s)"));
        assertEquals("ltrim", trim.simpleName());
        assertEquals("s", ((ColumnRef) trim.args().get(0)).names().get(0));
        assertEquals("btrim", ((FuncCall) expr("TRIM(s)")).simpleName());
        FuncCall tz = assertInstanceOf(FuncCall.class, expr("t AT TIME ZONE 'UTC'"));
        assertEquals("timezone", tz.simpleName());
        assertInstanceOf(CoalesceExpr.class, expr("COALESCE(a, b)"));
        assertEquals(MinMaxExpr.Op.LEAST, ((MinMaxExpr) expr("LEAST(a, b)")).op());
        assertEquals(AExpr.Kind.NULLIF, ((AExpr) expr("NULLIF(a, b)")).kind());
        assertEquals(SQLValueFunction.Op.CURRENT_DATE, ((SQLValueFunction) expr("CURRENT_DATE")).op());
        SQLValueFunction ts = assertInstanceOf(SQLValueFunction.class, expr("current_timestamp(3)"));
        assertEquals(3, ts.typmod());
        assertEquals(SQLValueFunction.Op.CURRENT_USER, ((SQLValueFunction) expr("current_user")).op());
    }

    @Test
    void aggregatesAndWindows() {
        assertTrue(((FuncCall) expr("count(*)")).aggStar());
        assertTrue(((FuncCall) expr("count(DISTINCT x)")).aggDistinct());
        FuncCall sa = assertInstanceOf(FuncCall.class, expr("string_agg(x, ',' ORDER BY x DESC)"));
        assertEquals(2, sa.args().size());
        assertEquals(1, sa.aggOrder().size());
        FuncCall f = assertInstanceOf(FuncCall.class, expr("sum(x) FILTER (WHERE x > 0)"));
        op(f.aggFilter(), ">");
        FuncCall w = assertInstanceOf(FuncCall.class, expr("row_number() OVER (PARTITION BY a ORDER BY b)"));
        assertEquals(1, w.over().partitionClause().size());
        assertEquals(1, w.over().orderClause().size());
        FuncCall pc = assertInstanceOf(FuncCall.class, expr("percentile_cont(0.5) WITHIN GROUP (ORDER BY x)"));
        assertTrue(pc.aggWithinGroup());
    }

    @Test
    void constructorsAndIndirection() {
        ArrayExpr a = assertInstanceOf(ArrayExpr.class, expr("ARRAY[[1,2],[3,4]]"));
        assertInstanceOf(ArrayExpr.class, a.elements().get(0));
        RowExpr r = assertInstanceOf(RowExpr.class, expr("(1, 2)"));
        assertTrue(!r.explicitRow());
        assertTrue(((RowExpr) expr("ROW(1)")).explicitRow());
        AIndirection sl = assertInstanceOf(AIndirection.class, expr("a[1:2]"));
        assertTrue(((AIndices) sl.indirection().get(0)).isSlice());
        AIndirection fld = assertInstanceOf(AIndirection.class, expr("(c).f"));
        assertEquals(new IndirectionItem.Field("f"), fld.indirection().get(0));
        ColumnRef star = assertInstanceOf(ColumnRef.class, expr("t.*"));
        assertTrue(star.star());
        assertEquals(List.of("s", "t", "c"), ((ColumnRef) expr("s.t.c")).names());
        assertEquals(2, ((ParamRef) expr("$2")).number());
        CaseExpr c = assertInstanceOf(CaseExpr.class, expr("CASE WHEN a THEN 1 ELSE 2 END"));
        assertEquals(1, c.whens().size());
        CollateClause coll = assertInstanceOf(CollateClause.class, expr("x COLLATE \"C\""));
        assertEquals(List.of("C"), coll.collname());
    }

    @Test
    void keywordsUsableAsColumnNames() {
        for (String k : List.of("name", "text", "type", "data", "key", "value", "time", "int", "position")) {
            assertEquals(List.of(k), ((ColumnRef) expr(k)).names(), k);
        }
    }

    @Test
    void locationsAreOffsetsIntoTheQuery() {
        AExpr e = op(expr("a +  b"), "+");
        assertEquals(9, e.location());
        assertEquals(7, e.lexpr().location());
        assertEquals(12, e.rexpr().location());
    }
}
