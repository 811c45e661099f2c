package dev.tusk.nodes;

import java.util.List;

/** EXECUTE name [(params)] (PostgreSQL's {@code ExecuteStmt}). */
public record ExecuteStmt(String name, List<Expr> params) implements Stmt {
    public ExecuteStmt {
        params = List.copyOf(params);
    }
}
