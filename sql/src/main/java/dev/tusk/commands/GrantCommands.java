package dev.tusk.commands;

import dev.tusk.nodes.GrantStmt;
import dev.tusk.nodes.ObjectType;
import dev.tusk.nodes.RoleSpec;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.List;

/**
 * GRANT and REVOKE on tables and schemas (PostgreSQL's aclchk.c). Privileges are not enforced yet (every
 * session acts with its role's full rights), so the statement only checks what PostgreSQL would check before
 * changing an ACL: that the objects and the roles exist.
 */
public final class GrantCommands {
    private GrantCommands() {
    }

    public static String grant(CommandContext ctx, GrantStmt stmt) {
        ObjectType t = stmt.objtype() == null ? ObjectType.TABLE : stmt.objtype();
        if (!stmt.allInSchema()) {
            for (List<String> name : stmt.objects()) {
                switch (t) {
                    case TABLE, SEQUENCE, VIEW -> ctx.catalog().resolveRelation(name, ctx.searchPath());
                    case SCHEMA -> {
                        if (ctx.catalog().namespace(name.get(name.size() - 1)) == null) {
                            throw CommandErrors.schemaDoesNotExist(name.get(name.size() - 1));
                        }
                    }
                    case DATABASE -> {
                        if (ctx.catalog().database(name.get(name.size() - 1)) == null) {
                            throw new TuskException(SqlState.UNDEFINED_DATABASE,
                                    "database \"" + name.get(name.size() - 1) + "\" does not exist");
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        for (RoleSpec r : stmt.grantees()) {
            if (r.roletype() == RoleSpec.Type.CSTRING && ctx.catalog().role(r.rolename()) == null) {
                throw new TuskException(SqlState.UNDEFINED_OBJECT, "role \"" + r.rolename() + "\" does not exist");
            }
        }
        return stmt.isGrant() ? "GRANT" : "REVOKE";
    }
}
