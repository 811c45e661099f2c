package dev.tusk.nodes;

/** CHECKPOINT (PostgreSQL's {@code CheckPointStmt}). */
public record CheckPointStmt() implements Stmt {
}
