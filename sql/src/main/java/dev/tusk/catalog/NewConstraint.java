package dev.tusk.catalog;

import java.util.List;

/**
 * A pg_constraint row to add (see {@link ConstraintDesc} for the codes). For PRIMARY KEY/UNIQUE create the index
 * first and pass its OID; for FOREIGN KEY pass the referenced table, its key attnums and its unique index.
 */
public record NewConstraint(String name, char contype, List<Integer> keyAttnums, String checkExpr, int indexOid,
        int refRelationOid, List<Integer> refAttnums, char updateAction, char deleteAction, char matchType,
        boolean deferrable, boolean deferred) {
    public NewConstraint {
        keyAttnums = List.copyOf(keyAttnums);
        refAttnums = List.copyOf(refAttnums);
    }

    public static NewConstraint check(String name, String expr, List<Integer> columns) {
        return new NewConstraint(name, 'c', columns, expr, 0, 0, List.of(), ' ', ' ', ' ', false, false);
    }

    public static NewConstraint primaryKey(String name, List<Integer> keys, int indexOid) {
        return new NewConstraint(name, 'p', keys, null, indexOid, 0, List.of(), ' ', ' ', ' ', false, false);
    }

    public static NewConstraint unique(String name, List<Integer> keys, int indexOid) {
        return new NewConstraint(name, 'u', keys, null, indexOid, 0, List.of(), ' ', ' ', ' ', false, false);
    }

    public static NewConstraint foreignKey(String name, List<Integer> keys, int refRelationOid, List<Integer> refKeys,
            int refIndexOid, char onUpdate, char onDelete, char matchType) {
        return new NewConstraint(name, 'f', keys, null, refIndexOid, refRelationOid, refKeys, onUpdate, onDelete,
                matchType, false, false);
    }
}
