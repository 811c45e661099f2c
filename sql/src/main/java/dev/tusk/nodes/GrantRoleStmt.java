package dev.tusk.nodes;

import java.util.List;

/** GRANT role, ... TO role, ... [WITH ADMIN OPTION] / REVOKE [ADMIN OPTION FOR] ... (PostgreSQL's {@code GrantRoleStmt}). */
public record GrantRoleStmt(List<String> grantedRoles, List<RoleSpec> granteeRoles, boolean isGrant, boolean adminOpt,
        DropBehavior behavior) implements Stmt {
    public GrantRoleStmt {
        grantedRoles = List.copyOf(grantedRoles);
        granteeRoles = List.copyOf(granteeRoles);
    }
}
