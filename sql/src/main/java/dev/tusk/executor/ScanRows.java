package dev.tusk.executor;

import dev.tusk.access.heap.HeapTuple;
import java.util.function.BiPredicate;

/** The output row of the table scans ({@link SeqScan}, {@link IndexScan}) and their qual check. */
final class ScanRows {
    private ScanRows() {
    }

    /**
     * A heap tuple as a scan's output row: the {@code types.length} columns in attnum order as SQL carriers
     * (columns the tuple predates are null), then its ctid.
     */
    static Object[] fromTuple(HeapTuple t, int[] types) {
        int n = types.length;
        Object[] row = new Object[n + 1];
        Object[] vals = t.values();
        System.arraycopy(vals, 0, row, 0, Math.min(n, vals.length));
        StorageCarriers.rowFromStorage(types, row);
        row[n] = t.tid();
        return row;
    }

    /** Whether {@code row} passes the scan's filter (a null qual passes everything). */
    static boolean passes(BiPredicate<Object[], ExecState> qual, Object[] row, ExecState st) {
        return qual == null || qual.test(row, st);
    }
}
