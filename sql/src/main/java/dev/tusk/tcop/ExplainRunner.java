package dev.tusk.tcop;

import dev.tusk.executor.ExecContext;
import dev.tusk.executor.PlannedQuery;
import dev.tusk.executor.PlannedStatement;
import dev.tusk.executor.RowCursor;
import dev.tusk.executor.modify.ModifyTable;
import dev.tusk.nodes.AConst;
import dev.tusk.nodes.DefElem;
import dev.tusk.nodes.ExplainStmt;
import dev.tusk.optimizer.PlanningContext;
import dev.tusk.optimizer.QueryPlanner;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;

/**
 * EXPLAIN (PostgreSQL's {@code ExplainQuery}): one text row per plan line in a column {@code QUERY PLAN}, tag
 * {@code EXPLAIN}. The plan text is the planner's, as with COSTS OFF.
 *
 * <p>EXPLAIN ANALYZE runs the statement inside the current transaction (an INSERT/UPDATE/DELETE really writes,
 * as in PostgreSQL) and then shows the same plan lines. Known gap: no actual timings, row counts or loops are
 * added to the lines, and no "Planning Time"/"Execution Time" summary.
 */
final class ExplainRunner {
    private ExplainRunner() {
    }

    static RowsRun.Outcome run(TuskSession session, ExplainStmt stmt, PreparedStatementImpl ps, Object[] params) {
        if (!CommandTags.isPlannable(stmt.query())) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED,
                    "EXPLAIN of " + CommandTags.tagOf(stmt.query()) + " is not supported");
        }
        boolean analyze = false;
        for (DefElem d : stmt.options()) {
            if (d.defname().equalsIgnoreCase("analyze")) {
                analyze = booleanOption(d);
            }
        }
        PlanningContext pc = session.planning(ps.declaredTypes());
        List<String> lines = QueryPlanner.explain(stmt, pc);
        if (analyze) {
            execute(session, QueryPlanner.plan(stmt.query(), pc), params);
        }
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (String line : lines) {
            rows.add(new Object[] {line});
        }
        return new RowsRun.Outcome("EXPLAIN", rows);
    }

    /** Runs the explained statement to completion, discarding its rows (as ANALYZE's DestNone receiver does). */
    private static void execute(TuskSession session, PlannedStatement plan, Object[] params) {
        if (!(plan instanceof PlannedQuery) && session.xact().readOnly()) {
            throw XactErrors.readOnly(plan.commandName());
        }
        ExecContext ctx = session.execContext(session.xact().transaction().statementSnapshot(),
                params != null && params.length == plan.paramTypes().length ? params
                        : new Object[plan.paramTypes().length]);
        if (plan instanceof PlannedQuery q) {
            try (RowCursor c = q.open(ctx)) {
                while (c.next() != null) {
                    ctx.checkInterrupts();
                }
            }
        } else {
            ModifyTable.run(plan, ctx, false);
        }
    }

    /** defGetBoolean: a bare option is true; true/false/on/off/1/0 otherwise. */
    private static boolean booleanOption(DefElem d) {
        if (d.arg() == null) {
            return true;
        }
        if (d.arg() instanceof AConst c) {
            switch (c.value()) {
                case AConst.Literal.Bool b -> {
                    return b.value();
                }
                case AConst.Literal.Int i when i.value() == 0 || i.value() == 1 -> {
                    return i.value() == 1;
                }
                case AConst.Literal.Str s -> {
                    switch (s.value().toLowerCase(java.util.Locale.ROOT)) {
                        case "true", "on", "yes", "t", "y", "1" -> {
                            return true;
                        }
                        case "false", "off", "no", "f", "n", "0" -> {
                            return false;
                        }
                        default -> {
                        }
                    }
                }
                default -> {
                }
            }
        }
        throw new TuskException(SqlState.SYNTAX_ERROR, d.defname() + " requires a Boolean value");
    }
}
