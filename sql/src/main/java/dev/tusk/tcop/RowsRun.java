package dev.tusk.tcop;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * A statement whose rows are produced in one go and then handed out in portal-sized pieces (utility
 * statements that return rows, and INSERT/UPDATE/DELETE ... RETURNING: PostgreSQL's PORTAL_ONE_RETURNING and
 * PORTAL_UTIL_SELECT run the statement to completion first).
 */
final class RowsRun implements StatementRun {
    /** The statement's outcome: its tag and rows (null when it returns none). */
    record Outcome(String tag, List<Object[]> rows) {}

    private final List<ResultColumn> columns;
    private final Supplier<Outcome> body;
    private Outcome outcome;
    private Iterator<Object[]> pending;

    RowsRun(List<ResultColumn> columns, Supplier<Outcome> body) {
        this.columns = columns;
        this.body = body;
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public ExecutionResult run(long maxRows, RowOut out) {
        if (outcome == null) {
            outcome = body.get();
            pending = outcome.rows() == null ? null : outcome.rows().iterator();
        }
        if (pending != null) {
            long sent = 0;
            while (pending.hasNext()) {
                if (maxRows > 0 && sent >= maxRows) {
                    return new ExecutionResult.Suspended();
                }
                out.row(pending.next());
                sent++;
            }
        }
        return new ExecutionResult.Completed(outcome.tag());
    }

    @Override
    public void close() {
        pending = null;
    }
}
