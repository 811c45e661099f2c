package dev.tusk.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pairs of pg_get_expr(conbin, conrelid) and pg_get_expr(conbin, conrelid, true) as PostgreSQL 15 printed them. */
class PrettyExprTest {
    @ParameterizedTest
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "(x > 0)#x > 0",
        "((a > 0) AND (b < 5))#a > 0 AND b < 5",
        "(c = ANY (ARRAY['x'::text, 'y'::text]))#c = ANY (ARRAY['x'::text, 'y'::text])",
        "(((a + (b * 2)) > 3) OR (a IS NULL))#(a + b * 2) > 3 OR a IS NULL",
        "(NOT (a = 1))#NOT a = 1",
        "(c ~~ 'a%'::text)#c ~~ 'a%'::text",
        "((a >= 1) AND (a <= 10))#a >= 1 AND a <= 10",
        "((1 + 2) * 3)#(1 + 2) * 3",
        "(((a > 0) OR (b > 0)) AND (c IS NOT NULL))#(a > 0 OR b > 0) AND c IS NOT NULL",
        "((c = ANY (ARRAY['x'::text, 'y'::text])) AND (a > 1))#(c = ANY (ARRAY['x'::text, 'y'::text])) AND a > 1",
        "(((a - b) - 1) > 0)#(a - b - 1) > 0",
        "((a - (b - 1)) > 0)#(a - (b - 1)) > 0",
        "((a * (b + 1)) > 0)#(a * (b + 1)) > 0",
        "(lower((c || 'x'::text)) <> 'y'::text)#lower(c || 'x'::text) <> 'y'::text",
        "((d IS TRUE) OR (NOT d))#d IS TRUE OR NOT d",
        "(a IS DISTINCT FROM b)#a IS DISTINCT FROM b",
        "(COALESCE(a, 0) > 0)#COALESCE(a, 0) > 0",
        "((a > 0) AND (b > 0) AND (c <> ''::text))#a > 0 AND b > 0 AND c <> ''::text",
        "(NOT ((a > 0) OR (b > 0)))#NOT (a > 0 OR b > 0)",
        "((- a) < 0)#(- a) < 0",
        "((a > 0) = d)#(a > 0) = d",
        "(a <> ALL (ARRAY[1, 2]))#a <> ALL (ARRAY[1, 2])",
        "((c ~~ 'a%'::text) AND (c !~~ 'b%'::text))#c ~~ 'a%'::text AND c !~~ 'b%'::text",
        "((a)::text <> ''::text)#a::text <> ''::text",
        "nextval('a_s_seq'::regclass)#nextval('a_s_seq'::regclass)",
        "'n'::character varying#'n'::character varying",
    })
    void matchesPostgres(String stored, String pretty) {
        assertEquals(pretty, PrettyExpr.pretty(stored));
    }

    @org.junit.jupiter.api.Test
    void caseExpressions() {
        assertEquals("CASE\n    WHEN a > 0 THEN true\n    ELSE false\nEND",
                PrettyExpr.pretty("CASE\n    WHEN (a > 0) THEN true\n    ELSE false\nEND"));
    }
}
