package dev.tusk.executor.modify;

import dev.tusk.catalog.Catalog;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/** Constraint violation messages of execMain.c, nbtinsert.c and ri_triggers.c, in PostgreSQL's wording. */
final class ModifyErrors {
    private ModifyErrors() {
    }

    /**
     * The error naming its table and column or constraint (errtablecol/errtableconstraint), for clients that show
     * or branch on them (pgjdbc's ServerErrorMessage).
     */
    static TuskException about(TuskException e, Catalog catalog, RelationDesc rel, String column, String constraint) {
        TuskException named = e.withTable(catalog.namespace(rel.namespaceOid()).name(), rel.name());
        if (column != null) {
            named = named.withColumn(column);
        }
        return constraint == null ? named : named.withConstraint(constraint);
    }

    static TuskException notNull(String column, String relation, String failingRow) {
        return new TuskException(SqlState.NOT_NULL_VIOLATION, "null value in column \"" + column
                + "\" of relation \"" + relation + "\" violates not-null constraint").withDetail(failingRow);
    }

    static TuskException check(String relation, String constraint, String failingRow) {
        return new TuskException(SqlState.CHECK_VIOLATION, "new row for relation \"" + relation
                + "\" violates check constraint \"" + constraint + "\"").withDetail(failingRow);
    }

    static TuskException unique(String index, String key) {
        return new TuskException(SqlState.UNIQUE_VIOLATION,
                "duplicate key value violates unique constraint \"" + index + "\"")
                .withDetail("Key " + key + " already exists.");
    }

    static TuskException fkMissing(String table, String constraint, String key, String refTable) {
        return new TuskException(SqlState.FOREIGN_KEY_VIOLATION, "insert or update on table \"" + table
                + "\" violates foreign key constraint \"" + constraint + "\"")
                .withDetail("Key " + key + " is not present in table \"" + refTable + "\".");
    }

    static TuskException fkMatchFull(String table, String constraint) {
        return new TuskException(SqlState.FOREIGN_KEY_VIOLATION, "insert or update on table \"" + table
                + "\" violates foreign key constraint \"" + constraint + "\"")
                .withDetail("MATCH FULL does not allow mixing of null and nonnull key values.");
    }

    static TuskException fkReferenced(String refTable, String constraint, String table, String key) {
        return new TuskException(SqlState.FOREIGN_KEY_VIOLATION, "update or delete on table \"" + refTable
                + "\" violates foreign key constraint \"" + constraint + "\" on table \"" + table + "\"")
                .withDetail("Key " + key + " is still referenced from table \"" + table + "\".");
    }
}
