package dev.tusk.commands;

import dev.tusk.catalog.RelationDesc;
import dev.tusk.executor.ExecContext;
import dev.tusk.executor.PlannedQuery;
import dev.tusk.executor.PlannedStatement;
import dev.tusk.executor.RowCursor;
import dev.tusk.executor.modify.BulkInsert;
import dev.tusk.nodes.CreateTableAsStmt;
import dev.tusk.nodes.IntoClause;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.nodes.Stmt;
import dev.tusk.optimizer.QueryPlanner;
import dev.tusk.tcop.ResultColumn;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;

/** CREATE TABLE ... AS query and SELECT ... INTO (PostgreSQL's ExecCreateTableAs). */
public final class CreateTableAs {
    private CreateTableAs() {
    }

    public static String run(CommandContext ctx, CreateTableAsStmt stmt) {
        return create(ctx, stmt.query(), stmt.into(), stmt.ifNotExists());
    }

    public static String selectInto(CommandContext ctx, SelectStmt stmt) {
        return create(ctx, stmt.withIntoClause(null), stmt.intoClause(), false);
    }

    private static String create(CommandContext ctx, Stmt query, IntoClause into, boolean ifNotExists) {
        int ns = TableCommands.namespaceFor(ctx, into.rel());
        String name = into.rel().relname();
        if (ctx.catalog().relation(ns, name) != null) {
            if (ifNotExists) {
                ctx.notice(CommandErrors.notice(SqlState.DUPLICATE_TABLE,
                        "relation \"" + name + "\" already exists, skipping"));
                return "CREATE TABLE AS";
            }
            throw CommandErrors.relationExists(name);
        }
        PlannedStatement plan = QueryPlanner.plan(query, ctx.planning(new int[0]));
        if (!(plan instanceof PlannedQuery q)) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "CREATE TABLE AS needs a query");
        }
        List<ResultColumn> rc = q.columns();
        if (into.colNames().size() > rc.size()) {
            throw new TuskException(SqlState.SYNTAX_ERROR, "too many column names were specified");
        }
        List<TableCommands.ColumnSpec> cols = new ArrayList<>();
        for (int i = 0; i < rc.size(); i++) {
            ResultColumn c = rc.get(i);
            int type = c.typeOid() == TypeOids.UNKNOWN ? TypeOids.TEXT : c.typeOid();
            String colName = i < into.colNames().size() ? into.colNames().get(i) : c.name();
            cols.add(new TableCommands.ColumnSpec(colName,
                    new TypeResolver.Resolved(ctx.catalog().type(type), c.typeModifier(), null), -1));
        }
        RelationDesc rel = TableCommands.createRelation(ctx, name, ns, TableCommands.persistenceFor(into.rel()), cols);
        if (into.skipData()) {
            return "CREATE TABLE AS";
        }
        ExecContext ec = ctx.exec(ctx.transaction().currentSnapshot(), new Object[0]);
        BulkInsert ins = new BulkInsert(rel, ec);
        try (RowCursor cur = q.open(ec)) {
            Object[] row;
            while ((row = cur.next()) != null) {
                ins.insert(row);
            }
        }
        ins.finish();
        return "SELECT " + ins.count();
    }
}
