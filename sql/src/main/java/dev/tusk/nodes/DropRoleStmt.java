package dev.tusk.nodes;

import java.util.List;

/** DROP ROLE/USER/GROUP [IF EXISTS] names (PostgreSQL's {@code DropRoleStmt}). */
public record DropRoleStmt(List<RoleSpec> roles, boolean missingOk) implements Stmt {
    public DropRoleStmt {
        roles = List.copyOf(roles);
    }
}
