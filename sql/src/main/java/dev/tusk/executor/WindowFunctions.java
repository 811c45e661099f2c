package dev.tusk.executor;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/**
 * One window function as WindowAgg computes it over a sorted partition (PostgreSQL's windowfuncs.c for the
 * built-ins; nodeWindowAgg.c's aggregate path for aggregates, here recomputed per distinct frame).
 *
 * @param name     the function name (row_number, rank, ..., or the aggregate's name)
 * @param agg      for an aggregate used as a window function, its Agg spec (arguments, FILTER); else null
 * @param args     argument evaluators of a built-in (over the input row)
 */
public record WindowFunctions(String name, AggSpec agg, Evaluator[] args) {

    /** The partition being computed: rows in window order, peer groups and frames. */
    interface Partition {
        int size();

        Object[] row(int i);

        /** First row (inclusive) of row i's peer group. */
        int peerStart(int i);

        /** End (exclusive) of row i's peer group. */
        int peerEnd(int i);

        /** 0-based number of row i's peer group. */
        int peerGroup(int i);

        /** Frame of row i as {start, end} (end exclusive, possibly empty), before any EXCLUDE. */
        int[] frame(int i);

        /** Whether the frame has an EXCLUDE clause (CURRENT ROW, GROUP or TIES). */
        boolean excludes();

        /** Whether row j of row i's frame is removed by the EXCLUDE clause. */
        boolean excluded(int i, int j);
    }

    /** Fills {@code out[i]} with this function's value for every row i of the partition. */
    void compute(Partition p, Object[] out, ExecState st) {
        int n = p.size();
        switch (name) {
            case "row_number" -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (long) i + 1;
                }
            }
            case "rank" -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (long) p.peerStart(i) + 1;
                }
            }
            case "dense_rank" -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (long) p.peerGroup(i) + 1;
                }
            }
            case "percent_rank" -> {
                for (int i = 0; i < n; i++) {
                    out[i] = n > 1 ? (double) p.peerStart(i) / (n - 1) : 0.0;
                }
            }
            case "cume_dist" -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (double) p.peerEnd(i) / n;
                }
            }
            case "ntile" -> ntile(p, out, st);
            case "lag", "lead" -> shift(p, out, st, name.equals("lag") ? -1 : 1);
            case "first_value", "last_value", "nth_value" -> valueAt(p, out, st);
            default -> aggregate(p, out, st);
        }
    }

    private void ntile(Partition p, Object[] out, ExecState st) {
        int n = p.size();
        if (n == 0) {
            return;
        }
        // windowfuncs.c evaluates the bucket count once per partition, at its first row.
        Object b = args[0].eval(p.row(0), st);
        if (b == null) {
            java.util.Arrays.fill(out, 0, n, null);
            return;
        }
        int buckets = (Integer) b;
        if (buckets <= 0) {
            throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_NTILE,
                    "argument of ntile must be greater than zero");
        }
        int per = n / buckets;
        int extra = n % buckets;
        int row = 0;
        for (int bucket = 1; bucket <= buckets && row < n; bucket++) {
            int size = per + (bucket <= extra ? 1 : 0);
            for (int k = 0; k < size && row < n; k++) {
                out[row++] = bucket;
            }
        }
    }

    private void shift(Partition p, Object[] out, ExecState st, int dir) {
        int n = p.size();
        for (int i = 0; i < n; i++) {
            Object[] cur = p.row(i);
            int off = 1;
            if (args.length >= 2) {
                Object o = args[1].eval(cur, st);
                if (o == null) {
                    out[i] = null;
                    continue;
                }
                off = (Integer) o;
            }
            long target = (long) i + (long) dir * off;
            if (target >= 0 && target < n) {
                out[i] = args[0].eval(p.row((int) target), st);
            } else {
                out[i] = args.length == 3 ? args[2].eval(cur, st) : null;
            }
        }
    }

    private void valueAt(Partition p, Object[] out, ExecState st) {
        int n = p.size();
        for (int i = 0; i < n; i++) {
            int[] f = p.frame(i);
            int at;
            if (p.excludes()) {
                out[i] = excludingValue(p, i, f, st);
                continue;
            }
            if (name.equals("first_value")) {
                at = f[0];
            } else if (name.equals("last_value")) {
                at = f[1] - 1;
            } else {
                Object k = args[1].eval(p.row(i), st);
                if (k == null) {
                    out[i] = null;
                    continue;
                }
                int nth = (Integer) k;
                if (nth <= 0) {
                    throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_NTH_VALUE,
                            "argument of nth_value must be greater than zero");
                }
                at = f[0] + nth - 1;
            }
            out[i] = at >= f[0] && at < f[1] ? args[0].eval(p.row(at), st) : null;
        }
    }

    /** first/last/nth_value over a frame with holes (EXCLUDE). */
    private Object excludingValue(Partition p, int i, int[] f, ExecState st) {
        int nth = 1;
        if (name.equals("nth_value")) {
            Object k = args[1].eval(p.row(i), st);
            if (k == null) {
                return null;
            }
            nth = (Integer) k;
            if (nth <= 0) {
                throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_NTH_VALUE,
                        "argument of nth_value must be greater than zero");
            }
        }
        boolean last = name.equals("last_value");
        int seen = 0;
        for (int k = 0; k < f[1] - f[0]; k++) {
            int j = last ? f[1] - 1 - k : f[0] + k;
            if (!p.excluded(i, j) && ++seen == nth) {
                return args[0].eval(p.row(j), st);
            }
        }
        return null;
    }

    /**
     * The aggregate over each row's frame. Rows whose frame equals the previous row's share its result; a frame
     * with the same start that only grew (the default frame, ROWS UNBOUNDED PRECEDING) continues the previous
     * state, which relies on finish functions not consuming their state. Other frames (sliding) are recomputed
     * from scratch: PostgreSQL's inverse transitions (moving aggregates) are not built.
     */
    private void aggregate(Partition p, Object[] out, ExecState st) {
        int n = p.size();
        AggSpec.Group g = null;
        int start = -1;
        int end = -1;
        Object last = null;
        for (int i = 0; i < n; i++) {
            int[] f = p.frame(i);
            if (p.excludes()) {
                AggSpec.Group x = agg.newGroup();
                for (int j = f[0]; j < f[1]; j++) {
                    if (!p.excluded(i, j)) {
                        x.advance(p.row(j), st);
                    }
                }
                out[i] = x.finish(st);
                continue;
            }
            if (g != null && f[0] == start && f[1] == end) {
                out[i] = last;
                continue;
            }
            if (g == null || f[0] != start || f[1] < end) {
                g = agg.newGroup();
                start = f[0];
                end = f[0];
            }
            for (int j = end; j < f[1]; j++) {
                g.advance(p.row(j), st);
                st.tick();
            }
            end = Math.max(end, f[1]);
            last = g.finish(st);
            out[i] = last;
        }
    }
}
