package dev.tusk.nodes;

import java.util.List;

/** ALTER TABLE/SEQUENCE/VIEW/... name SET SCHEMA s (PostgreSQL's {@code AlterObjectSchemaStmt}); relation for
 * relation kinds, object for the others. */
public record AlterObjectSchemaStmt(ObjectType objectType, RangeVar relation, List<String> object,
        String newschema, boolean missingOk) implements Stmt {
    public AlterObjectSchemaStmt {
        object = List.copyOf(object);
    }
}
