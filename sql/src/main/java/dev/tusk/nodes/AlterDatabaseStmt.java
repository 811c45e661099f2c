package dev.tusk.nodes;

import java.util.List;

/** ALTER DATABASE name [WITH] options, or ALTER DATABASE name SET/RESET ... (setstmt non-null then)
 * (PostgreSQL's {@code AlterDatabaseStmt} / {@code AlterDatabaseSetStmt}). */
public record AlterDatabaseStmt(String dbname, List<DefElem> options, VariableSetStmt setstmt) implements Stmt {
    public AlterDatabaseStmt {
        options = List.copyOf(options);
    }
}
