package dev.tusk.nodes;

import java.util.List;

/** ALTER SEQUENCE [IF EXISTS] name options (PostgreSQL's {@code AlterSeqStmt}); options as {@link CreateSeqStmt}
 * plus restart (arg null for a bare RESTART). */
public record AlterSeqStmt(RangeVar sequence, List<DefElem> options, boolean missingOk) implements Stmt {
    public AlterSeqStmt {
        options = List.copyOf(options);
    }
}
