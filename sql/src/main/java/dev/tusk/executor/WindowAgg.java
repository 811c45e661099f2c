package dev.tusk.executor;

import dev.tusk.nodes.WindowDef;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Computes window functions sharing one window (PostgreSQL's nodeWindowAgg.c, with the input sort done here):
 * buffers its whole input in memory, sorts it stably by PARTITION BY then ORDER BY keys, and emits each input
 * row followed by one value per function. Frames: ROWS, GROUPS, and RANGE (offsets for numeric keys only), with EXCLUDE.
 * Buffering everything instead of one partition at a time is a known gap (no spilling past work_mem).
 *
 * @param partition    PARTITION BY evaluators (over the input row)
 * @param partTypes    their types
 * @param order        ORDER BY evaluators
 * @param orderKeys    sort keys for ORDER BY over the key row {@code [order values...]}
 * @param frameOptions WindowDef FRAMEOPTION_* bits
 * @param startOffset  the frame start offset (int8), or null
 * @param endOffset    the frame end offset (int8), or null
 * @param functions    the functions computed, in output order
 */
public record WindowAgg(Plan child, Evaluator[] partition, int[] partTypes, Evaluator[] order,
        List<SortKey> orderKeys, int frameOptions, Evaluator startOffset, Evaluator endOffset,
        List<WindowFunctions> functions) implements Plan {

    /** One buffered input row with its key values. */
    private record Entry(Object[] row, Object[] part, Object[] ord) {
    }

    @Override
    public ExecNode start(ExecState st) {
        return new ExecNode() {
            private List<Object[]> out;
            private int pos;

            @Override
            public Object[] next() {
                if (out == null) {
                    out = run(st);
                }
                return pos < out.size() ? out.get(pos++) : null;
            }

            @Override
            public void close() {
                out = List.of();
            }
        };
    }

    private List<Object[]> run(ExecState st) {
        List<Entry> rows = new ArrayList<>();
        ExecNode in = child.start(st);
        try {
            for (Object[] r = in.next(); r != null; r = in.next()) {
                rows.add(new Entry(r, evalAll(partition, r, st), evalAll(order, r, st)));
                st.tick();
            }
        } finally {
            in.close();
        }
        List<SortKey> partKeys = new ArrayList<>();
        for (int i = 0; i < partTypes.length; i++) {
            partKeys.add(new SortKey(i, partTypes[i], false, false));
        }
        Comparator<Object[]> partCmp = SortKey.comparator(partKeys);
        Comparator<Object[]> ordCmp = SortKey.comparator(orderKeys);
        Comparator<Entry> cmp = (x, y) -> {
            int c = partCmp.compare(x.part, y.part);
            return c != 0 ? c : ordCmp.compare(x.ord, y.ord);
        };
        rows.sort(cmp);
        List<Object[]> result = new ArrayList<>(rows.size());
        int width = child.width();
        int start = 0;
        while (start < rows.size()) {
            int end = start + 1;
            while (end < rows.size() && partCmp.compare(rows.get(start).part, rows.get(end).part) == 0) {
                end++;
            }
            List<Entry> part = rows.subList(start, end);
            PartitionImpl p = new PartitionImpl(part, ordCmp, st);
            Object[][] values = new Object[functions.size()][];
            for (int f = 0; f < functions.size(); f++) {
                values[f] = new Object[part.size()];
                functions.get(f).compute(p, values[f], st);
            }
            for (int i = 0; i < part.size(); i++) {
                Object[] r = Arrays.copyOf(part.get(i).row, width + functions.size());
                for (int f = 0; f < functions.size(); f++) {
                    r[width + f] = values[f][i];
                }
                result.add(r);
            }
            start = end;
        }
        return result;
    }

    private static Object[] evalAll(Evaluator[] es, Object[] row, ExecState st) {
        Object[] v = new Object[es.length];
        for (int i = 0; i < es.length; i++) {
            v[i] = es[i].eval(row, st);
        }
        return v;
    }

    private boolean has(int option) {
        return (frameOptions & option) != 0;
    }

    /** A sorted partition with its peer groups and the frame rule of this window. */
    private final class PartitionImpl implements WindowFunctions.Partition {
        private final List<Entry> rows;
        private final int[] group;
        private final int[] groupStart;
        private final int[] groupEnd;
        private final long startOff;
        private final long endOff;
        private final java.math.BigDecimal startRange;
        private final java.math.BigDecimal endRange;

        PartitionImpl(List<Entry> rows, Comparator<Object[]> ordCmp, ExecState st) {
            this.rows = rows;
            int n = rows.size();
            group = new int[n];
            List<Integer> starts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i == 0 || ordCmp.compare(rows.get(i - 1).ord, rows.get(i).ord) != 0) {
                    starts.add(i);
                }
                group[i] = starts.size() - 1;
            }
            groupStart = starts.stream().mapToInt(Integer::intValue).toArray();
            groupEnd = new int[groupStart.length];
            for (int g = 0; g < groupStart.length; g++) {
                groupEnd[g] = g + 1 < groupStart.length ? groupStart[g + 1] : n;
            }
            Object[] first = n == 0 ? null : rows.get(0).row;
            startRange = offset(startOffset, first, st, "starting");
            endRange = offset(endOffset, first, st, "ending");
            startOff = startRange == null ? 0 : startRange.longValue();
            endOff = endRange == null ? 0 : endRange.longValue();
        }

        private java.math.BigDecimal offset(Evaluator e, Object[] row, ExecState st, String which) {
            if (e == null || row == null) {
                return null;
            }
            Object v = e.eval(row, st);
            if (v == null) {
                throw new TuskException(SqlState.NULL_VALUE_NOT_ALLOWED, "frame " + which
                        + " offset must not be null");
            }
            java.math.BigDecimal off = decimal(v);
            if (off.signum() < 0) {
                throw has(WindowDef.FRAMEOPTION_RANGE)
                        ? new TuskException(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE,
                                "invalid preceding or following size in window function")
                        : new TuskException(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE, "frame " + which
                                + " offset must not be negative");
            }
            return off;
        }

        private static java.math.BigDecimal decimal(Object v) {
            return switch (v) {
                case java.math.BigDecimal d -> d;
                case Double d -> java.math.BigDecimal.valueOf(d);
                case Float f -> java.math.BigDecimal.valueOf(f.doubleValue());
                default -> java.math.BigDecimal.valueOf(((Number) v).longValue());
            };
        }

        /**
         * RANGE frame bound by value (in_range): the first row (for a start) or one past the last row (for an
         * end) whose ORDER BY value lies within {@code off} before ({@code preceding}) or after the current
         * row's value, in the ordering's direction. NULL keys are peers only of each other.
         */
        private int rangeBound(int i, java.math.BigDecimal off, boolean preceding, boolean isStart) {
            int n = rows.size();
            Object cur = rows.get(i).ord[0];
            if (cur == null) {
                return isStart ? peerStart(i) : peerEnd(i);
            }
            java.math.BigDecimal limit = preceding ? off.negate() : off;
            java.math.BigDecimal c = decimal(cur);
            int sign = orderKeys.get(0).descending() ? -1 : 1;
            int found = isStart ? n : 0;
            for (int j = 0; j < n; j++) {
                Object k = rows.get(j).ord[0];
                if (k == null) {
                    continue;
                }
                java.math.BigDecimal diff = decimal(k).subtract(c);
                if (sign < 0) {
                    diff = diff.negate();
                }
                if (isStart && diff.compareTo(limit) >= 0) {
                    return j;
                }
                if (!isStart && diff.compareTo(limit) <= 0) {
                    found = j + 1;
                }
            }
            return found;
        }

        @Override
        public int size() {
            return rows.size();
        }

        @Override
        public Object[] row(int i) {
            return rows.get(i).row;
        }

        @Override
        public int peerStart(int i) {
            return groupStart[group[i]];
        }

        @Override
        public int peerEnd(int i) {
            return groupEnd[group[i]];
        }

        @Override
        public int peerGroup(int i) {
            return group[i];
        }

        @Override
        public boolean excludes() {
            return has(WindowDef.FRAMEOPTION_EXCLUDE_CURRENT_ROW | WindowDef.FRAMEOPTION_EXCLUDE_GROUP
                    | WindowDef.FRAMEOPTION_EXCLUDE_TIES);
        }

        @Override
        public boolean excluded(int i, int j) {
            if (has(WindowDef.FRAMEOPTION_EXCLUDE_CURRENT_ROW)) {
                return i == j;
            }
            if (has(WindowDef.FRAMEOPTION_EXCLUDE_GROUP)) {
                return group[i] == group[j];
            }
            return has(WindowDef.FRAMEOPTION_EXCLUDE_TIES) && group[i] == group[j] && i != j;
        }

        @Override
        public int[] frame(int i) {
            int n = rows.size();
            long s;
            long e;
            boolean rowsMode = has(WindowDef.FRAMEOPTION_ROWS);
            int g = group[i];
            int ng = groupStart.length;
            if (has(WindowDef.FRAMEOPTION_START_UNBOUNDED_PRECEDING)) {
                s = 0;
            } else if (has(WindowDef.FRAMEOPTION_START_CURRENT_ROW)) {
                s = rowsMode ? i : peerStart(i);
            } else if (has(WindowDef.FRAMEOPTION_RANGE) && startRange != null) {
                s = rangeBound(i, startRange, has(WindowDef.FRAMEOPTION_START_OFFSET_PRECEDING), true);
            } else if (has(WindowDef.FRAMEOPTION_START_OFFSET_PRECEDING)) {
                s = rowsMode ? i - startOff : g - startOff < 0 ? 0 : groupStart[(int) (g - startOff)];
            } else if (has(WindowDef.FRAMEOPTION_START_OFFSET_FOLLOWING)) {
                s = rowsMode ? i + startOff : g + startOff >= ng ? n : groupStart[(int) (g + startOff)];
            } else {
                s = n; // START UNBOUNDED FOLLOWING is rejected by the grammar
            }
            if (has(WindowDef.FRAMEOPTION_END_UNBOUNDED_FOLLOWING)) {
                e = n;
            } else if (has(WindowDef.FRAMEOPTION_END_CURRENT_ROW)) {
                e = rowsMode ? i + 1 : peerEnd(i);
            } else if (has(WindowDef.FRAMEOPTION_RANGE) && endRange != null) {
                e = rangeBound(i, endRange, has(WindowDef.FRAMEOPTION_END_OFFSET_PRECEDING), false);
            } else if (has(WindowDef.FRAMEOPTION_END_OFFSET_PRECEDING)) {
                e = rowsMode ? i - endOff + 1 : g - endOff < 0 ? 0 : groupEnd[(int) (g - endOff)];
            } else if (has(WindowDef.FRAMEOPTION_END_OFFSET_FOLLOWING)) {
                e = rowsMode ? i + endOff + 1 : g + endOff >= ng ? n : groupEnd[(int) (g + endOff)];
            } else {
                e = 0;
            }
            int fs = (int) Math.max(0, Math.min(n, s));
            int fe = (int) Math.max(fs, Math.min(n, e));
            return new int[] {fs, fe};
        }
    }

    @Override
    public int width() {
        return child.width() + functions.size();
    }

    @Override
    public List<Plan> children() {
        return List.of(child);
    }

    @Override
    public String describe() {
        return "WindowAgg " + functions.stream().map(WindowFunctions::name).toList();
    }
}
