package dev.tusk.nodes;

import java.util.List;

/**
 * GRANT/REVOKE privileges ON objects TO/FROM roles (PostgreSQL's {@code GrantStmt}). privileges empty means ALL
 * [PRIVILEGES]. objects are dotted names (ALL TABLES IN SCHEMA s gives allInSchema with the schema names).
 */
public record GrantStmt(boolean isGrant, ObjectType objtype, boolean allInSchema, List<List<String>> objects,
        List<AccessPriv> privileges, List<RoleSpec> grantees, boolean grantOption, DropBehavior behavior)
        implements Stmt {
    public GrantStmt {
        objects = objects.stream().map(List::copyOf).toList();
        privileges = List.copyOf(privileges);
        grantees = List.copyOf(grantees);
    }
}
