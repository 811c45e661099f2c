package dev.tusk.executor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Hash join (PostgreSQL's nodeHashjoin.c) on equality of {@code leftKeys} and {@code rightKeys} (expressions
 * over the left and right input rows, pairwise of the same type): builds an in-memory hash table on the right input, probes with each left row.
 * NULL keys never match. {@code residual} (may be null) is the rest of the join condition over the
 * concatenated row.
 */
public record HashJoin(Plan left, Plan right, JoinKind kind, Evaluator[] leftKeys, Evaluator[] rightKeys,
        int[] keyTypes,
        BiPredicate<Object[], ExecState> residual, String condText, String filterText) implements Plan {
    /** A hash join without EXPLAIN texts. */
    public HashJoin(Plan left, Plan right, JoinKind kind, Evaluator[] leftKeys, Evaluator[] rightKeys, int[] keyTypes,
            BiPredicate<Object[], ExecState> residual) {
        this(left, right, kind, leftKeys, rightKeys, keyTypes, residual, null, null);
    }

    @Override
    public ExecNode start(ExecState st) {
        int lw = left.width();
        int rw = right.width();
        ExecNode outer = left.start(st);
        return new JoinEmitter(st, outer, kind, residual, lw, rw) {
            private Map<RowKey, List<JoinRows.Inner>> table;

            @Override
            List<JoinRows.Inner> buildInner() {
                table = new HashMap<>();
                List<JoinRows.Inner> all = new ArrayList<>();
                ExecNode in = right.start(st);
                try {
                    for (Object[] r = in.next(); r != null; r = in.next()) {
                        st.tick();
                        JoinRows.Inner e = new JoinRows.Inner(r);
                        if (kind.emitsUnmatchedRight()) {
                            all.add(e);
                        }
                        RowKey k = key(r, rightKeys, st);
                        if (!k.hasNull()) {
                            table.computeIfAbsent(k, x -> new ArrayList<>(1)).add(e);
                        }
                    }
                } finally {
                    in.close();
                }
                return all;
            }

            @Override
            List<JoinRows.Inner> candidates(Object[] outerRow) {
                st.tick();
                RowKey k = key(outerRow, leftKeys, st);
                return k.hasNull() ? List.of() : table.getOrDefault(k, List.of());
            }

            @Override
            Object[] joined(Object[] outerRow, JoinRows.Inner in) {
                // SEMI and ANTI without a residual only need to know a bucket entry exists.
                return kind.leftOnly() && residual == null ? null : super.joined(outerRow, in);
            }

            @Override
            public void close() {
                super.close();
                table = Map.of();
            }
        };
    }

    private RowKey key(Object[] row, Evaluator[] keys, ExecState st) {
        Object[] v = new Object[keys.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = keys[i].eval(row, st);
        }
        return new RowKey(v, keyTypes);
    }

    @Override
    public int width() {
        return kind.leftOnly() ? left.width() : left.width() + right.width();
    }

    @Override
    public List<Plan> children() {
        return List.of(left, right);
    }

    @Override
    public String describe() {
        return "Hash Join " + kind;
    }
}
