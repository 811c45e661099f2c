package dev.tusk.nodes;

import java.util.List;

/** CREATE SCHEMA [IF NOT EXISTS] [name] [AUTHORIZATION role] [elements] (PostgreSQL's {@code CreateSchemaStmt});
 * schemaname null when only AUTHORIZATION is given (the schema is named after the role). */
public record CreateSchemaStmt(String schemaname, RoleSpec authrole, List<Stmt> schemaElts, boolean ifNotExists)
        implements Stmt {
    public CreateSchemaStmt {
        schemaElts = List.copyOf(schemaElts);
    }
}
