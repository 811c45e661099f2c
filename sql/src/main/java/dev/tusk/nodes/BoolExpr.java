package dev.tusk.nodes;

import java.util.List;

/** AND / OR / NOT (PostgreSQL's {@code BoolExpr}); chains of the same AND or OR are flattened into one node. */
public record BoolExpr(BoolOp op, List<Expr> args, int location) implements Expr {
    public BoolExpr {
        args = List.copyOf(args);
    }

    public enum BoolOp { AND, OR, NOT }
}
