package dev.tusk.nodes;

import java.util.List;

/**
 * CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name (elements) [INHERITS (...)] [WITH (...)] [ON COMMIT ...]
 * [TABLESPACE x] (PostgreSQL's {@code CreateStmt}). Persistence is in the RangeVar. Table elements are
 * {@link ColumnDef}s, table {@link Constraint}s and {@link TableLikeClause}s in written order.
 */
public record CreateStmt(RangeVar relation, List<TableElement> tableElts, List<RangeVar> inhRelations,
        List<DefElem> options, OnCommitAction oncommit, String tablespacename, String accessMethod,
        boolean ifNotExists) implements Stmt {
    public CreateStmt {
        tableElts = List.copyOf(tableElts);
        inhRelations = List.copyOf(inhRelations);
        options = List.copyOf(options);
    }

    public List<ColumnDef> columns() {
        return tableElts.stream().filter(ColumnDef.class::isInstance).map(ColumnDef.class::cast).toList();
    }

    public List<Constraint> tableConstraints() {
        return tableElts.stream().filter(Constraint.class::isInstance).map(Constraint.class::cast).toList();
    }
}
