package dev.tusk.catalog;

import java.util.List;

/**
 * One {@code pg_constraint} row. {@code contype}: 'c' CHECK, 'f' FOREIGN KEY, 'p' PRIMARY KEY, 'u' UNIQUE
 * (PostgreSQL 15 keeps NOT NULL in {@code pg_attribute.attnotnull}, not here).
 *
 * @param oid            the constraint's OID
 * @param name           conname
 * @param namespaceOid   connamespace (the table's schema)
 * @param contype        see above
 * @param relationOid    conrelid
 * @param keyAttnums     conkey (empty for a CHECK without column references recorded)
 * @param checkExpr      conbin as expression text for CHECK, e.g. {@code (a > 0)}; null otherwise
 * @param indexOid       conindid: the index of a PK/UNIQUE, or the referenced unique index of an FK; 0 else
 * @param refRelationOid confrelid for FOREIGN KEY, else 0
 * @param refAttnums     confkey for FOREIGN KEY, else empty
 * @param updateAction   confupdtype: 'a' no action, 'r' restrict, 'c' cascade, 'n' set null, 'd' set default,
 *                       ' ' when not an FK
 * @param deleteAction   confdeltype, same codes
 * @param matchType      confmatchtype: 's' simple, 'f' full, 'p' partial, ' ' when not an FK
 * @param deferrable     condeferrable
 * @param deferred       condeferred
 * @param validated      convalidated
 */
public record ConstraintDesc(int oid, String name, int namespaceOid, char contype, int relationOid,
        List<Integer> keyAttnums, String checkExpr, int indexOid, int refRelationOid, List<Integer> refAttnums,
        char updateAction, char deleteAction, char matchType, boolean deferrable, boolean deferred,
        boolean validated) {

    public ConstraintDesc {
        keyAttnums = List.copyOf(keyAttnums);
        refAttnums = List.copyOf(refAttnums);
    }

    public boolean isForeignKey() {
        return contype == 'f';
    }

    public boolean isCheck() {
        return contype == 'c';
    }
}
