package dev.tusk.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.nodes.AExpr;
import dev.tusk.nodes.TypeName;
import dev.tusk.utils.error.TuskException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The single-expression and type-name entry points other layers use on stored text. */
class EntryPointsTest {

    @Test
    void expression() {
        AExpr e = assertInstanceOf(AExpr.class, Parser.parseExpression("(a > 0)"));
        assertEquals(">", e.opName());
        assertThrows(TuskException.class, () -> Parser.parseExpression("a > 0 b"));
    }

    @Test
    void typeNames() {
        TypeName v = Parser.parseTypeName("character varying(10)");
        assertEquals(List.of("pg_catalog", "varchar"), v.names());
        assertEquals(List.of(-1), Parser.parseTypeName("int[]").arrayBounds());
        assertEquals("timestamptz", Parser.parseTypeName("timestamp with time zone").simpleName());
        assertEquals(List.of("pg_catalog", "int4"), Parser.parseTypeName("pg_catalog.int4").names());
        TuskException e = assertThrows(TuskException.class, () -> Parser.parseTypeName("int4 junk"));
        assertEquals("syntax error at or near \"junk\"", e.getMessage());
        assertEquals("invalid type name \"\"", assertThrows(TuskException.class, () -> Parser.parseTypeName("")).getMessage());
    }
}
