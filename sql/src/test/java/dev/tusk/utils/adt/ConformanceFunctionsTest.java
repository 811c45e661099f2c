package dev.tusk.utils.adt;

import static dev.tusk.utils.adt.Eval.aggregate;
import static dev.tusk.utils.adt.Eval.call;
import static dev.tusk.utils.adt.Eval.callSet;
import static dev.tusk.utils.adt.Eval.lit;
import static dev.tusk.utils.adt.Eval.out;
import static dev.tusk.utils.adt.Eval.t;
import static dev.tusk.utils.adt.Eval.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.utils.error.TuskException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Functions added for PostgreSQL's regression tests (strings, float8, numeric, int4/int8, text); every expected
 * value is what PostgreSQL 15 prints for the same call (src/test/regress/expected).
 */
class ConformanceFunctionsTest {
    private static String s(String fn, Eval.Typed... args) {
        return out(call(fn, args));
    }

    private static Eval.Typed i(int v) {
        return t(v, TypeOids.INT4);
    }

    private static Eval.Typed f8(String v) {
        return v(v, TypeOids.FLOAT8);
    }

    private static Eval.Typed num(String v) {
        return v(v, TypeOids.NUMERIC);
    }

    private static String err(String fn, Eval.Typed... args) {
        return assertThrows(TuskException.class, () -> call(fn, args)).getMessage();
    }

    @Test
    void regexpCountInstrSubstrLike() {
        assertEquals("5", s("regexp_count", lit("123123123123123"), lit("(12)3")));
        assertEquals("3", s("regexp_count", lit("123123123123"), lit("123"), i(3)));
        assertEquals("4", s("regexp_count", lit("ABCABCABCABC"), lit("Abc"), i(1), lit("i")));
        assertEquals("invalid value for parameter \"start\": 0", err("regexp_count", lit("1"), lit("1"), i(0)));
        assertEquals("4", s("regexp_instr", lit("abcdefghi"), lit("d.f")));
        assertEquals("0", s("regexp_instr", lit("abcabcabc"), lit("a.c"), i(1), i(4)));
        assertEquals("9", s("regexp_instr", lit("1234567890"), lit("(123)(4(56)(78))"), i(1), i(1), i(1), lit("i"),
                i(0)));
        assertEquals("7", s("regexp_instr", lit("1234567890"), lit("(123)(4(56)(78))"), i(1), i(1), i(1), lit("i"),
                i(3)));
        assertEquals("0", s("regexp_instr", lit("foo"), lit("foo(bar)?"), i(1), i(1), i(0), lit(""), i(1)));
        assertEquals("invalid value for parameter \"endoption\": 2",
                err("regexp_instr", lit("abc"), lit("a.c"), i(1), i(1), i(2)));
        assertEquals("regexp_instr() does not support the \"global\" option",
                err("regexp_instr", lit("abc"), lit("a.c"), i(1), i(1), i(0), lit("g")));
        assertEquals("45678", s("regexp_substr", lit("1234567890"), lit("(123)(4(56)(78))"), i(1), i(1), lit("i"),
                i(2)));
        assertNull(call("regexp_substr", lit("abcabcabc"), lit("a.c"), i(1), i(4)).value());
        assertEquals("t", s("regexp_like", lit("Steven"), lit("^Ste(v|ph)en$")));
        assertEquals("f", s("regexp_like", lit("a\nd"), lit("a.d"), lit("n")));
        assertEquals("t", s("regexp_like", lit("a\nd"), lit("a.d"), lit("s")));
        assertEquals("t", s("regexp_like", lit("abc"), lit(" a . c "), lit("x")));
    }

    @Test
    void regexpReplaceAndSplit() {
        assertEquals("X PostgreSQL function", s("regexp_replace", lit("A PostgreSQL function"), lit("A|e|i|o|u"),
                lit("X"), i(1)));
        assertEquals("A PXstgreSQL function", s("regexp_replace", lit("A PostgreSQL function"), lit("A|e|i|o|u"),
                lit("X"), i(1), i(2)));
        assertEquals("A PostgrXSQL fXnctXXn", s("regexp_replace", lit("A PostgreSQL function"), lit("A|e|i|o|u"),
                lit("X"), i(7), i(0), lit("i")));
        assertEquals("ZAAAZ", s("regexp_replace", lit("AAA"), lit("^|$"), lit("Z"), lit("g")));
        assertEquals("fX\\YoZ\\barrbazz", s("regexp_replace", lit("foobarrbazz"), lit("(.)\\1"),
                lit("X\\Y\\1Z\\")));
        TuskException e = assertThrows(TuskException.class,
                () -> call("regexp_replace", lit("a"), lit("a"), lit("X"), lit("1")));
        assertEquals("invalid regular expression option: \"1\"", e.getMessage());
        assertEquals(List.of("t", "h", "e", "q", "u"), callSet("regexp_split_to_table", lit("the qu"),
                lit("\\s*")));
        assertEquals("{bar,beque}", out(call("regexp_match", lit("foobarbequebaz"), lit("(bar)(beque)"))));
    }

    @Test
    void similarSubstring() {
        assertEquals("bcd", s("substring", lit("abcdefg"), lit("a#\"(b_d)#\"%"), lit("#")));
        assertNull(call("substring", lit("abcdefg"), lit("#\"(b_d)#\"%"), lit("#")).value());
        assertEquals("abcdefg", s("substring", lit("abcdefg"), lit("a*#\"%#\"g*"), lit("#")));
        assertEquals("bcdef", s("substring", lit("abcdefg"), lit("a|b#\"%#\"g"), lit("#")));
        assertEquals("bcdefg", s("substring", lit("abcdefg"), lit("a#\"%g"), lit("#")));
        assertEquals("SQL regular expression may not contain more than two escape-double-quote separators",
                err("substring", lit("abcdefg"), lit("a*#\"%#\"g*#\"x"), lit("#")));
    }

    @Test
    void formatWidthsFromArguments() {
        assertEquals(">>   'Hello'<<", s("format", lit(">>%2$*1$L<<"), i(10), lit("Hello")));
        assertEquals(">>NULL      <<", s("format", lit(">>%2$*1$L<<"), i(-10), t(null, TypeOids.UNKNOWN)));
        assertEquals(">>     Hello<<", s("format", lit(">>%*s<<"), i(10), lit("Hello")));
        assertEquals(">>'Hello'<<", s("format", lit(">>%2$*1$L<<"), t(null, TypeOids.UNKNOWN), lit("Hello")));
        assertEquals("format specifies argument 0, but arguments are numbered from 1",
                err("format", lit("%*0$s"), lit("Hello")));
        assertEquals("unterminated format() type specifier", err("format", lit("%1$"), i(1)));
    }

    @Test
    void unistrEscapes() {
        assertEquals("data0", s("unistr", lit("\\0064at\\+0000610")));
        assertEquals("data0", s("unistr", lit("d\\u0061t\\U000000610")));
        assertEquals("a\\b", s("unistr", lit("a\\\\b")));
        assertEquals("invalid Unicode surrogate pair", err("unistr", lit("wrong: \\db99\\0061")));
        assertEquals("invalid Unicode code point: 2FFFFF", err("unistr", lit("wrong: \\+2FFFFF")));
        assertEquals("invalid Unicode escape", err("unistr", lit("wrong: \\xyz")));
    }

    @Test
    void floatEdgeCases() {
        assertEquals("NaN", s("power", f8("-1"), f8("NaN")));
        assertEquals("1", s("power", f8("1"), f8("NaN")));
        assertEquals("0", s("power", f8("0.1"), f8("inf")));
        assertEquals("-0", s("power", f8("-inf"), f8("-3")));
        assertEquals("Infinity", s("power", f8("-1.1"), f8("inf")));
        assertEquals("NaN", out(Eval.op("/", f8("nan"), f8("0"))));
        assertEquals("value out of range: underflow", err("exp", f8("-1e300")));
        assertEquals("0", s("exp", f8("-inf")));
        assertEquals("\\x0010000000000000", s("float8send", f8("2.2250738585072014E-308")));
    }

    @Test
    void hyperbolicAndDegreeFunctions() {
        assertEquals("Infinity", s("sinh", f8("infinity")));
        assertEquals("-1", s("tanh", f8("-infinity")));
        assertEquals("-Infinity", s("asinh", f8("-infinity")));
        assertEquals("input is out of range", err("acosh", f8("-infinity")));
        assertEquals("input is out of range", err("atanh", f8("infinity")));
        assertEquals("0.5", s("sind", f8("30")));
        assertEquals("-0.5", s("sind", f8("210")));
        assertEquals("-1", s("cosd", f8("180")));
        assertEquals("-Infinity", s("tand", f8("270")));
        assertEquals("-Infinity", s("cotd", f8("180")));
        assertEquals("30", s("asind", f8("0.5")));
        assertEquals("120", s("acosd", f8("-0.5")));
        assertEquals("-90", s("atand", f8("-Infinity")));
        assertEquals("180", s("atan2d", f8("0"), f8("-10")));
    }

    @Test
    void widthBucket() {
        assertEquals("count must be greater than zero", err("width_bucket", num("5.0"), num("3.0"), num("4.0"),
                i(0)));
        assertEquals("lower bound cannot equal upper bound", err("width_bucket", f8("3.5"), f8("3.0"), f8("3.0"),
                i(888)));
        assertEquals("lower and upper bounds must be finite", err("width_bucket", f8("0"), f8("-inf"), f8("4"),
                i(888)));
        assertEquals("11", s("width_bucket", num("Infinity"), num("1"), num("10"), i(10)));
        assertEquals("5", s("width_bucket", num("-0.0000000001"), num("10"), num("-5"), i(6)));
        assertEquals("21", s("width_bucket", f8("5.5"), f8("5"), f8("5.5"), i(20)));
        assertEquals("10", s("width_bucket", f8("0"), f8("100"), f8("10"), i(9)));
    }

    @Test
    void gcdLcmFactorial() {
        assertEquals("1", s("gcd", v("-9223372036854775808", TypeOids.INT8), v("9223372036854775807",
                TypeOids.INT8)));
        assertEquals("bigint out of range", err("gcd", v("-9223372036854775808", TypeOids.INT8), v("0",
                TypeOids.INT8)));
        assertEquals("2310", s("lcm", i(-330), i(462)));
        assertEquals("integer out of range", err("lcm", i(Integer.MAX_VALUE), i(Integer.MAX_VALUE - 1)));
        assertEquals("0.01", s("gcd", num("0.41"), num("0.03")));
        assertEquals("1.23", s("lcm", num("0.41"), num("0.03")));
        assertEquals("120", s("factorial", v("5", TypeOids.INT8)));
        assertEquals("factorial of a negative number is undefined", err("factorial", v("-4", TypeOids.INT8)));
        assertEquals("5.2", s("numeric_inc", num("4.2")));
    }

    @Test
    void numericPowerAndLogSpecials() {
        assertEquals("1.0000000000000000", out(Eval.op("^", num("0.0"), num("0.0"))));
        assertEquals("0.0000000000000000", out(Eval.op("^", num("10.0"), num("-2147483648"))));
        assertEquals("-1.0000000000000000", out(Eval.op("^", num("-1.0"), num("2147483647"))));
        assertEquals("1.0000000000000000", out(Eval.op("^", num("-1.0"), num("1000000000000000"))));
        assertEquals("value overflows numeric format", assertThrows(TuskException.class,
                () -> Eval.op("^", num("10.0"), num("2147483647"))).getMessage());
        assertEquals("1", s("power", num("-1"), num("inf")));
        assertEquals("Infinity", s("power", num("-2"), num("inf")));
        assertEquals("0", s("power", num("-inf"), num("-inf")));
        assertEquals("a negative number raised to a non-integer power yields a complex result",
                err("power", num("-inf"), num("4.5")));
        assertEquals("cannot take logarithm of a negative number", err("log", num("-inf"), num("10")));
        assertEquals("cannot take logarithm of zero", err("log", num("inf"), num("0")));
        assertEquals("Infinity", s("log", num("2"), num("inf")));
        assertEquals("0", s("log", num("inf"), num("2")));
        assertEquals("413294435277809344957685441227343146614594393746575438.725", s("exp", num("123.456")));
        assertEquals("50081010321492803393171165777624533697036806969694.9",
                out(Eval.op("^", num("12.3"), num("45.6"))));
    }

    @Test
    void statisticalAggregates() {
        Object[] vals = {new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("4"), null};
        assertEquals("1.6666666666666667", out(aggregate("variance", TypeOids.NUMERIC, vals)));
        assertEquals("1.2500000000000000", out(aggregate("var_pop", TypeOids.NUMERIC, vals)));
        assertEquals("1.1180339887498948", out(aggregate("stddev_pop", TypeOids.NUMERIC, vals)));
        assertEquals("1.2909944487358056", out(aggregate("stddev", TypeOids.NUMERIC, vals)));
        assertNull(aggregate("var_samp", TypeOids.NUMERIC, new BigDecimal("1")).value());
        assertEquals("0", out(aggregate("var_samp", TypeOids.INT4, 7, 7)));
        assertEquals("1.25", out(aggregate("var_pop", TypeOids.FLOAT8, 1.0, 2.0, 3.0, 4.0)));
        assertEquals("NaN", out(aggregate("var_pop", TypeOids.FLOAT8, 1.0, Double.POSITIVE_INFINITY)));
    }

    @Test
    void byteaFunctions() {
        Eval.Typed b = v("\\x1234567890", TypeOids.BYTEA);
        assertEquals("\\x5678", s("substring", b, i(3), i(2)));
        assertEquals("\\x345678", s("btrim", b, v("\\x1290", TypeOids.BYTEA)));
        assertEquals("\\x12020390", s("overlay", b, v("\\x0203", TypeOids.BYTEA), i(2), i(3)));
        assertEquals("1", s("get_bit", b, v("10", TypeOids.INT8)));
        assertEquals("\\x1234567891", s("set_bit", b, v("32", TypeOids.INT8), i(1)));
        assertEquals("index 99 out of valid range, 0..4", err("set_byte", b, i(99), i(11)));
        assertEquals("15", s("bit_count", b));
        assertEquals("t", out(Eval.op("~~", v("\\x616263", TypeOids.BYTEA), v("\\x2563", TypeOids.BYTEA))));
    }

    @Test
    void charTypeAndVectorCasts() {
        assertEquals("\\377", out(new Eval.Typed(TypeIo.textIn(TypeOids.CHAR, "\\377", -1, SessionFormats.DEFAULT),
                TypeOids.CHAR)));
        assertEquals("\\377", s("text", v("\\377", TypeOids.CHAR)));
        assertEquals("", s("text", v("\\000", TypeOids.CHAR)));
        Casts casts = Casts.builtin();
        assertEquals(Casts.PathKind.RELABEL,
                casts.find(TypeOids.INT2VECTOR, TypeOids.INT2_ARRAY, CoercionContext.EXPLICIT).kind());
        assertEquals(Casts.PathKind.RELABEL,
                casts.find(TypeOids.OIDVECTOR, TypeOids.OID_ARRAY, CoercionContext.IMPLICIT).kind());
    }

    @Test
    void toNumberSignsGroupsAndWidths() {
        assertEquals("-564646.654564", s("to_number", lit("<564646.654564>"), lit("999999.999999PR")));
        assertEquals("-0.00001", s("to_number", lit("0.00001-"), lit("9.999999S")));
        assertEquals("-5.01", s("to_number", lit("5.01-"), lit("FM9.999999MI")));
        assertEquals("-0.01", s("to_number", lit(".-01"), lit("S99.99")));
        assertEquals("123", s("to_number", lit("123,000"), lit("999G")));
        assertEquals("-34338492.654878", s("to_number", lit("-34,338,492.654,878"), lit("99G999G999D999G999")));
        assertEquals("0.0", s("to_number", lit(".0"), lit("99999999.99999999")));
        assertEquals("1234.56", s("to_number", lit("$1,234.56"), lit("L99,999.99")));
        assertEquals("42", s("to_number", lit("42nd"), lit("99th")));
    }

    @Test
    void toCharOrdinals() {
        Eval.Typed q = v("123", TypeOids.INT8);
        assertEquals("123RD", s("to_char", q, lit("FM9999999999999999THPR")));
        assertEquals("<4567890123456789>", s("to_char", v("-4567890123456789", TypeOids.INT8),
                lit("FM9999999999999999THPR")));
        assertEquals("+             456th", s("to_char", v("456", TypeOids.INT8),
                lit("SG9999999999999999th")));
        assertEquals("11th", s("to_char", v("11", TypeOids.INT8), lit("FM99th")));
        assertEquals("456.000", s("to_char", v("456", TypeOids.INT8), lit("FM9999999999999999.000")));
        assertEquals("4.310", s("to_char", v("4.31", TypeOids.NUMERIC), lit("FM9999999999990999.990999999999999"))
                .substring(3));
    }

    @Test
    void toDateWithAdjacentFields() {
        assertEquals("2010-03-09", s("to_date", lit("20100309"), lit("YYYYMMDD")));
    }
}
