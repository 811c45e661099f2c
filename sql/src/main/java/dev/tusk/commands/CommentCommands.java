package dev.tusk.commands;

import dev.tusk.catalog.ColumnDesc;
import dev.tusk.catalog.ConstraintDesc;
import dev.tusk.catalog.DatabaseDesc;
import dev.tusk.catalog.NamespaceDesc;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.catalog.RoleDesc;
import dev.tusk.nodes.CommentStmt;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.List;

/** COMMENT ON ... IS 'text' | NULL (PostgreSQL's CommentObject). */
public final class CommentCommands {
    private static final int PG_CLASS = 1259;
    private static final int PG_NAMESPACE = 2615;
    private static final int PG_DATABASE = 1262;
    private static final int PG_AUTHID = 1260;
    private static final int PG_CONSTRAINT = 2606;

    private CommentCommands() {
    }

    public static String comment(CommandContext ctx, CommentStmt stmt) {
        List<String> name = stmt.object();
        String text = stmt.comment();
        switch (stmt.objtype()) {
            case TABLE, VIEW, INDEX, SEQUENCE, MATVIEW -> {
                RelationDesc rel = ctx.catalog().resolveRelation(name, ctx.searchPath());
                ctx.writer().setComment(rel.oid(), PG_CLASS, 0, text);
            }
            case COLUMN -> {
                if (name.size() < 2) {
                    throw new TuskException(SqlState.SYNTAX_ERROR, "column name must be qualified");
                }
                RelationDesc rel = ctx.catalog().resolveRelation(name.subList(0, name.size() - 1), ctx.searchPath());
                String col = name.get(name.size() - 1);
                ColumnDesc c = rel.column(col);
                if (c == null) {
                    throw CommandErrors.columnDoesNotExist(col, rel.name());
                }
                ctx.writer().setComment(rel.oid(), PG_CLASS, c.attnum(), text);
            }
            case SCHEMA -> {
                NamespaceDesc ns = ctx.catalog().namespace(name.get(0));
                if (ns == null) {
                    throw CommandErrors.schemaDoesNotExist(name.get(0));
                }
                ctx.writer().setComment(ns.oid(), PG_NAMESPACE, 0, text);
            }
            case DATABASE -> {
                DatabaseDesc db = ctx.catalog().database(name.get(0));
                if (db == null) {
                    throw new TuskException(SqlState.UNDEFINED_DATABASE, "database \"" + name.get(0)
                            + "\" does not exist");
                }
                ctx.writer().setSharedComment(db.oid(), PG_DATABASE, text);
            }
            case ROLE -> {
                RoleDesc r = ctx.catalog().role(name.get(0));
                if (r == null) {
                    throw new TuskException(SqlState.UNDEFINED_OBJECT, "role \"" + name.get(0) + "\" does not exist");
                }
                ctx.writer().setSharedComment(r.oid(), PG_AUTHID, text);
            }
            case TABCONSTRAINT -> {
                RelationDesc rel = ctx.catalog().resolveRelation(name.subList(0, name.size() - 1), ctx.searchPath());
                String con = name.get(name.size() - 1);
                for (ConstraintDesc c : rel.constraints()) {
                    if (c.name().equals(con)) {
                        ctx.writer().setComment(c.oid(), PG_CONSTRAINT, 0, text);
                        return "COMMENT";
                    }
                }
                throw new TuskException(SqlState.UNDEFINED_OBJECT, "constraint \"" + con + "\" for table \""
                        + rel.name() + "\" does not exist");
            }
            default -> throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "COMMENT ON this object is not supported");
        }
        return "COMMENT";
    }
}
