package dev.tusk.tcop;

import dev.tusk.executor.ExecContext;
import dev.tusk.executor.PlannedQuery;
import dev.tusk.executor.PlannedStatement;
import dev.tusk.executor.modify.ModifyTable;
import dev.tusk.nodes.CopyStmt;
import dev.tusk.nodes.Stmt;
import dev.tusk.utils.time.Snapshot;

/** Picks how a statement runs (ChoosePortalStrategy): a streaming query, a DML statement, COPY, or a utility. */
final class StatementRunners {
    private StatementRunners() {
    }

    static StatementRun create(TuskSession session, PreparedStatementImpl ps, Object[] params) {
        Stmt stmt = ps.stmt();
        // Known gap: PostgreSQL lets a read-only transaction write temporary tables (ExecCheckXactReadOnly); the
        // storage assigns no xid in a read-only transaction, so Tusk refuses those writes too.
        if (!CommandTags.readOnlySafe(stmt) && session.xact().readOnly()) {
            throw XactErrors.readOnly(CommandTags.tagOf(stmt));
        }
        if (CommandTags.isPlannable(stmt)) {
            PlannedStatement plan = session.plan(ps);
            Snapshot snapshot = session.xact().transaction().statementSnapshot();
            ExecContext ctx = session.execContext(snapshot, params);
            if (plan instanceof PlannedQuery q) {
                return new QueryRun(q, ctx);
            }
            return new RowsRun(plan.columns(), () -> {
                ModifyTable.Result r = ModifyTable.run(plan, ctx, plan.columns() != null);
                return new RowsRun.Outcome(r.tag(), r.returning());
            });
        }
        if (stmt instanceof dev.tusk.nodes.ExecuteStmt exec) {
            return session.sqlPrepared().execute(session, exec);
        }
        if (stmt instanceof dev.tusk.nodes.ExplainStmt explain) {
            return new RowsRun(UtilityShapes.columnsOf(stmt, session.gucs()),
                    () -> ExplainRunner.run(session, explain, ps, params));
        }
        if (stmt instanceof CopyStmt copy) {
            return CopyRunner.create(session, copy, ps.sql());
        }
        return new RowsRun(UtilityShapes.columnsOf(stmt, session.gucs()),
                () -> UtilityDispatcher.execute(session, stmt, ps));
    }
}
