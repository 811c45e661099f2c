package dev.tusk.nodes;

import java.util.List;

/** PREPARE name [(types)] AS stmt (PostgreSQL's {@code PrepareStmt}). */
public record PrepareStmt(String name, List<TypeName> argtypes, Stmt query) implements Stmt {
    public PrepareStmt {
        argtypes = List.copyOf(argtypes);
    }
}
