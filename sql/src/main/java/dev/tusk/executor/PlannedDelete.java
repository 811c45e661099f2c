package dev.tusk.executor;

import dev.tusk.catalog.RelationDesc;
import dev.tusk.tcop.ResultColumn;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A planned DELETE [... USING ...] [WHERE ...]: {@link #open} yields one {@link DeleteRow} per target row to
 * delete (possibly repeated with USING; H6 skips rows its own command already deleted). {@link #recheck} is
 * the READ COMMITTED re-check of the WHERE clause against the newest version of a concurrently updated row.
 */
public final class PlannedDelete implements PlannedStatement {
    private final RelationDesc target;
    private final Plan source;
    private final DmlShape shape;
    private final Returning returning;
    private final int[] paramTypes;
    private final Set<Integer> relationOids;

    public PlannedDelete(RelationDesc target, Plan source, DmlShape shape, Returning returning, int[] paramTypes,
            Set<Integer> relationOids) {
        this.target = Objects.requireNonNull(target, "target");
        this.source = Objects.requireNonNull(source, "source");
        this.shape = Objects.requireNonNull(shape, "shape");
        this.returning = returning;
        this.paramTypes = paramTypes.clone();
        this.relationOids = Set.copyOf(relationOids);
    }

    public RelationDesc target() {
        return target;
    }

    public DmlSource<DeleteRow> open(ExecContext ctx) {
        PlanCursor c = new PlanCursor(source, ctx);
        return new DmlSource<>() {
            @Override
            public DeleteRow next() {
                Object[] in = c.next();
                return in == null ? null : new DeleteRow(shape.ctid(in), shape.oldRow(in), in);
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }

    /** EvalPlanQual: the row to delete instead (with the newest version), or null when WHERE no longer holds. */
    public DeleteRow recheck(DeleteRow row, Object[] newest, dev.tusk.access.heap.ItemPointer newestTid,
            ExecContext ctx) {
        Object[] in = shape.substitute(row.sourceRow(), newest, new ExecState(ctx));
        return in == null ? null : new DeleteRow(newestTid, newest.clone(), in);
    }

    public Returning returning() {
        return returning;
    }

    @Override
    public String commandName() {
        return "DELETE";
    }

    @Override
    public int[] paramTypes() {
        return paramTypes.clone();
    }

    @Override
    public List<ResultColumn> columns() {
        return returning == null ? null : returning.columns();
    }

    @Override
    public Set<Integer> relationOids() {
        return relationOids;
    }
}
