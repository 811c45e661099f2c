package dev.tusk.commands;

import dev.tusk.access.nbtree.IndexKeyDesc;
import dev.tusk.catalog.NewIndex;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.nodes.IndexElem;
import dev.tusk.nodes.IndexStmt;
import dev.tusk.nodes.SortBy;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;

/** CREATE [UNIQUE] INDEX on columns (PostgreSQL's DefineIndex for B-trees). */
public final class IndexCommands {
    private IndexCommands() {
    }

    public static String create(CommandContext ctx, IndexStmt stmt) {
        if (stmt.accessMethod() != null && !stmt.accessMethod().equals("btree")) {
            throw new TuskException(SqlState.UNDEFINED_OBJECT,
                    "access method \"" + stmt.accessMethod() + "\" does not exist");
        }
        if (stmt.whereClause() != null) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "partial indexes are not supported");
        }
        RelationDesc rel = ctx.catalog().resolveRelation(Constraints.qualified(stmt.relation()), ctx.searchPath());
        if (!rel.isTable()) {
            throw new TuskException(SqlState.WRONG_OBJECT_TYPE, "cannot create index on relation \"" + rel.name()
                    + "\"").withDetail("This operation is not supported for " + kindPlural(rel.relkind()) + ".");
        }
        List<String> cols = new ArrayList<>();
        List<IndexKeyDesc.ColumnOrder> orders = new ArrayList<>();
        for (IndexElem e : stmt.indexParams()) {
            if (e.name() == null) {
                throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "indexes on expressions are not supported");
            }
            if (rel.column(e.name()) == null) {
                throw new TuskException(SqlState.UNDEFINED_COLUMN, "column \"" + e.name() + "\" does not exist");
            }
            cols.add(e.name());
            boolean desc = e.ordering() == SortBy.SortByDir.DESC;
            boolean nullsFirst = e.nullsOrdering() == SortBy.SortByNulls.DEFAULT ? desc
                    : e.nullsOrdering() == SortBy.SortByNulls.FIRST;
            orders.add(new IndexKeyDesc.ColumnOrder(desc, nullsFirst));
        }
        String name = stmt.idxname();
        if (name != null && ctx.catalog().relation(rel.namespaceOid(), name) != null) {
            if (stmt.ifNotExists()) {
                ctx.notice(CommandErrors.notice(SqlState.DUPLICATE_TABLE,
                        "relation \"" + name + "\" already exists, skipping"));
                return "CREATE INDEX";
            }
            throw CommandErrors.relationExists(name);
        }
        if (name == null) {
            name = ctx.writer().chooseRelationName(rel.name(), String.join("_", cols), "idx", rel.namespaceOid());
        }
        IndexBuilder.build(ctx, rel, new NewIndex(name, rel.oid(), Constraints.attnums(rel, cols), orders,
                stmt.unique(), false, stmt.nullsNotDistinct()));
        return "CREATE INDEX";
    }

    static String kindPlural(char relkind) {
        return switch (relkind) {
            case 'v' -> "views";
            case 'S' -> "sequences";
            case 'i' -> "indexes";
            default -> "this relation kind";
        };
    }
}
