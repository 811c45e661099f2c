package dev.tusk.nodes;

import java.util.List;

/** COALESCE(a, b, ...) (PostgreSQL's {@code CoalesceExpr}). */
public record CoalesceExpr(List<Expr> args, int location) implements Expr {
    public CoalesceExpr {
        args = List.copyOf(args);
    }
}
