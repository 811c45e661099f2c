package dev.tusk.catalog;

/**
 * One pg_trigger row as pg_get_triggerdef reads it. Tusk has no CREATE TRIGGER yet: the only triggers are the
 * internal ones PostgreSQL's catalogs show for foreign keys (RI_ConstraintTrigger_*).
 *
 * @param tgtype TRIGGER_TYPE_* bits: 1 ROW, 2 BEFORE, 4 INSERT, 8 DELETE, 16 UPDATE, 32 TRUNCATE, 64 INSTEAD
 */
public record TriggerDesc(int oid, int relationOid, String name, int functionOid, int tgtype, char enabled,
        boolean internal, int constraintRelationOid, int constraintOid, boolean deferrable, boolean initDeferred) {
}
