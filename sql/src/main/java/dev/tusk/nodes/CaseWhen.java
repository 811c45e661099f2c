package dev.tusk.nodes;

/** One WHEN expr THEN result arm of a {@link CaseExpr}. */
public record CaseWhen(Expr expr, Expr result, int location) implements Node {
}
