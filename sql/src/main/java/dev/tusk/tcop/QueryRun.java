package dev.tusk.tcop;

import dev.tusk.executor.ExecContext;
import dev.tusk.executor.PlannedQuery;
import dev.tusk.executor.RowCursor;
import java.util.List;

/**
 * A SELECT streaming from the executor's cursor (PORTAL_ONE_SELECT): rows go to the client as they are
 * produced, and a row limit suspends the portal with the cursor kept open. The tag counts the rows of this
 * Execute, as PostgreSQL's does.
 */
final class QueryRun implements StatementRun {
    private final PlannedQuery plan;
    private final ExecContext ctx;
    private RowCursor cursor;

    QueryRun(PlannedQuery plan, ExecContext ctx) {
        this.plan = plan;
        this.ctx = ctx;
    }

    @Override
    public List<ResultColumn> columns() {
        return plan.columns();
    }

    @Override
    public ExecutionResult run(long maxRows, RowOut out) {
        if (cursor == null) {
            cursor = plan.open(ctx);
        }
        long sent = 0;
        while (maxRows <= 0 || sent < maxRows) {
            Object[] row = cursor.next();
            if (row == null) {
                close();
                return new ExecutionResult.Completed("SELECT " + sent);
            }
            out.row(row);
            sent++;
        }
        return new ExecutionResult.Suspended();
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }
}
