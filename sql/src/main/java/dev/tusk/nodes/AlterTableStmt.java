package dev.tusk.nodes;

import java.util.List;

/**
 * ALTER TABLE/INDEX/SEQUENCE/VIEW [IF EXISTS] [ONLY] name cmd, ... (PostgreSQL's {@code AlterTableStmt});
 * objtype tells which keyword was used.
 */
public record AlterTableStmt(RangeVar relation, List<AlterTableCmd> cmds, ObjectType objtype, boolean missingOk)
        implements Stmt {
    public AlterTableStmt {
        cmds = List.copyOf(cmds);
    }
}
