package dev.tusk.utils.adt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.math.BigDecimal;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Text and binary round trips; the expected strings and bytes come from PostgreSQL 15 (e.g.
 * {@code SELECT int4send(5)}, {@code SELECT numeric_send(-12345.678)}), not from this code.
 */
class TypeIoTest {
    private static final SessionFormats F = SessionFormats.DEFAULT;

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    /** Reads {@code text}, checks the binary form against PostgreSQL's, and that both forms read back. */
    private static void roundTrip(int type, String text, String expectedOut, String expectedSendHex) {
        Object v = TypeIo.textIn(type, text, -1, F);
        assertEquals(expectedOut, TypeIo.textOut(type, v, F), "text out of " + text);
        byte[] bin = TypeIo.binaryOut(type, v, F);
        assertEquals(expectedSendHex, HexFormat.of().formatHex(bin), "send of " + text);
        Object back = TypeIo.binaryIn(type, bin, -1, F);
        assertEquals(expectedOut, TypeIo.textOut(type, back, F), "recv of " + text);
    }

    @Test
    void integers() {
        roundTrip(TypeOids.INT4, "5", "5", "00000005");
        roundTrip(TypeOids.INT2, "-2", "-2", "fffe");
        roundTrip(TypeOids.INT8, "1234567890123", "1234567890123", "0000011f71fb04cb");
        roundTrip(TypeOids.INT4, "  +42  ", "42", "0000002a");
        roundTrip(TypeOids.OID, "4294967295", "4294967295", "ffffffff");
    }

    @Test
    void integerInputErrors() {
        TuskException e = assertThrows(TuskException.class, () -> TypeIo.textIn(TypeOids.INT4, "abc", -1, F));
        assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, e.sqlState());
        assertEquals("invalid input syntax for type integer: \"abc\"", e.getMessage());
        e = assertThrows(TuskException.class, () -> TypeIo.textIn(TypeOids.INT4, "99999999999", -1, F));
        assertEquals("22003", e.sqlState().code());
        assertEquals("value \"99999999999\" is out of range for type integer", e.getMessage());
        e = assertThrows(TuskException.class, () -> TypeIo.textIn(TypeOids.INT2, "40000", -1, F));
        assertEquals("value \"40000\" is out of range for type smallint", e.getMessage());
        e = assertThrows(TuskException.class, () -> TypeIo.textIn(TypeOids.INT8, "", -1, F));
        assertEquals("invalid input syntax for type bigint: \"\"", e.getMessage());
    }

    @Test
    void numerics() {
        roundTrip(TypeOids.NUMERIC, "1.5", "1.5", "000200000000000100011388");
        roundTrip(TypeOids.NUMERIC, "-12345.678", "-12345.678", "0003000140000003000109291a7c");
        roundTrip(TypeOids.NUMERIC, "0.00012", "0.00012", "0002ffff00000005000107d0");
        roundTrip(TypeOids.NUMERIC, "0", "0", "0000000000000000");
        roundTrip(TypeOids.NUMERIC, "NaN", "NaN", "00000000c0000000");
        roundTrip(TypeOids.NUMERIC, "10000", "10000", "00010001000000000001");
        roundTrip(TypeOids.NUMERIC, "Infinity", "Infinity", "00000000d0000020");
        roundTrip(TypeOids.NUMERIC, "-inf", "-Infinity", "00000000f0000020");
        assertEquals("1.50", TypeIo.textOut(TypeOids.NUMERIC, TypeIo.textIn(TypeOids.NUMERIC, "0.150e1", -1, F), F));
    }

    @Test
    void numericTypmodRoundsHalfAwayFromZeroAndOverflows() {
        int p30 = Typmods.fromDeclared(TypeOids.NUMERIC, 3, 0);
        assertEquals(new BigDecimal("8"), TypeIo.textIn(TypeOids.NUMERIC, "7.5", p30, F));
        assertEquals(new BigDecimal("-8"), TypeIo.textIn(TypeOids.NUMERIC, "-7.5", p30, F));
        int p82 = Typmods.fromDeclared(TypeOids.NUMERIC, 8, 2);
        assertEquals("12345.68", TypeIo.textOut(TypeOids.NUMERIC, TypeIo.textIn(TypeOids.NUMERIC, "12345.678", p82, F), F));
        TuskException e = assertThrows(TuskException.class,
                () -> TypeIo.textIn(TypeOids.NUMERIC, "123.45", Typmods.fromDeclared(TypeOids.NUMERIC, 4, 2), F));
        assertEquals("numeric field overflow", e.getMessage());
        assertEquals("A field with precision 4, scale 2 must round to an absolute value less than 10^2.", e.detail());
    }

    @Test
    void typmodsEncodeLikePgAttribute() {
        int[][] cases = {{TypeOids.NUMERIC, 655366}, {TypeOids.VARCHAR, 7}, {TypeOids.INTERVAL, 2147418115},
            {TypeOids.TIMESTAMP, 2}, {TypeOids.BPCHAR, 9}};
        int[][] mods = {{10, 2}, {3}, {3}, {2}, {5}};
        String[] shown = {"numeric(10,2)", "character varying(3)", "interval(3)", "timestamp(2) without time zone",
            "character(5)"};
        for (int i = 0; i < cases.length; i++) {
            int typmod = Typmods.fromDeclared(cases[i][0], mods[i]);
            assertEquals(cases[i][1], typmod);
            assertEquals(shown[i], TypeNames.format(cases[i][0], typmod));
        }
        Object iv = TypeIo.textIn(TypeOids.INTERVAL, "1.23456 seconds", 2147418115, F);
        assertEquals("00:00:01.235", TypeIo.textOut(TypeOids.INTERVAL, iv, F));
    }

    @Test
    void floats() {
        String[][] cases = {{"0.1", "0.1"}, {"1e100", "1e+100"}, {"1e15", "1e+15"},
            {"123456789012345", "123456789012345"}, {"0.0001", "0.0001"}, {"0.00001", "1e-05"}, {"-0", "-0"},
            {"NaN", "NaN"}, {"-inf", "-Infinity"}, {"1.5e-7", "1.5e-07"}};
        for (String[] c : cases) {
            assertEquals(c[1], TypeIo.textOut(TypeOids.FLOAT8, TypeIo.textIn(TypeOids.FLOAT8, c[0], -1, F), F), c[0]);
        }
        assertEquals("100000", TypeIo.textOut(TypeOids.FLOAT4, 100000f, F));
        assertEquals("1e+06", TypeIo.textOut(TypeOids.FLOAT4, 1000000f, F));
        assertEquals("3.14159", TypeIo.textOut(TypeOids.FLOAT4, 3.14159f, F));
        assertEquals("0.3333333333333333", TypeIo.textOut(TypeOids.FLOAT8, 1.0 / 3, F));
        SessionFormats efd0 = F.withExtraFloatDigits(0);
        assertEquals("0.333333333333333", TypeIo.textOut(TypeOids.FLOAT8, 1.0 / 3, efd0));
        assertEquals("1.23456789012346e+17", TypeIo.textOut(TypeOids.FLOAT8, 123456789012345678.0, efd0));
        assertEquals("3fb999999999999a", HexFormat.of().formatHex(TypeIo.binaryOut(TypeOids.FLOAT8, 0.1, F)));
        assertEquals("3fc00000", HexFormat.of().formatHex(TypeIo.binaryOut(TypeOids.FLOAT4, 1.5f, F)));
        TuskException e = assertThrows(TuskException.class, () -> TypeIo.textIn(TypeOids.FLOAT8, "1e400", -1, F));
        assertEquals("\"1e400\" is out of range for type double precision", e.getMessage());
    }

    @Test
    void stringsAndLengthLimits() {
        int vc3 = Typmods.fromDeclared(TypeOids.VARCHAR, 3);
        TuskException e = assertThrows(TuskException.class, () -> TypeIo.textIn(TypeOids.VARCHAR, "abcd", vc3, F));
        assertEquals(SqlState.STRING_DATA_RIGHT_TRUNCATION, e.sqlState());
        assertEquals("value too long for type character varying(3)", e.getMessage());
        assertEquals("abc", TypeIo.textIn(TypeOids.VARCHAR, "abc  ", vc3, F));
        assertEquals("ab ", TypeIo.textIn(TypeOids.BPCHAR, "ab", Typmods.fromDeclared(TypeOids.BPCHAR, 3), F));
        assertEquals("abc", Casts.applyTypmod("abcdef", TypeOids.VARCHAR, vc3, true));
        assertEquals(0, Comparisons.compare(TypeOids.BPCHAR, "ab ", "ab"));
        assertEquals("68c3a9", HexFormat.of().formatHex(TypeIo.binaryOut(TypeOids.TEXT, "hé", F)));
    }

    @Test
    void boolUuidBytea() {
        roundTrip(TypeOids.BOOL, "yes", "t", "01");
        roundTrip(TypeOids.BOOL, "of", "f", "00");
        roundTrip(TypeOids.UUID, "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "a0eebc999c0b4ef8bb6d6bb9bd380a11");
        roundTrip(TypeOids.UUID, "{a0eebc999c0b4ef8bb6d6bb9bd380a11}", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "a0eebc999c0b4ef8bb6d6bb9bd380a11");
        roundTrip(TypeOids.BYTEA, "\\x0102ff", "\\x0102ff", "0102ff");
        roundTrip(TypeOids.BYTEA, "a\\\\b\\001", "\\x615c6201", "615c6201");
        assertEquals("a\\\\b\\001", TypeIo.textOut(TypeOids.BYTEA, hex("615c6201"), F.withByteaHex(false)));
        TuskException e = assertThrows(TuskException.class, () -> TypeIo.textIn(TypeOids.BOOL, "maybe", -1, F));
        assertEquals("invalid input syntax for type boolean: \"maybe\"", e.getMessage());
    }

    @Test
    void arrays() {
        roundTrip(TypeOids.INT4_ARRAY, "{1,NULL,3}", "{1,NULL,3}",
                "00000001000000010000001700000003000000010000000400000001ffffffff0000000400000003");
        roundTrip(TypeOids.INT4_ARRAY, "{}", "{}", "000000000000000000000017");
        roundTrip(TypeOids.TEXT_ARRAY, "{a,\"b c\"}", "{a,\"b c\"}",
                "0000000100000000000000190000000200000001000000016100000003622063");
        Object v = TypeIo.textIn(TypeOids.TEXT_ARRAY, "{\"\",\"NULL\",\"q\\\"x\",\" sp \"}", -1, F);
        assertEquals("{\"\",\"NULL\",\"q\\\"x\",\" sp \"}", TypeIo.textOut(TypeOids.TEXT_ARRAY, v, F));
        assertEquals("1 2 3", TypeIo.textOut(TypeOids.INT2VECTOR, TypeIo.textIn(TypeOids.INT2VECTOR, "1 2 3", -1, F), F));
        TuskException e = assertThrows(TuskException.class, () -> TypeIo.textIn(TypeOids.INT4_ARRAY, "1,2", -1, F));
        assertEquals("malformed array literal: \"1,2\"", e.getMessage());
    }

    @Test
    void jsonAndJsonb() {
        Object j = TypeIo.textIn(TypeOids.JSONB, "{\"b\":1,\"a\":[1,2], \"aa\": {\"x\":null}, \"a\": [1, 2]}", -1, F);
        assertEquals("{\"a\": [1, 2], \"b\": 1, \"aa\": {\"x\": null}}", TypeIo.textOut(TypeOids.JSONB, j, F));
        assertEquals("017b2261223a205b312c20325d2c202262223a20317d", HexFormat.of().formatHex(
                TypeIo.binaryOut(TypeOids.JSONB, TypeIo.textIn(TypeOids.JSONB, "{\"b\":1,\"a\":[1,2]}", -1, F), F)));
        assertEquals("{\"a\" :1}", TypeIo.textIn(TypeOids.JSON, "{\"a\" :1}", -1, F));
        TuskException e = assertThrows(TuskException.class, () -> TypeIo.textIn(TypeOids.JSON, "{\"a\":}", -1, F));
        assertEquals("invalid input syntax for type json", e.getMessage());
    }
}
