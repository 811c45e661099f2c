package dev.tusk.executor;

import dev.tusk.access.heap.ItemPointer;

/**
 * How the joined input rows of an UPDATE or DELETE map onto the target relation (the planner's output for
 * {@link PlannedUpdate}/{@link PlannedDelete}).
 *
 * @param ctidSlot    position of the target row's {@link ItemPointer} in the input row
 * @param targetSlots for each column of the target relation (attnum order, dropped included), its position in
 *                    the input row, or -1 (dropped: null)
 * @param quals       the WHERE clause over the input row (for {@code recheck}), null when none
 * @param newValues   UPDATE: per target column, the new value over the input row; null for DELETE
 */
public record DmlShape(int ctidSlot, int[] targetSlots, Evaluator quals, Evaluator[] newValues) {
    ItemPointer ctid(Object[] in) {
        return (ItemPointer) in[ctidSlot];
    }

    Object[] oldRow(Object[] in) {
        Object[] out = new Object[targetSlots.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = targetSlots[i] < 0 ? null : in[targetSlots[i]];
        }
        return out;
    }

    Object[] newRow(Object[] in, ExecState st) {
        Object[] out = new Object[newValues.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = newValues[i] == null ? null : newValues[i].eval(in, st);
        }
        return out;
    }

    /** The input row with the target's values replaced by {@code newest}; null when the quals now fail. */
    Object[] substitute(Object[] in, Object[] newest, ExecState st) {
        Object[] row = in.clone();
        for (int i = 0; i < targetSlots.length; i++) {
            if (targetSlots[i] >= 0) {
                row[targetSlots[i]] = newest[i];
            }
        }
        if (quals != null && !Boolean.TRUE.equals(quals.eval(row, st))) {
            return null;
        }
        return row;
    }
}
