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
        return new ExecNode() {
            private Map<RowKey, List<JoinRows.Inner>> table;
            private List<JoinRows.Inner> all;
            private Object[] current;
            private List<JoinRows.Inner> bucket;
            private int pos;
            private boolean matched;
            private int unmatchedPos = -1;

            private void build() {
                table = new HashMap<>();
                all = new ArrayList<>();
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
            }

            @Override
            public Object[] next() {
                if (table == null) {
                    build();
                }
                while (true) {
                    if (unmatchedPos >= 0) {
                        while (unmatchedPos < all.size()) {
                            JoinRows.Inner e = all.get(unmatchedPos++);
                            if (!e.matched) {
                                return JoinRows.concat(null, lw, e.row, rw);
                            }
                        }
                        return null;
                    }
                    if (current == null) {
                        current = outer.next();
                        if (current == null) {
                            if (kind.emitsUnmatchedRight()) {
                                unmatchedPos = 0;
                                continue;
                            }
                            return null;
                        }
                        st.tick();
                        RowKey k = key(current, leftKeys, st);
                        bucket = k.hasNull() ? List.of() : table.getOrDefault(k, List.of());
                        pos = 0;
                        matched = false;
                    }
                    while (pos < bucket.size()) {
                        JoinRows.Inner e = bucket.get(pos++);
                        Object[] joined = kind.leftOnly() && residual == null ? null
                                : JoinRows.concat(current, lw, e.row, rw);
                        if (residual == null || residual.test(joined, st)) {
                            matched = true;
                            e.matched = true;
                            if (kind == JoinKind.ANTI) {
                                break;
                            }
                            if (kind == JoinKind.SEMI) {
                                Object[] r = current;
                                current = null;
                                return r;
                            }
                            return joined;
                        }
                    }
                    Object[] done = current;
                    boolean wasMatched = matched;
                    current = null;
                    if (!wasMatched && kind == JoinKind.ANTI) {
                        return done;
                    }
                    if (!wasMatched && kind.emitsUnmatchedLeft()) {
                        return JoinRows.concat(done, lw, null, rw);
                    }
                }
            }

            @Override
            public void close() {
                outer.close();
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
