package dev.tusk.nodes;

import java.util.List;

/**
 * A bare parenthesized list of expressions; only appears as the right operand of {@link AExpr} IN and BETWEEN
 * (PostgreSQL uses a plain List there).
 */
public record ExprList(List<Expr> items, int location) implements Expr {
    public ExprList {
        items = List.copyOf(items);
    }
}
