package dev.tusk.nodes;

/** CALL proc(args) (PostgreSQL's {@code CallStmt}). */
public record CallStmt(FuncCall funccall) implements Stmt {
}
