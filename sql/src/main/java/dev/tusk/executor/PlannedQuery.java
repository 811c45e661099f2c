package dev.tusk.executor;

import dev.tusk.tcop.ResultColumn;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A planned SELECT, VALUES or set operation: open it to stream its rows. */
public final class PlannedQuery implements PlannedStatement {
    private final Plan plan;
    private final List<ResultColumn> columns;
    private final int[] paramTypes;
    private final Set<Integer> relationOids;

    public PlannedQuery(Plan plan, List<ResultColumn> columns, int[] paramTypes, Set<Integer> relationOids) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.columns = List.copyOf(columns);
        this.paramTypes = paramTypes.clone();
        this.relationOids = Set.copyOf(relationOids);
    }

    /** ExecutorStart: a cursor over the result rows, one value per {@link #columns()} entry. */
    public RowCursor open(ExecContext ctx) {
        return new PlanCursor(plan, ctx);
    }

    /** The plan tree (for tests and EXPLAIN-like inspection). */
    public Plan plan() {
        return plan;
    }

    @Override
    public String commandName() {
        return "SELECT";
    }

    @Override
    public int[] paramTypes() {
        return paramTypes.clone();
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public Set<Integer> relationOids() {
        return relationOids;
    }
}
