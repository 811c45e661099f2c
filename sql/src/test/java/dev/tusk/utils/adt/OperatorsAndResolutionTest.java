package dev.tusk.utils.adt;

import static dev.tusk.utils.adt.Eval.call;
import static dev.tusk.utils.adt.Eval.lit;
import static dev.tusk.utils.adt.Eval.op;
import static dev.tusk.utils.adt.Eval.out;
import static dev.tusk.utils.adt.Eval.t;
import static dev.tusk.utils.adt.Eval.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.FunctionMatch;
import dev.tusk.utils.fmgr.FunctionRegistry;
import dev.tusk.utils.fmgr.OperatorMatch;
import dev.tusk.utils.fmgr.OperatorRegistry;
import org.junit.jupiter.api.Test;

/** Overload resolution and operator results, checked against PostgreSQL 15's answers. */
class OperatorsAndResolutionTest {
    @Test
    void unknownLiteralPicksTextForLength() {
        FunctionMatch m = Eval.resolve("length", lit("x"));
        assertEquals(TypeOids.TEXT, m.coerceArgTypes()[0]);
        assertEquals(1, call("length", lit("héllo")).value().equals(5) ? 1 : 0);
    }

    @Test
    void integerPlusNumericIsNumeric() {
        Eval.Typed r = op("+", t(1, TypeOids.INT4), v("2.5", TypeOids.NUMERIC));
        assertEquals(TypeOids.NUMERIC, r.type());
        assertEquals("3.5", out(r));
        OperatorMatch m = OperatorRegistry.builtin().resolve("+", TypeOids.INT4, TypeOids.NUMERIC);
        assertEquals(1758, m.operator().oid()); // numeric_add's operator in pg_operator
    }

    @Test
    void unknownEqualsIntegerUsesIntegerEquality() {
        OperatorMatch m = OperatorRegistry.builtin().resolve("=", TypeOids.UNKNOWN, TypeOids.INT4);
        assertEquals(96, m.operator().oid());
        assertEquals(Boolean.TRUE, op("=", lit("1"), t(1, TypeOids.INT4)).value());
        TuskException e = assertThrows(TuskException.class, () -> op("=", lit("a"), t(1, TypeOids.INT4)));
        assertEquals("invalid input syntax for type integer: \"a\"", e.getMessage());
    }

    @Test
    void crossTypeIntegerComparisonsAndArithmetic() {
        assertEquals(Boolean.TRUE, op("<", t((short) 3, TypeOids.INT2), t(4L, TypeOids.INT8)).value());
        assertEquals(TypeOids.INT8, op("+", t(1, TypeOids.INT4), t(2L, TypeOids.INT8)).type());
        assertEquals(Boolean.TRUE, op("=", t(1, TypeOids.INT4), v("1.0", TypeOids.NUMERIC)).value());
        assertEquals(Boolean.TRUE, op(">", t(2.5, TypeOids.FLOAT8), t(2.0f, TypeOids.FLOAT4)).value());
    }

    @Test
    void crossTypeNameTextAndDateTimestamp() {
        assertEquals(Boolean.TRUE, op("=", v("pg_class", TypeOids.NAME), v("pg_class", TypeOids.TEXT)).value());
        assertEquals(TypeOids.NAME, OperatorRegistry.builtin().resolve("=", TypeOids.NAME, TypeOids.TEXT).leftType());
        assertEquals(Boolean.TRUE, op("<", v("2024-01-01", TypeOids.DATE), v("2024-01-01 00:00:01",
                TypeOids.TIMESTAMP)).value());
        assertEquals(Boolean.TRUE, op("=", v("r", TypeOids.CHAR), lit("r")).value());
        assertEquals(Boolean.TRUE, op("~", v("pg_class", TypeOids.NAME), lit("^(pg_c.*)$")).value());
        assertEquals(Boolean.TRUE, op("=", t(1259, TypeOids.OID), t(1259, TypeOids.INT4)).value());
    }

    @Test
    void integerOverflowAndDivisionErrors() {
        TuskException e = assertThrows(TuskException.class,
                () -> op("+", t(Integer.MAX_VALUE, TypeOids.INT4), t(1, TypeOids.INT4)));
        assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, e.sqlState());
        assertEquals("integer out of range", e.getMessage());
        e = assertThrows(TuskException.class, () -> op("*", t(Long.MAX_VALUE, TypeOids.INT8), t(2L, TypeOids.INT8)));
        assertEquals("bigint out of range", e.getMessage());
        e = assertThrows(TuskException.class, () -> op("/", t(1, TypeOids.INT4), t(0, TypeOids.INT4)));
        assertEquals(SqlState.DIVISION_BY_ZERO, e.sqlState());
        assertEquals("division by zero", e.getMessage());
        assertEquals(-2, op("%", t(-5, TypeOids.INT4), t(3, TypeOids.INT4)).value());
        assertEquals(-2, op("/", t(-5, TypeOids.INT4), t(2, TypeOids.INT4)).value());
        assertThrows(TuskException.class, () -> op("-", null, t(Integer.MIN_VALUE, TypeOids.INT4)));
    }

    @Test
    void numericScalesLikePostgres() {
        assertEquals("3.30", out(op("*", v("1.10", TypeOids.NUMERIC), t(3, TypeOids.INT4))));
        assertEquals("0.33333333333333333333", out(op("/", v("1", TypeOids.NUMERIC), v("3", TypeOids.NUMERIC))));
        assertEquals("0.66666666666666666667", out(op("/", v("2", TypeOids.NUMERIC), v("3", TypeOids.NUMERIC))));
        assertEquals("2.5000000000000000", out(op("/", v("10", TypeOids.NUMERIC), v("4", TypeOids.NUMERIC))));
        assertEquals("33333333333333333333",
                out(op("/", v("100000000000000000000", TypeOids.NUMERIC), v("3", TypeOids.NUMERIC))));
        assertEquals("0.000000142857142857142857",
                out(op("/", v("0.000001", TypeOids.NUMERIC), v("7", TypeOids.NUMERIC))));
        assertEquals("123000.000000000000", out(op("/", v("123", TypeOids.NUMERIC), v("0.001", TypeOids.NUMERIC))));
        assertEquals("1.5", out(op("%", v("5.5", TypeOids.NUMERIC), v("2", TypeOids.NUMERIC))));
        assertEquals("3", out(call("round", v("2.5", TypeOids.NUMERIC))));
        assertEquals("-3", out(call("round", v("-2.5", TypeOids.NUMERIC))));
        assertEquals("1.23", out(call("round", v("1.2345", TypeOids.NUMERIC), t(2, TypeOids.INT4))));
        assertEquals("-1", out(call("trunc", v("-1.7", TypeOids.NUMERIC))));
        assertEquals("Infinity", out(op("+", v("Infinity", TypeOids.NUMERIC), v("1", TypeOids.NUMERIC))));
        assertEquals("NaN", out(op("-", v("Infinity", TypeOids.NUMERIC), v("Infinity", TypeOids.NUMERIC))));
        assertEquals("0", out(op("/", v("1", TypeOids.NUMERIC), v("-Infinity", TypeOids.NUMERIC))));
        assertEquals(Boolean.TRUE, op("<", v("Infinity", TypeOids.NUMERIC), v("NaN", TypeOids.NUMERIC)).value());
    }

    @Test
    void numericMathScales() {
        assertEquals("1024.0000000000000000", out(op("^", v("2", TypeOids.NUMERIC), v("10", TypeOids.NUMERIC))));
        assertEquals("1.4142135623730950", out(call("power", v("2", TypeOids.NUMERIC), v("0.5", TypeOids.NUMERIC))));
        assertEquals("2.7182818284590452", out(call("exp", v("1", TypeOids.NUMERIC))));
        assertEquals("22026.465794806717", out(call("exp", v("10", TypeOids.NUMERIC))));
        assertEquals("0.6931471805599453", out(call("ln", v("2", TypeOids.NUMERIC))));
        assertEquals("0.048790164169432003", out(call("ln", v("1.05", TypeOids.NUMERIC))));
        assertEquals("2.0000000000000000", out(call("log", v("100", TypeOids.NUMERIC))));
        assertEquals("3.0000000000000000", out(call("log", v("2", TypeOids.NUMERIC), v("8", TypeOids.NUMERIC))));
        assertEquals("1.414213562373095", out(call("sqrt", v("2", TypeOids.NUMERIC))));
        assertEquals("1267650600228229401496703205376.0000000000000000",
                out(call("power", v("2", TypeOids.NUMERIC), v("100", TypeOids.NUMERIC))));
    }

    @Test
    void ambiguityAndMissingFunctions() {
        assertEquals(TypeOids.TEXT, OperatorRegistry.builtin().resolve("=", TypeOids.UNKNOWN, TypeOids.UNKNOWN)
                .leftType());
        assertEquals(TypeOids.TEXT, OperatorRegistry.builtin().resolve("||", TypeOids.UNKNOWN, TypeOids.UNKNOWN)
                .resultType());
        TuskException e = assertThrows(TuskException.class, () -> op("+", lit("1"), lit("2")));
        assertEquals(SqlState.AMBIGUOUS_FUNCTION, e.sqlState());
        assertEquals("operator is not unique: unknown + unknown", e.getMessage());
        assertNull(FunctionRegistry.builtin().resolve("length", new int[] {TypeOids.INT4}));
        assertEquals("function length(integer) does not exist",
                FunctionRegistry.noSuchFunction("length", new int[] {TypeOids.INT4}, 8).getMessage());
        assertEquals("text", TypeNames.format(OperatorRegistry.builtin().resolve("||", TypeOids.TEXT, TypeOids.INT4)
                .resultType()));
    }

    @Test
    void stringConcatenationAndLike() {
        assertEquals("ab1", out(op("||", v("ab", TypeOids.TEXT), t(1, TypeOids.INT4))));
        assertEquals(Boolean.TRUE, op("~~", v("hello", TypeOids.TEXT), lit("h%o")).value());
        assertEquals(Boolean.FALSE, op("~~", v("hello", TypeOids.TEXT), lit("H%")).value());
        assertEquals(Boolean.TRUE, op("~~*", v("hello", TypeOids.TEXT), lit("H_LLO")).value());
        assertEquals(Boolean.TRUE, op("~~", v("50%", TypeOids.TEXT), lit("50\\%")).value());
        assertEquals(Boolean.TRUE, op("~", v("abc123", TypeOids.TEXT), lit("^[a-z]+[[:digit:]]+$")).value());
        assertEquals(Boolean.TRUE, op("!~*", v("abc", TypeOids.TEXT), lit("X")).value());
    }

    @Test
    void bitwiseAndSimilar() {
        assertEquals(4, op("&", t(12, TypeOids.INT4), t(6, TypeOids.INT4)).value());
        assertEquals(14, op("|", t(12, TypeOids.INT4), t(6, TypeOids.INT4)).value());
        assertEquals(10, op("#", t(12, TypeOids.INT4), t(6, TypeOids.INT4)).value());
        assertEquals(-13, op("~", null, t(12, TypeOids.INT4)).value());
        assertEquals(48, op("<<", t(12, TypeOids.INT4), t(2, TypeOids.INT4)).value());
        String re = (String) call("similar_to_escape", lit("a%b_")).value();
        assertEquals(Boolean.TRUE, op("~", v("axxbz", TypeOids.TEXT), t(re, TypeOids.TEXT)).value());
        assertEquals(Boolean.FALSE, op("~", v("xaxxbz", TypeOids.TEXT), t(re, TypeOids.TEXT)).value());
    }

    @Test
    void arraysOperators() {
        Eval.Typed a = v("{1,2,3}", TypeOids.INT4_ARRAY);
        assertEquals("{1,2,3,4}", out(op("||", a, t(4, TypeOids.INT4))));
        assertEquals(Boolean.TRUE, op("@>", a, v("{3,1}", TypeOids.INT4_ARRAY)).value());
        assertEquals(Boolean.TRUE, op("&&", a, v("{9,2}", TypeOids.INT4_ARRAY)).value());
        assertEquals(Boolean.TRUE, op("=", a, v("{1,2,3}", TypeOids.INT4_ARRAY)).value());
        var eq = OperatorRegistry.builtin().resolve("=", TypeOids.INT4, TypeOids.INT4).operator();
        assertEquals(Boolean.TRUE, ArrayFunctions.scalarArrayOp(Eval.ctx, eq, 2, (ArrayValue) a.value(), false));
        assertNull(ArrayFunctions.scalarArrayOp(Eval.ctx, eq, 5, (ArrayValue) v("{1,NULL}", TypeOids.INT4_ARRAY)
                .value(), false));
    }

    @Test
    void jsonOperators() {
        Eval.Typed j = v("{\"a\":{\"b\":[1,2]}}", TypeOids.JSON);
        assertEquals("{\"b\":[1,2]}", out(op("->", j, lit("a"))));
        assertEquals("2", out(op("->>", op("->", op("->", j, lit("a")), lit("b")), t(1, TypeOids.INT4))));
        Eval.Typed jb = v("{\"a\": {\"b\": [1, 2]}, \"s\": \"x\"}", TypeOids.JSONB);
        assertEquals("x", out(op("->>", jb, lit("s"))));
        assertEquals("[1, 2]", out(op("->", op("->", jb, lit("a")), lit("b"))));
        assertEquals(Boolean.TRUE, op("@>", jb, v("{\"a\":{\"b\":[2]}}", TypeOids.JSONB)).value());
        assertEquals(Boolean.TRUE, op("=", v("1.0", TypeOids.JSONB), v("1", TypeOids.JSONB)).value());
        assertEquals(Boolean.FALSE, op("<", v("{\"a\":1}", TypeOids.JSONB), v("[1]", TypeOids.JSONB)).value());
        assertEquals(Comparisons.hash(TypeOids.JSONB, v("[1.0]", TypeOids.JSONB).value()),
                Comparisons.hash(TypeOids.JSONB, v("[1]", TypeOids.JSONB).value()));
    }

    @Test
    void castsFollowPgCast() {
        Casts casts = Casts.builtin();
        assertEquals(true, casts.canCoerce(TypeOids.INT2, TypeOids.INT8, CoercionContext.IMPLICIT));
        assertEquals(false, casts.canCoerce(TypeOids.INT8, TypeOids.INT4, CoercionContext.IMPLICIT));
        assertEquals(true, casts.canCoerce(TypeOids.INT8, TypeOids.INT4, CoercionContext.ASSIGNMENT));
        assertEquals(false, casts.canCoerce(TypeOids.INT4, TypeOids.BOOL, CoercionContext.ASSIGNMENT));
        assertEquals(true, casts.canCoerce(TypeOids.INT4, TypeOids.BOOL, CoercionContext.EXPLICIT));
        assertEquals(true, casts.canCoerce(TypeOids.DATE, TypeOids.TEXT, CoercionContext.ASSIGNMENT));
        assertEquals(false, casts.canCoerce(TypeOids.TEXT, TypeOids.DATE, CoercionContext.ASSIGNMENT));
        assertEquals(true, casts.canCoerce(TypeOids.TEXT, TypeOids.DATE, CoercionContext.EXPLICIT));
        var ctx = Eval.ctx;
        assertEquals(3, casts.coerce(new java.math.BigDecimal("2.5"), TypeOids.NUMERIC, TypeOids.INT4, -1,
                CoercionContext.EXPLICIT, ctx));
        assertEquals(2, casts.coerce(2.5, TypeOids.FLOAT8, TypeOids.INT4, -1, CoercionContext.EXPLICIT, ctx));
        assertEquals("true", casts.coerce(true, TypeOids.BOOL, TypeOids.TEXT, -1, CoercionContext.EXPLICIT, ctx));
        assertEquals(true, casts.coerce(5, TypeOids.INT4, TypeOids.BOOL, -1, CoercionContext.EXPLICIT, ctx));
        assertEquals("ab", casts.coerce("ab   ", TypeOids.BPCHAR, TypeOids.TEXT, -1, CoercionContext.IMPLICIT, ctx));
        assertEquals("{1,2}", TypeIo.textOut(TypeOids.TEXT_ARRAY, casts.coerce(
                TypeIo.textIn(TypeOids.INT4_ARRAY, "{1,2}", -1, SessionFormats.DEFAULT), TypeOids.INT4_ARRAY,
                TypeOids.TEXT_ARRAY, -1, CoercionContext.EXPLICIT, ctx), SessionFormats.DEFAULT));
        TuskException e = assertThrows(TuskException.class, () -> casts.coerce(1, TypeOids.INT4, TypeOids.DATE, -1,
                CoercionContext.EXPLICIT, ctx));
        assertEquals("cannot cast type integer to date", e.getMessage());
        assertEquals(TypeOids.NUMERIC, casts.selectCommonType(java.util.List.of(TypeOids.INT4, TypeOids.NUMERIC,
                TypeOids.UNKNOWN), "CASE"));
        e = assertThrows(TuskException.class, () -> casts.selectCommonType(java.util.List.of(TypeOids.INT4,
                TypeOids.TEXT), "CASE"));
        assertEquals("CASE types integer and text cannot be matched", e.getMessage());
    }
}
