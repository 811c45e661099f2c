package dev.tusk.nodes;

import java.util.List;

/** WITH [RECURSIVE] cte, ... (PostgreSQL's {@code WithClause}). */
public record WithClause(List<CommonTableExpr> ctes, boolean recursive, int location) implements Node {
    public WithClause {
        ctes = List.copyOf(ctes);
    }
}
