package dev.tusk.commands;

import dev.tusk.catalog.DatabaseDesc;
import dev.tusk.catalog.RoleDesc;
import dev.tusk.nodes.AConst;
import dev.tusk.nodes.CreatedbStmt;
import dev.tusk.nodes.DefElem;
import dev.tusk.nodes.DropdbStmt;
import dev.tusk.nodes.Node;
import dev.tusk.nodes.RoleSpec;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/** CREATE DATABASE, DROP DATABASE, ALTER DATABASE RENAME (PostgreSQL's dbcommands.c). */
public final class DatabaseCommands {
    private DatabaseCommands() {
    }

    public static String create(CommandContext ctx, CreatedbStmt stmt) {
        RoleDesc me = ctx.catalog().role(ctx.userOid());
        if (me == null || !(me.superuser() || me.createDb())) {
            throw new TuskException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to create database");
        }
        String template = "template1";
        int owner = ctx.userOid();
        for (DefElem d : stmt.options()) {
            switch (d.defname()) {
                case "template" -> template = text(d.arg());
                case "owner" -> {
                    String o = text(d.arg());
                    RoleDesc r = ctx.catalog().role(o);
                    if (r == null) {
                        throw new TuskException(SqlState.UNDEFINED_OBJECT, "role \"" + o + "\" does not exist");
                    }
                    owner = r.oid();
                }
                case "encoding" -> {
                    String enc = text(d.arg()).replace("-", "").replace("_", "").toUpperCase(Locale.ROOT);
                    if (!enc.equals("UTF8") && !enc.equals("UNICODE") && !enc.equals("6")) {
                        throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "encoding \"" + text(d.arg())
                                + "\" is not supported");
                    }
                }
                default -> {
                }
            }
        }
        if (ctx.catalog().database(stmt.dbname()) != null) {
            throw new TuskException(SqlState.DUPLICATE_DATABASE, "database \"" + stmt.dbname() + "\" already exists");
        }
        if (ctx.catalog().database(template) == null) {
            throw new TuskException(SqlState.UNDEFINED_DATABASE, "template database \"" + template
                    + "\" does not exist");
        }
        ctx.writer().createDatabase(stmt.dbname(), owner, template);
        return "CREATE DATABASE";
    }

    public static String drop(CommandContext ctx, DropdbStmt stmt, IntUnaryOperator otherSessions) {
        DatabaseDesc db = ctx.catalog().database(stmt.dbname());
        if (db == null) {
            if (stmt.missingOk()) {
                ctx.notice(CommandErrors.notice(SqlState.SUCCESSFUL_COMPLETION,
                        "database \"" + stmt.dbname() + "\" does not exist, skipping"));
                return "DROP DATABASE";
            }
            throw new TuskException(SqlState.UNDEFINED_DATABASE, "database \"" + stmt.dbname() + "\" does not exist");
        }
        if (db.oid() == ctx.databaseOid()) {
            throw new TuskException(SqlState.OBJECT_IN_USE, "cannot drop the currently open database");
        }
        if (db.isTemplate()) {
            throw new TuskException(SqlState.WRONG_OBJECT_TYPE, "cannot drop a template database");
        }
        RoleDesc me = ctx.catalog().role(ctx.userOid());
        if (!me.superuser() && db.ownerOid() != ctx.userOid()) {
            throw CommandErrors.mustBeOwner("database", db.name());
        }
        int others = otherSessions.applyAsInt(db.oid());
        if (others > 0) {
            throw new TuskException(SqlState.OBJECT_IN_USE, "database \"" + db.name()
                    + "\" is being accessed by other users")
                    .withDetail("There " + (others == 1 ? "is 1 other session" : "are " + others + " other sessions")
                            + " using the database.");
        }
        ctx.writer().dropDatabase(db.oid());
        return "DROP DATABASE";
    }

    static String rename(CommandContext ctx, String oldName, String newName) {
        DatabaseDesc db = ctx.catalog().database(oldName);
        if (db == null) {
            throw new TuskException(SqlState.UNDEFINED_DATABASE, "database \"" + oldName + "\" does not exist");
        }
        if (ctx.catalog().database(newName) != null) {
            throw new TuskException(SqlState.DUPLICATE_DATABASE, "database \"" + newName + "\" already exists");
        }
        if (db.oid() == ctx.databaseOid()) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "current database cannot be renamed");
        }
        ctx.writer().renameDatabase(db.oid(), newName);
        return "ALTER DATABASE";
    }

    static String text(Node n) {
        if (n instanceof AConst c) {
            return switch (c.value()) {
                case AConst.Literal.Str s -> s.value();
                case AConst.Literal.Int i -> Integer.toString(i.value());
                default -> String.valueOf(c.value());
            };
        }
        if (n instanceof RoleSpec r) {
            return r.rolename();
        }
        return String.valueOf(n);
    }
}
