package dev.tusk.executor;

import dev.tusk.catalog.RelationDesc;
import java.util.Objects;
import java.util.Set;

/**
 * A planned UPDATE [... FROM ...] [WHERE ...]. {@link #open} yields one {@link UpdateRow} per target row the
 * statement's snapshot sees and the WHERE (and FROM join) accepts; H6 applies each with heap_update and index
 * maintenance. With UPDATE ... FROM, a target row joined to several source rows is yielded once per match
 * (PostgreSQL updates it once and ignores the later ones: H6 sees the row already updated by its own command,
 * {@code TmResult.SelfUpdated}, and skips it).
 *
 * <p>READ COMMITTED (EvalPlanQual): when heap_update reports the row concurrently updated and the updater
 * committed, H6 fetches the newest version and calls {@link #recheck}: it re-evaluates the WHERE on it and
 * returns the new row to write, or null when the row no longer qualifies (skip it).
 */
public final class PlannedUpdate extends PlannedDml implements PlannedStatement {
    private final RelationDesc target;
    private final Plan source;
    private final DmlShape shape;
    private final Set<Integer> updatedAttnums;

    public PlannedUpdate(RelationDesc target, Plan source, DmlShape shape, Set<Integer> updatedAttnums,
            Returning returning, int[] paramTypes, Set<Integer> relationOids) {
        super(returning, paramTypes, relationOids);
        this.target = Objects.requireNonNull(target, "target");
        this.source = Objects.requireNonNull(source, "source");
        this.shape = Objects.requireNonNull(shape, "shape");
        this.updatedAttnums = Set.copyOf(updatedAttnums);
    }

    public RelationDesc target() {
        return target;
    }

    /** Attnums named in SET (for the HOT decision and FK checks: a column not listed keeps its value). */
    public Set<Integer> updatedAttnums() {
        return updatedAttnums;
    }

    /** The rows to update, lazily. */
    public DmlSource<UpdateRow> open(ExecContext ctx) {
        PlanCursor c = new PlanCursor(source, ctx);
        return new DmlSource<>() {
            @Override
            public UpdateRow next() {
                Object[] in = c.next();
                if (in == null) {
                    return null;
                }
                return new UpdateRow(shape.ctid(in), shape.oldRow(in), shape.newRow(in, c.state()), in);
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }

    /**
     * EvalPlanQual: {@code newest} is the newest committed version of the row of {@code row} (attnum order,
     * SQL carriers). Returns the row to write instead of {@code row.newRow()} (its {@code sourceRow} updated),
     * or null when the WHERE clause no longer holds.
     */
    public UpdateRow recheck(UpdateRow row, Object[] newest, dev.tusk.access.heap.ItemPointer newestTid,
            ExecContext ctx) {
        ExecState st = new ExecState(ctx);
        Object[] in = shape.substitute(row.sourceRow(), newest, st);
        if (in == null) {
            return null;
        }
        return new UpdateRow(newestTid, newest.clone(), shape.newRow(in, st), in);
    }

    @Override
    public String commandName() {
        return "UPDATE";
    }
}
