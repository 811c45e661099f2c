package dev.tusk.nodes;

/** DO [LANGUAGE l] 'code' (PostgreSQL's {@code DoStmt}); language null when not given (plpgsql). */
public record DoStmt(String code, String language) implements Stmt {
}
