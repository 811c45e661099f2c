package dev.tusk.nodes;

import java.util.List;

/** DELETE FROM [ONLY] relation [alias] [USING ...] [WHERE ...] [RETURNING ...] (PostgreSQL's {@code DeleteStmt}). */
public record DeleteStmt(RangeVar relation, List<FromItem> usingClause, Expr whereClause,
        List<ResTarget> returningList, WithClause withClause) implements Stmt {
    public DeleteStmt {
        usingClause = List.copyOf(usingClause);
        returningList = List.copyOf(returningList);
    }
}
