package dev.tusk.nodes;

/** A parameter {@code $n} (PostgreSQL's {@code ParamRef}), numbered from 1. */
public record ParamRef(int number, int location) implements Expr {
}
