package dev.tusk.nodes;

import java.util.List;

/**
 * CREATE ROLE/USER/GROUP name [[WITH] option ...] (PostgreSQL's {@code CreateRoleStmt}). Options as PostgreSQL
 * names them: password (AConst Str, or null arg for PASSWORD NULL), superuser/createdb/createrole/inherit/
 * canlogin/isreplication/bypassrls (AConst Bool; LOGIN/NOLOGIN -> canlogin), connectionlimit (AConst Int),
 * validUntil (AConst Str), sysid, addroleto (IN ROLE), rolemembers (ROLE/USER list), adminmembers (ADMIN list),
 * the lists as NodeLists of RoleSpec. CREATE USER implies LOGIN: stmtType says which keyword was used.
 */
public record CreateRoleStmt(Kind stmtType, String role, List<DefElem> options) implements Stmt {
    public CreateRoleStmt {
        options = List.copyOf(options);
    }

    public enum Kind { ROLE, USER, GROUP }
}
