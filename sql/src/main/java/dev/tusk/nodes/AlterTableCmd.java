package dev.tusk.nodes;

import java.util.List;

/**
 * One subcommand of ALTER TABLE (PostgreSQL's {@code AlterTableCmd}, whose subtype enum becomes one record each).
 * RENAME forms are separate statements ({@link RenameStmt}), as in PostgreSQL.
 */
public sealed interface AlterTableCmd extends Node {

    /** ADD [COLUMN] [IF NOT EXISTS] coldef. */
    record AddColumn(ColumnDef def, boolean ifNotExists) implements AlterTableCmd {}

    /** DROP [COLUMN] [IF EXISTS] name [RESTRICT|CASCADE]. */
    record DropColumn(String name, DropBehavior behavior, boolean missingOk) implements AlterTableCmd {}

    /** ALTER [COLUMN] name SET DEFAULT expr, or DROP DEFAULT (def null). */
    record ColumnDefault(String column, Expr def) implements AlterTableCmd {}

    /** ALTER [COLUMN] name SET NOT NULL. */
    record SetNotNull(String column) implements AlterTableCmd {}

    /** ALTER [COLUMN] name DROP NOT NULL. */
    record DropNotNull(String column) implements AlterTableCmd {}

    /** ALTER [COLUMN] name [SET DATA] TYPE t [COLLATE c] [USING expr]. */
    record AlterColumnType(String column, TypeName typeName, CollateClause collClause, Expr using)
            implements AlterTableCmd {}

    /** ALTER [COLUMN] name ADD GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(options)]. */
    record AddIdentity(String column, Constraint identity) implements AlterTableCmd {}

    /** ALTER [COLUMN] name SET GENERATED .../SET sequence options/RESTART (options as DefElems). */
    record SetIdentity(String column, List<DefElem> options) implements AlterTableCmd {
        public SetIdentity {
            options = List.copyOf(options);
        }
    }

    /** ALTER [COLUMN] name DROP IDENTITY [IF EXISTS]. */
    record DropIdentity(String column, boolean missingOk) implements AlterTableCmd {}

    /** ALTER [COLUMN] name SET STATISTICS n / SET STORAGE x / SET (opts) / RESET (opts): parsed, no meaning here. */
    record ColumnOption(String column, String what, Node value) implements AlterTableCmd {}

    /** ADD table_constraint. */
    record AddConstraint(Constraint constraint) implements AlterTableCmd {}

    /** VALIDATE CONSTRAINT name. */
    record ValidateConstraint(String name) implements AlterTableCmd {}

    /** DROP CONSTRAINT [IF EXISTS] name [RESTRICT|CASCADE]. */
    record DropConstraint(String name, DropBehavior behavior, boolean missingOk) implements AlterTableCmd {}

    /** OWNER TO role. */
    record ChangeOwner(RoleSpec newOwner) implements AlterTableCmd {}

    /** SET SCHEMA is an {@link AlterObjectSchemaStmt}; this is for the remaining forms the parser accepts but no
     * command implements (SET WITHOUT OIDS, CLUSTER ON, ENABLE TRIGGER, SET (storage params), INHERIT...):
     * {@code what} is a short description such as "ENABLE TRIGGER". */
    record Other(String what) implements AlterTableCmd {}
}
