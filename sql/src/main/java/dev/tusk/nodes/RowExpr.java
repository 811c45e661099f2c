package dev.tusk.nodes;

import java.util.List;

/** {@code ROW(a, b)} or {@code (a, b)} (PostgreSQL's {@code RowExpr}); explicitRow when written with ROW. */
public record RowExpr(List<Expr> args, boolean explicitRow, int location) implements Expr {
    public RowExpr {
        args = List.copyOf(args);
    }
}
