package dev.tusk.nodes;

import java.util.List;

/** ALTER ROLE/USER role [WITH] options (PostgreSQL's {@code AlterRoleStmt}); options as {@link CreateRoleStmt}. */
public record AlterRoleStmt(RoleSpec role, List<DefElem> options) implements Stmt {
    public AlterRoleStmt {
        options = List.copyOf(options);
    }
}
