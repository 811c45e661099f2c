package dev.tusk.executor;

import dev.tusk.catalog.IndexDesc;
import java.util.List;

/**
 * INSERT ... ON CONFLICT, compiled (PostgreSQL's ExecOnConflictUpdate inputs). H6's {@code executor.modify}
 * checks each new row against {@link #arbiters()} (all unique indexes when empty); on a conflict with an existing
 * row: {@link #doNothing()} skips the row; otherwise it locks the existing row and calls
 * {@link #updatedRow}: null = the WHERE failed (skip, no row counted), else the complete new version of the
 * existing row (attnum order, SQL carriers, typmod coercion applied) to write as an UPDATE of that row, with
 * {@link #updatedAttnums()} as the SET columns. RETURNING projects the written row as for a plain insert.
 * PostgreSQL raises 21000 "ON CONFLICT DO UPDATE command cannot affect row a second time" when one command
 * updates the same row twice.
 */
public record OnConflict(boolean doNothing, List<IndexDesc> arbiters, Evaluator[] setValues, Evaluator where,
        List<Integer> updatedAttnums) {
    /**
     * The new version of {@code existing} given the proposed row {@code excluded} (both attnum order), or null
     * when DO UPDATE's WHERE is not true.
     */
    public Object[] updatedRow(Object[] existing, Object[] excluded, ExecContext ctx) {
        int n = existing.length;
        Object[] in = new Object[2 * n];
        System.arraycopy(existing, 0, in, 0, n);
        System.arraycopy(excluded, 0, in, n, Math.min(n, excluded.length));
        ExecState st = new ExecState(ctx);
        if (where != null && !Boolean.TRUE.equals(where.eval(in, st))) {
            return null;
        }
        Object[] out = existing.clone();
        for (int i = 0; i < n && i < setValues.length; i++) {
            if (setValues[i] != null) {
                out[i] = setValues[i].eval(in, st);
            }
        }
        return out;
    }
}
