package dev.tusk.nodes;

import java.util.List;

/**
 * ALTER ... RENAME (PostgreSQL's {@code RenameStmt}). renameType: TABLE/INDEX/SEQUENCE/VIEW (relation set,
 * RENAME TO newname), COLUMN (relation, subname = old column, relationType = the ALTER'd kind), TABCONSTRAINT
 * (relation, subname = old constraint name), SCHEMA/DATABASE/ROLE (object = [old name]).
 */
public record RenameStmt(ObjectType renameType, ObjectType relationType, RangeVar relation, List<String> object,
        String subname, String newname, DropBehavior behavior, boolean missingOk) implements Stmt {
    public RenameStmt {
        object = List.copyOf(object);
    }
}
