package dev.tusk.nodes;

/** LISTEN channel (PostgreSQL's {@code ListenStmt}). */
public record ListenStmt(String conditionname) implements Stmt {
}
