package dev.tusk.executor.modify;

import dev.tusk.executor.DeleteRow;
import dev.tusk.executor.DmlSource;
import dev.tusk.executor.ExecContext;
import dev.tusk.executor.PlannedDelete;
import dev.tusk.executor.PlannedInsert;
import dev.tusk.executor.PlannedStatement;
import dev.tusk.executor.PlannedUpdate;
import dev.tusk.executor.Returning;
import dev.tusk.executor.UpdateRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies an INSERT, UPDATE or DELETE (PostgreSQL's nodeModifyTable.c): pulls the rows H5's plan produces,
 * writes each through a {@link RelationWriter}, collects RETURNING rows, runs the statement's foreign-key work at
 * its end, and gives PostgreSQL's command tag.
 */
public final class ModifyTable {
    private ModifyTable() {
    }

    /** What the statement did: its tag ("INSERT 0 3") and RETURNING rows (null without RETURNING). */
    public record Result(String tag, long count, List<Object[]> returning) {}

    public static Result run(PlannedStatement plan, ExecContext ctx, boolean wantReturning) {
        ModifyState state = new ModifyState(ctx);
        List<Object[]> out = wantReturning ? new ArrayList<>() : null;
        long n = switch (plan) {
            case PlannedInsert p -> insert(p, state, out);
            case PlannedUpdate p -> update(p, state, out);
            case PlannedDelete p -> delete(p, state, out);
            default -> throw new IllegalArgumentException("not a DML plan: " + plan.commandName());
        };
        state.finish();
        String tag = switch (plan) {
            case PlannedInsert p -> "INSERT 0 " + n;
            default -> plan.commandName() + " " + n;
        };
        return new Result(tag, n, out);
    }

    private static long insert(PlannedInsert p, ModifyState state, List<Object[]> out) {
        RelationWriter w = state.writer(p.target());
        Returning ret = p.returning();
        OnConflictInsert onConflict = p.onConflict() == null ? null : new OnConflictInsert(state, w, p.onConflict());
        long n = 0;
        try (DmlSource<Object[]> src = p.open(state.ctx())) {
            Object[] row;
            while ((row = src.next()) != null) {
                state.ctx().checkInterrupts();
                if (onConflict != null) {
                    row = onConflict.apply(row);
                    if (row == null) {
                        continue;
                    }
                } else {
                    w.insert(row);
                }
                n++;
                if (out != null && ret != null) {
                    out.add(ret.project(row, null, state.ctx()));
                }
            }
        }
        return n;
    }

    private static long update(PlannedUpdate p, ModifyState state, List<Object[]> out) {
        RelationWriter w = state.writer(p.target());
        Returning ret = p.returning();
        ExecContext ctx = state.ctx();
        long n = 0;
        try (DmlSource<UpdateRow> src = p.open(ctx)) {
            UpdateRow row;
            while ((row = src.next()) != null) {
                ctx.checkInterrupts();
                UpdateRow[] current = {row};
                UpdateRow first = row;
                Object[] written = w.update(row.ctid(), row.oldRow(), row.newRow(), p.updatedAttnums(), newest -> {
                    UpdateRow again = p.recheck(first, newest, null, ctx);
                    if (again == null) {
                        return null;
                    }
                    current[0] = again;
                    return again.newRow();
                });
                if (written == null) {
                    continue;
                }
                n++;
                if (out != null && ret != null) {
                    out.add(ret.project(written, current[0].sourceRow(), ctx));
                }
            }
        }
        return n;
    }

    private static long delete(PlannedDelete p, ModifyState state, List<Object[]> out) {
        RelationWriter w = state.writer(p.target());
        Returning ret = p.returning();
        ExecContext ctx = state.ctx();
        long n = 0;
        try (DmlSource<DeleteRow> src = p.open(ctx)) {
            DeleteRow row;
            while ((row = src.next()) != null) {
                ctx.checkInterrupts();
                DeleteRow[] current = {row};
                DeleteRow first = row;
                Object[] deleted = w.delete(row.ctid(), row.oldRow(), newest -> {
                    DeleteRow again = p.recheck(first, newest, null, ctx);
                    if (again == null) {
                        return false;
                    }
                    current[0] = again;
                    return true;
                });
                if (deleted == null) {
                    continue;
                }
                n++;
                if (out != null && ret != null) {
                    out.add(ret.project(deleted, current[0].sourceRow(), ctx));
                }
            }
        }
        return n;
    }
}
