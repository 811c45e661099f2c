package dev.tusk.commands;

import dev.tusk.catalog.ColumnDesc;
import dev.tusk.catalog.NewColumn;
import dev.tusk.catalog.NewRelation;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.executor.PlannedStatement;
import dev.tusk.optimizer.PlanningContext;
import dev.tusk.optimizer.QueryPlanner;
import dev.tusk.parser.analyze.ViewDefinition;
import dev.tusk.nodes.ViewStmt;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;

/** CREATE [OR REPLACE] VIEW (PostgreSQL's DefineView). */
public final class ViewCommands {
    private ViewCommands() {
    }

    public static String create(CommandContext ctx, ViewStmt stmt) {
        int ns = TableCommands.namespaceFor(ctx, stmt.view());
        String name = stmt.view().relname();
        PlanningContext pc = ctx.planning(new int[0]);
        ViewDefinition def = QueryPlanner.analyzeView(stmt.query(), stmt.aliases(), pc);
        PlannedStatement plan = QueryPlanner.plan(stmt.query(), pc);
        List<Integer> refs = new ArrayList<>(plan.relationOids());
        List<NewColumn> cols = new ArrayList<>();
        for (int i = 0; i < def.columnNames().size(); i++) {
            int type = def.columnTypes().get(i);
            cols.add(NewColumn.of(def.columnNames().get(i), type == 705 ? 25 : type, def.columnTypmods().get(i)));
        }
        RelationDesc existing = ctx.catalog().relation(ns, name);
        if (existing != null) {
            if (!stmt.replace()) {
                throw CommandErrors.relationExists(name);
            }
            if (!existing.isView()) {
                throw new TuskException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a view");
            }
            checkReplacement(existing, cols);
            ctx.writer().replaceView(existing.oid(), cols, def.definition(), refs);
            return "CREATE VIEW";
        }
        ctx.writer().createView(new NewRelation(name, ns, ctx.userOid(), TableCommands.persistenceFor(stmt.view()) == 't' ? 't' : 'p', cols), def.definition(), refs);
        return "CREATE VIEW";
    }

    /** checkViewColumns: OR REPLACE may add columns at the end but not drop, rename or retype. */
    private static void checkReplacement(RelationDesc old, List<NewColumn> cols) {
        List<ColumnDesc> oldCols = old.liveColumns();
        if (cols.size() < oldCols.size()) {
            throw new TuskException(SqlState.INVALID_TABLE_DEFINITION, "cannot drop columns from view");
        }
        for (int i = 0; i < oldCols.size(); i++) {
            ColumnDesc o = oldCols.get(i);
            NewColumn n = cols.get(i);
            if (!o.name().equals(n.name())) {
                throw new TuskException(SqlState.INVALID_TABLE_DEFINITION, "cannot change name of view column \""
                        + o.name() + "\" to \"" + n.name() + "\"")
                        .withHint("Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.");
            }
            if (o.typeOid() != n.typeOid() || o.typmod() != n.typmod()) {
                throw new TuskException(SqlState.INVALID_TABLE_DEFINITION, "cannot change data type of view column \""
                        + o.name() + "\" from " + dev.tusk.utils.adt.TypeNames.format(o.typeOid(), o.typmod())
                        + " to " + dev.tusk.utils.adt.TypeNames.format(n.typeOid(), n.typmod()));
            }
        }
    }
}
