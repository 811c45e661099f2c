package dev.tusk.commands;

import dev.tusk.catalog.RoleDesc;
import dev.tusk.nodes.CreateSchemaStmt;
import dev.tusk.nodes.CreateStmt;
import dev.tusk.nodes.IndexStmt;
import dev.tusk.nodes.RangeVar;
import dev.tusk.nodes.RoleSpec;
import dev.tusk.nodes.Stmt;
import dev.tusk.nodes.ViewStmt;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/** CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role] [elements] (CreateSchemaCommand). */
public final class SchemaCommands {
    private SchemaCommands() {
    }

    public static String create(CommandContext ctx, CreateSchemaStmt stmt) {
        int owner = ctx.userOid();
        String name = stmt.schemaname();
        if (stmt.authrole() != null) {
            RoleDesc r = RoleCommands.roleOf(ctx, stmt.authrole());
            owner = r.oid();
            if (name == null) {
                name = r.name();
            }
        }
        if (name.startsWith("pg_")) {
            throw new TuskException(SqlState.RESERVED_NAME, "unacceptable schema name \"" + name + "\"")
                    .withDetail("The prefix \"pg_\" is reserved for system schemas.");
        }
        if (ctx.catalog().namespace(name) != null) {
            if (stmt.ifNotExists()) {
                ctx.notice(CommandErrors.notice(SqlState.DUPLICATE_SCHEMA,
                        "schema \"" + name + "\" already exists, skipping"));
                return "CREATE SCHEMA";
            }
            throw new TuskException(SqlState.DUPLICATE_SCHEMA, "schema \"" + name + "\" already exists");
        }
        ctx.writer().createNamespace(name, owner);
        for (Stmt elt : stmt.schemaElts()) {
            switch (elt) {
                case CreateStmt c -> TableCommands.create(ctx, new CreateStmt(inSchema(c.relation(), name),
                        c.tableElts(), c.inhRelations(), c.options(), c.oncommit(), c.tablespacename(),
                        c.accessMethod(), c.ifNotExists()));
                case ViewStmt v -> ViewCommands.create(ctx, new ViewStmt(inSchema(v.view(), name), v.aliases(),
                        v.query(), v.replace(), v.options(), v.withCheckOption(), v.queryLocation(), v.queryLength()));
                case IndexStmt i -> IndexCommands.create(ctx, i);
                default -> throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED,
                        "CREATE SCHEMA element is not supported");
            }
        }
        return "CREATE SCHEMA";
    }

    private static RangeVar inSchema(RangeVar rv, String schema) {
        if (rv.schemaname() != null && !rv.schemaname().equals(schema)) {
            throw new TuskException(SqlState.INVALID_SCHEMA_DEFINITION, "CREATE specifies a schema (" + rv.schemaname()
                    + ") different from the one being created (" + schema + ")");
        }
        return new RangeVar(rv.catalogname(), schema, rv.relname(), rv.inh(), rv.relpersistence(), rv.alias(),
                rv.location());
    }

    static boolean isRoleSpec(RoleSpec r) {
        return r != null;
    }
}
