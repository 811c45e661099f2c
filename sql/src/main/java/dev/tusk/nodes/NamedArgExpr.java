package dev.tusk.nodes;

/** A named function argument {@code name => value} (PostgreSQL's {@code NamedArgExpr}). */
public record NamedArgExpr(Expr arg, String name, int location) implements Expr {
}
