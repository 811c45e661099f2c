package dev.tusk.utils.adt;

import static dev.tusk.utils.adt.Eval.call;
import static dev.tusk.utils.adt.Eval.lit;
import static dev.tusk.utils.adt.Eval.out;
import static dev.tusk.utils.adt.Eval.t;
import static dev.tusk.utils.adt.Eval.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.utils.error.TuskException;
import org.junit.jupiter.api.Test;

/** String functions called with untyped literals the way SQL text calls them; answers from PostgreSQL 15. */
class StringFunctionsTest {
    private static String s(String fn, Eval.Typed... args) {
        return out(call(fn, args));
    }

    private static Eval.Typed i(int v) {
        return t(v, TypeOids.INT4);
    }

    @Test
    void substringsAndPositions() {
        assertEquals("ell", s("substr", lit("hello"), i(2), i(3)));
        assertEquals("he", s("substring", lit("hello"), i(0), i(3)));
        assertEquals("3", s("position", lit("hello"), lit("l")));
        assertEquals("hel", s("left", lit("hello"), i(-2)));
        assertEquals("lo", s("right", lit("hello"), i(2)));
        assertEquals("c", s("split_part", lit("a,b,c"), lit(","), i(-1)));
        assertEquals("2", s("length", lit("hé")));
        assertEquals("3", s("octet_length", lit("hé")));
        TuskException e = assertThrows(TuskException.class, () -> call("substr", lit("x"), i(1), i(-1)));
        assertEquals("negative substring length not allowed", e.getMessage());
    }

    @Test
    void trimsPadsAndReplacements() {
        assertEquals("xx", s("btrim", lit("  xx  ")));
        assertEquals("hixx", s("ltrim", lit("xxhixx"), lit("x")));
        assertEquals("aXcaXc", s("replace", lit("abcabc"), lit("b"), lit("X")));
        assertEquals("xyxhi", s("lpad", lit("hi"), i(5), lit("xy")));
        assertEquals("h", s("rpad", lit("hi"), i(1)));
        assertEquals("ababab", s("repeat", lit("ab"), i(3)));
        assertEquals("cba", s("reverse", lit("abc")));
        assertEquals("Hello World Foo_Bar", s("initcap", lit("hello wORLD foo_bar")));
        assertEquals("a2x5", s("translate", lit("12345"), lit("143"), lit("ax")));
        // LC_CTYPE "C": only ASCII letters change case
        assertEquals("HéLLO", s("upper", lit("héllo")));
        assertEquals("hÉllo", s("lower", lit("HÉLLO")));
        assertEquals("HéLlo WöRld", s("initcap", lit("héllo wörld")));
    }

    @Test
    void variadicConcatAndFormat() {
        assertEquals("a1t", s("concat", lit("a"), t(null, TypeOids.UNKNOWN), i(1), t(true, TypeOids.BOOL)));
        assertEquals("a-b", s("concat_ws", lit("-"), lit("a"), t(null, TypeOids.UNKNOWN), lit("b")));
        assertEquals("x|\"Y z\"|'it''s'|%|x", s("format", lit("%s|%I|%L|%%|%1$s"), lit("x"), lit("Y z"),
                lit("it's")));
        assertEquals("[   ab][cd   ]", s("format", lit("[%5s][%-5s]"), lit("ab"), lit("cd")));
        assertEquals("NULL", s("format", lit("%L"), t(null, TypeOids.UNKNOWN)));
        TuskException e = assertThrows(TuskException.class, () -> call("format", lit("%s %s"), lit("a")));
        assertEquals("too few arguments for format()", e.getMessage());
    }

    @Test
    void hashingCodesAndQuoting() {
        assertEquals("900150983cd24fb0d6963f7d28e17f72", s("md5", lit("abc")));
        assertEquals("ff", s("to_hex", i(255)));
        assertEquals("ffffffff", s("to_hex", i(-1)));
        assertEquals("A", s("chr", i(65)));
        assertEquals("65", s("ascii", lit("A")));
        assertEquals("t", s("starts_with", lit("hello"), lit("he")));
        assertEquals("\"select\"", s("quote_ident", lit("select")));
        assertEquals("E'a\\\\b''c'", s("quote_literal", v("a\\b'c", TypeOids.TEXT)));
    }

    @Test
    void arraysAndRegexps() {
        assertEquals("{a,b,\"\",c}", s("string_to_array", lit("a,b,,c"), lit(",")));
        assertEquals("1,*,3", s("array_to_string", v("{1,NULL,3}", TypeOids.INT4_ARRAY), lit(","), lit("*")));
        assertEquals("Hell0 W0rld", s("regexp_replace", lit("Hello World"), lit("o"), lit("0"), lit("g")));
        assertEquals("{abc,123}", s("regexp_match", lit("abc123"), lit("([a-z]+)(\\d+)")));
        assertEquals("3", s("array_length", v("{1,2,3}", TypeOids.INT4_ARRAY), i(1)));
        assertEquals("3", s("cardinality", v("{1,2,3}", TypeOids.INT4_ARRAY)));
        assertEquals(java.util.List.of(1, 2, 3), Eval.callSet("unnest", v("{1,2,3}", TypeOids.INT4_ARRAY)));
    }
}
