package dev.tusk.nodes;

/** The DEFAULT keyword in INSERT VALUES or UPDATE SET (PostgreSQL's {@code SetToDefault}). */
public record SetToDefault(int location) implements Expr {
}
