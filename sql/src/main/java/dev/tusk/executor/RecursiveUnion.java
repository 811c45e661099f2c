package dev.tusk.executor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * WITH RECURSIVE (PostgreSQL's nodeRecursiveunion.c): the non-recursive term's rows, then the recursive term run
 * repeatedly over the rows of the previous round (its {@link WorkTableScan} reads them under {@code workKey})
 * until a round adds nothing. UNION (not ALL) drops rows already produced. Computed fully on first use.
 */
public record RecursiveUnion(Plan nonRecursive, Plan recursive, Object workKey, boolean all, int[] types)
        implements Plan {
    @Override
    public ExecNode start(ExecState st) {
        int[] slots = new int[types.length];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = i;
        }
        return new ExecNode() {
            private List<Object[]> result;
            private int pos;

            private void compute() {
                result = new ArrayList<>();
                Set<RowKey> seen = new HashSet<>();
                List<Object[]> working = collect(nonRecursive, st, seen, slots);
                List<Object> innerCtes = new ArrayList<>();
                cteKeys(recursive, innerCtes);
                while (!working.isEmpty()) {
                    result.addAll(working);
                    st.shared().put(workKey, working);
                    // a WITH inside the recursive term may read the work table: recompute it every round
                    for (Object k : innerCtes) {
                        st.shared().remove(k);
                    }
                    working = collect(recursive, st, seen, slots);
                }
                st.shared().remove(workKey);
            }

            private List<Object[]> collect(Plan p, ExecState s, Set<RowKey> seen, int[] sl) {
                List<Object[]> out = new ArrayList<>();
                ExecNode n = p.start(s);
                try {
                    for (Object[] r = n.next(); r != null; r = n.next()) {
                        s.tick();
                        if (all || seen.add(RowKey.of(r, sl, types))) {
                            out.add(r);
                        }
                    }
                } finally {
                    n.close();
                }
                return out;
            }

            @Override
            public Object[] next() {
                if (result == null) {
                    compute();
                }
                return pos < result.size() ? result.get(pos++) : null;
            }

            @Override
            public void close() {
                result = List.of();
            }
        };
    }

    private static void cteKeys(Plan p, List<Object> out) {
        if (p instanceof CteScan c) {
            out.add(c.key());
        }
        for (Plan child : p.children()) {
            cteKeys(child, out);
        }
    }

    @Override
    public int width() {
        return types.length;
    }

    @Override
    public List<Plan> children() {
        return List.of(nonRecursive, recursive);
    }

    @Override
    public String describe() {
        return "Recursive Union" + (all ? " All" : "");
    }
}
