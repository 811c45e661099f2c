package dev.tusk.nodes;

import java.util.List;

/** ALTER SCHEMA/DATABASE/FUNCTION/TYPE ... OWNER TO role (PostgreSQL's {@code AlterOwnerStmt}); object is the
 * dotted name. ALTER TABLE ... OWNER TO is {@link AlterTableCmd.ChangeOwner}. */
public record AlterOwnerStmt(ObjectType objectType, List<String> object, RoleSpec newowner) implements Stmt {
    public AlterOwnerStmt {
        object = List.copyOf(object);
    }
}
