package dev.tusk.nodes;

import java.util.List;

/**
 * {@code ARRAY[e1, e2]} (PostgreSQL's raw {@code A_ArrayExpr}); inner brackets of a multi-dimensional constructor
 * ({@code ARRAY[[1,2],[3,4]]}) are nested ArrayExprs.
 */
public record ArrayExpr(List<Expr> elements, int location) implements Expr {
    public ArrayExpr {
        elements = List.copyOf(elements);
    }
}
