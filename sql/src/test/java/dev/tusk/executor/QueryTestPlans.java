package dev.tusk.executor;

import dev.tusk.access.transam.Transaction;
import dev.tusk.catalog.Catalog;
import dev.tusk.catalog.DatabaseDesc;
import dev.tusk.nodes.Stmt;
import dev.tusk.optimizer.PlanningContext;
import dev.tusk.optimizer.QueryPlanner;
import dev.tusk.parser.Parser;
import dev.tusk.tcop.TuskSqlEngine;
import dev.tusk.utils.adt.SessionFormats;
import dev.tusk.utils.fmgr.FunctionContext;
import java.util.ArrayList;
import java.util.List;

/** Plans and runs statements directly through QueryPlanner (below the session layer), in a transaction of its own. */
final class QueryTestPlans {
    private QueryTestPlans() {
    }

    static PlanningContext context(TuskSqlEngine engine, Transaction tx, int[] paramTypes) {
        Catalog catalog = engine.catalogs().catalog(DatabaseDesc.POSTGRES, tx, "postgres");
        return new PlanningContext(catalog, List.of("\"$user\"", "public"), paramTypes,
                FunctionContext.basic(SessionFormats.DEFAULT));
    }

    static Stmt parse(String sql) {
        return Parser.parse(sql).get(0).stmt();
    }

    static PlannedStatement plan(QueryFixture db, String sql) {
        return plan(db, sql, new int[0]);
    }

    static PlannedStatement plan(QueryFixture db, String sql, int[] paramTypes) {
        TuskSqlEngine engine = db.cluster.engine();
        try (Transaction tx = engine.storage().transactions().begin()) {
            return QueryPlanner.plan(parse(sql), context(engine, tx, paramTypes));
        }
    }

    /** Plans and runs a query with parameter values; rows as Java values. */
    static List<Object[]> run(QueryFixture db, String sql, int[] paramTypes, Object... params) {
        TuskSqlEngine engine = db.cluster.engine();
        try (Transaction tx = engine.storage().transactions().begin()) {
            PlanningContext pc = context(engine, tx, paramTypes);
            PlannedQuery q = (PlannedQuery) QueryPlanner.plan(parse(sql), pc);
            ExecContext ctx = new ExecContext(engine.storage(), tx, tx.statementSnapshot(), pc.catalog(),
                    pc.functions(), params, null);
            List<Object[]> out = new ArrayList<>();
            try (RowCursor c = q.open(ctx)) {
                for (Object[] r = c.next(); r != null; r = c.next()) {
                    out.add(r);
                }
            }
            return out;
        }
    }

    /** EXPLAIN's QUERY PLAN lines for {@code sql} (an EXPLAIN statement). */
    static List<String> explain(QueryFixture db, String sql) {
        TuskSqlEngine engine = db.cluster.engine();
        try (Transaction tx = engine.storage().transactions().begin()) {
            return QueryPlanner.explain((dev.tusk.nodes.ExplainStmt) parse(sql), context(engine, tx, new int[0]));
        }
    }
}
