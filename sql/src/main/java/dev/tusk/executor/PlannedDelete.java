package dev.tusk.executor;

import dev.tusk.catalog.RelationDesc;
import java.util.Objects;
import java.util.Set;

/**
 * A planned DELETE [... USING ...] [WHERE ...]: {@link #open} yields one {@link DeleteRow} per target row to
 * delete (possibly repeated with USING; H6 skips rows its own command already deleted). {@link #recheck} is
 * the READ COMMITTED re-check of the WHERE clause against the newest version of a concurrently updated row.
 */
public final class PlannedDelete extends PlannedDml implements PlannedStatement {
    private final RelationDesc target;
    private final Plan source;
    private final DmlShape shape;

    public PlannedDelete(RelationDesc target, Plan source, DmlShape shape, Returning returning, int[] paramTypes,
            Set<Integer> relationOids) {
        super(returning, paramTypes, relationOids);
        this.target = Objects.requireNonNull(target, "target");
        this.source = Objects.requireNonNull(source, "source");
        this.shape = Objects.requireNonNull(shape, "shape");
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

    @Override
    public String commandName() {
        return "DELETE";
    }
}
