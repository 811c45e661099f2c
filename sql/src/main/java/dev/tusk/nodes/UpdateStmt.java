package dev.tusk.nodes;

import java.util.List;

/**
 * UPDATE [ONLY] relation [alias] SET ... [FROM ...] [WHERE ...] [RETURNING ...] (PostgreSQL's {@code UpdateStmt}).
 * Each SET target is a ResTarget (name, indirection, val); {@code (a, b) = (x, y)} is split into one target per
 * column, and {@code (a, b) = (SELECT ...)} gives MultiAssignRef values over a MULTIEXPR SubLink.
 */
public record UpdateStmt(RangeVar relation, List<ResTarget> targetList, Expr whereClause, List<FromItem> fromClause,
        List<ResTarget> returningList, WithClause withClause) implements Stmt {
    public UpdateStmt {
        targetList = List.copyOf(targetList);
        fromClause = List.copyOf(fromClause);
        returningList = List.copyOf(returningList);
    }
}
