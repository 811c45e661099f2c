package dev.tusk.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tusk.nodes.Expr;
import dev.tusk.nodes.RawStmt;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.nodes.Stmt;
import java.util.List;

/** Small helpers shared by the parser tests. */
final class ParseHelpers {
    private ParseHelpers() {
    }

    /** The single statement of {@code sql}, cast to {@code type}. */
    static <T extends Stmt> T one(String sql, Class<T> type) {
        List<RawStmt> stmts = Parser.parse(sql);
        assertEquals(1, stmts.size(), "statements in " + sql);
        return assertInstanceOf(type, stmts.get(0).stmt());
    }

    /** The expression of {@code SELECT <e>}. */
    static Expr expr(String e) {
        SelectStmt s = one("SELECT " + e, SelectStmt.class);
        assertEquals(1, s.targetList().size(), "targets of " + e);
        return s.targetList().get(0).val();
    }
}
