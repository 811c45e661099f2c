package dev.tusk.nodes;

/** ALTER ROLE role|ALL [IN DATABASE db] SET/RESET ... (PostgreSQL's {@code AlterRoleSetStmt}); role null for ALL. */
public record AlterRoleSetStmt(RoleSpec role, String database, VariableSetStmt setstmt) implements Stmt {
}
