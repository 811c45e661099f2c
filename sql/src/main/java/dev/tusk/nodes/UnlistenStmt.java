package dev.tusk.nodes;

/** UNLISTEN channel | * (PostgreSQL's {@code UnlistenStmt}); conditionname null for *. */
public record UnlistenStmt(String conditionname) implements Stmt {
}
