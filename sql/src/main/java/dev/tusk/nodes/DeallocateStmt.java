package dev.tusk.nodes;

/** DEALLOCATE [PREPARE] name | ALL (PostgreSQL's {@code DeallocateStmt}); name null for ALL. */
public record DeallocateStmt(String name) implements Stmt {
}
