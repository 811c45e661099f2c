package dev.tusk.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.nodes.RawStmt;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.nodes.TransactionStmt;
import dev.tusk.utils.error.TuskException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting a query string into statements the way PostgreSQL's stmtmulti does. */
class MultiStatementTest {

    @Test
    void locationsAndLengthsFollowPostgres() {
        String q = "select 1; ;; begin ;\n-- c\ncommit";
        List<RawStmt> s = Parser.parse(q);
        assertEquals(3, s.size());
        assertEquals(0, s.get(0).location());
        assertEquals("select 1", s.get(0).text(q));
        // after the empty statements: starts right after the previous semicolon
        assertEquals(" begin ", s.get(1).text(q));
        assertInstanceOf(TransactionStmt.class, s.get(1).stmt());
        assertEquals("\n-- c\ncommit", s.get(2).text(q));
    }

    @Test
    void emptyInputsGiveNoStatements() {
        assertTrue(Parser.parse("").isEmpty());
        assertTrue(Parser.parse(" ;; ; -- nothing\n").isEmpty());
        assertTrue(Parser.parse("/* only a comment */").isEmpty());
    }

    @Test
    void semicolonsInsideLiteralsDoNotSplit() {
        String q = "select ';', $$;$$, \";\" from t; select 2";
        List<RawStmt> s = Parser.parse(q);
        assertEquals(2, s.size());
        assertEquals(3, ((SelectStmt) s.get(0).stmt()).targetList().size());
    }

    @Test
    void errorInALaterStatementFailsTheWholeStringWithAnAbsolutePosition() {
        TuskException e = assertThrows(TuskException.class, () -> Parser.parse("select 1;\n\nselect 2 from;"));
        assertEquals("syntax error at or near \";\"", e.getMessage());
        assertEquals(25, e.position());
    }

    @Test
    void nodeLocationsAreRelativeToTheWholeString() {
        String q = "select 1; select abc";
        SelectStmt s = (SelectStmt) Parser.parse(q).get(1).stmt();
        assertEquals(q.indexOf("abc"), s.targetList().get(0).val().location());
    }
}
