package dev.tusk.nodes;

import java.util.List;

/**
 * INSERT INTO relation [(cols)] {source | DEFAULT VALUES} [ON CONFLICT ...] [RETURNING ...] (PostgreSQL's
 * {@code InsertStmt}). {@code cols} are ResTargets with a name (and possibly indirection) and null val.
 * {@code selectStmt} is the source (a VALUES or any query) or null for DEFAULT VALUES. The relation's alias
 * ({@code INSERT INTO t AS x}) is in the RangeVar.
 */
public record InsertStmt(RangeVar relation, List<ResTarget> cols, SelectStmt selectStmt,
        OnConflictClause onConflictClause, List<ResTarget> returningList, WithClause withClause,
        Overriding override) implements Stmt {
    public InsertStmt {
        cols = List.copyOf(cols);
        returningList = List.copyOf(returningList);
    }

    public enum Overriding { NOT_SET, USER_VALUE, SYSTEM_VALUE }
}
