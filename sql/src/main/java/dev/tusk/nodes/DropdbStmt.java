package dev.tusk.nodes;

import java.util.List;

/** DROP DATABASE [IF EXISTS] name [[WITH] (FORCE)] (PostgreSQL's {@code DropdbStmt}). */
public record DropdbStmt(String dbname, boolean missingOk, List<DefElem> options) implements Stmt {
    public DropdbStmt {
        options = List.copyOf(options);
    }
}
