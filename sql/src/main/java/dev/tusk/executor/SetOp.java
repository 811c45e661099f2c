package dev.tusk.executor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * INTERSECT [ALL] and EXCEPT [ALL] with PostgreSQL's multiset semantics (nodeSetOp.c, hashed): a row occurring m
 * times on the left and n times on the right comes out min(m, n) times for INTERSECT ALL, max(m - n, 0) times
 * for EXCEPT ALL, and at most once without ALL. NULLs compare equal. Output order follows the left input.
 */
public record SetOp(Plan left, Plan right, boolean intersect, boolean all, int[] types) implements Plan {
    @Override
    public ExecNode start(ExecState st) {
        int[] slots = new int[types.length];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = i;
        }
        return new ExecNode() {
            private Map<RowKey, int[]> counts;
            private final Set<RowKey> emitted = new HashSet<>();
            private ExecNode in;

            @Override
            public Object[] next() {
                if (counts == null) {
                    counts = new HashMap<>();
                    ExecNode r = right.start(st);
                    try {
                        for (Object[] row = r.next(); row != null; row = r.next()) {
                            st.tick();
                            counts.computeIfAbsent(RowKey.of(row, slots, types), k -> new int[1])[0]++;
                        }
                    } finally {
                        r.close();
                    }
                    in = left.start(st);
                }
                for (Object[] row = in.next(); row != null; row = in.next()) {
                    st.tick();
                    RowKey k = RowKey.of(row, slots, types);
                    int[] c = counts.get(k);
                    int n = c == null ? 0 : c[0];
                    if (intersect) {
                        if (all) {
                            if (n > 0) {
                                c[0]--;
                                return row;
                            }
                        } else if (n > 0 && emitted.add(k)) {
                            return row;
                        }
                    } else if (all) {
                        if (n > 0) {
                            c[0]--;
                        } else {
                            return row;
                        }
                    } else if (n == 0 && emitted.add(k)) {
                        return row;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                if (in != null) {
                    in.close();
                }
            }
        };
    }

    @Override
    public int width() {
        return types.length;
    }

    @Override
    public List<Plan> children() {
        return List.of(left, right);
    }

    @Override
    public String describe() {
        return (intersect ? "Intersect" : "Except") + (all ? " All" : "");
    }
}
