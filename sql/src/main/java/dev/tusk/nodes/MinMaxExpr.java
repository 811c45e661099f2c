package dev.tusk.nodes;

import java.util.List;

/** GREATEST(...) / LEAST(...) (PostgreSQL's {@code MinMaxExpr}). */
public record MinMaxExpr(Op op, List<Expr> args, int location) implements Expr {
    public MinMaxExpr {
        args = List.copyOf(args);
    }

    public enum Op { GREATEST, LEAST }
}
