package dev.tusk.commands;

import dev.tusk.catalog.Catalog;
import dev.tusk.catalog.NamespaceDesc;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.nodes.DropBehavior;
import dev.tusk.nodes.DropStmt;
import dev.tusk.nodes.ObjectType;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.List;

/** DROP TABLE/VIEW/INDEX/SEQUENCE/SCHEMA (PostgreSQL's RemoveRelations and RemoveObjects). */
public final class DropCommands {
    private DropCommands() {
    }

    public static String drop(CommandContext ctx, DropStmt stmt) {
        boolean cascade = stmt.behavior() == DropBehavior.CASCADE;
        ObjectType type = stmt.removeType();
        switch (type) {
            case TABLE, VIEW, INDEX, SEQUENCE, MATVIEW, FOREIGN_TABLE -> {
                for (List<String> name : stmt.objects()) {
                    dropRelation(ctx, name, type, stmt.missingOk(), cascade);
                }
            }
            case SCHEMA -> {
                for (List<String> name : stmt.objects()) {
                    String n = name.get(name.size() - 1);
                    NamespaceDesc ns = ctx.catalog().namespace(n);
                    if (ns == null) {
                        if (stmt.missingOk()) {
                            ctx.notice(CommandErrors.notice(SqlState.SUCCESSFUL_COMPLETION,
                                    "schema \"" + n + "\" does not exist, skipping"));
                            continue;
                        }
                        throw CommandErrors.schemaDoesNotExist(n);
                    }
                    ctx.notices(ctx.writer().dropNamespace(ns.oid(), cascade));
                }
            }
            default -> throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED,
                    "DROP " + type.name().replace('_', ' ') + " is not supported");
        }
        return "DROP " + word(type).toUpperCase(java.util.Locale.ROOT);
    }

    static String word(ObjectType type) {
        return switch (type) {
            case TABLE -> "table";
            case VIEW -> "view";
            case INDEX -> "index";
            case SEQUENCE -> "sequence";
            case MATVIEW -> "materialized view";
            case FOREIGN_TABLE -> "foreign table";
            case SCHEMA -> "schema";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static char kindOf(ObjectType type) {
        return switch (type) {
            case VIEW -> 'v';
            case INDEX -> 'i';
            case SEQUENCE -> 'S';
            case MATVIEW -> 'm';
            case FOREIGN_TABLE -> 'f';
            default -> 'r';
        };
    }

    private static void dropRelation(CommandContext ctx, List<String> name, ObjectType type, boolean missingOk,
            boolean cascade) {
        Catalog cat = ctx.catalog();
        String shown = String.join(".", name);
        if (name.size() > 1) {
            String schema = name.get(name.size() - 2);
            if (cat.namespace(schema) == null) {
                if (missingOk) {
                    ctx.notice(CommandErrors.notice(SqlState.SUCCESSFUL_COMPLETION,
                            "schema \"" + schema + "\" does not exist, skipping"));
                    return;
                }
                throw CommandErrors.schemaDoesNotExist(schema);
            }
        }
        RelationDesc rel = cat.lookupRelation(name, ctx.searchPath());
        if (rel == null) {
            if (missingOk) {
                ctx.notice(CommandErrors.notice(SqlState.SUCCESSFUL_COMPLETION,
                        word(type) + " \"" + shown + "\" does not exist, skipping"));
                return;
            }
            throw new TuskException(SqlState.UNDEFINED_TABLE, word(type) + " \"" + shown + "\" does not exist");
        }
        char want = kindOf(type);
        if (rel.relkind() != want) {
            throw new TuskException(SqlState.WRONG_OBJECT_TYPE, "\"" + rel.name() + "\" is not a"
                    + (word(type).startsWith("i") ? "n " : " ") + word(type))
                    .withHint("Use DROP " + hintWord(rel.relkind()) + " to remove " + article(rel.relkind()) + ".");
        }
        if (rel.namespaceOid() == 11) {
            throw new TuskException(SqlState.INSUFFICIENT_PRIVILEGE,
                    "permission denied: \"" + rel.name() + "\" is a system catalog");
        }
        ctx.notices(ctx.writer().dropRelation(rel.oid(), cascade));
    }

    private static String hintWord(char relkind) {
        return switch (relkind) {
            case 'v' -> "VIEW";
            case 'i' -> "INDEX";
            case 'S' -> "SEQUENCE";
            case 'm' -> "MATERIALIZED VIEW";
            default -> "TABLE";
        };
    }

    private static String article(char relkind) {
        return switch (relkind) {
            case 'v' -> "a view";
            case 'i' -> "an index";
            case 'S' -> "a sequence";
            case 'm' -> "a materialized view";
            default -> "a table";
        };
    }
}
