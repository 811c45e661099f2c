package dev.tusk.executor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grouping and aggregation (PostgreSQL's nodeAgg.c in AGG_HASHED mode, or AGG_PLAIN without GROUP BY): output
 * rows are {@code [group values..., aggregate results...]}, groups in first-seen order. Without GROUP BY
 * exactly one row comes out, even for empty input (count = 0, sum = NULL).
 */
public record HashAgg(Plan child, Evaluator[] groupExprs, int[] groupTypes, List<AggSpec> aggs, String groupKeyText)
        implements Plan {
    public HashAgg(Plan child, Evaluator[] groupExprs, int[] groupTypes, List<AggSpec> aggs) {
        this(child, groupExprs, groupTypes, aggs, null);
    }

    @Override
    public ExecNode start(ExecState st) {
        return new ExecNode() {
            private Iterator<Map.Entry<RowKey, AggSpec.Group[]>> it;

            private void consume() {
                Map<RowKey, AggSpec.Group[]> groups = new LinkedHashMap<>();
                if (groupExprs.length == 0) {
                    groups.put(new RowKey(new Object[0], new int[0]), newGroups());
                }
                ExecNode in = child.start(st);
                try {
                    for (Object[] r = in.next(); r != null; r = in.next()) {
                        st.tick();
                        Object[] key = new Object[groupExprs.length];
                        for (int i = 0; i < key.length; i++) {
                            key[i] = groupExprs[i].eval(r, st);
                        }
                        AggSpec.Group[] g = groups.computeIfAbsent(new RowKey(key, groupTypes), k -> newGroups());
                        for (AggSpec.Group a : g) {
                            a.advance(r, st);
                        }
                    }
                } finally {
                    in.close();
                }
                it = groups.entrySet().iterator();
            }

            private AggSpec.Group[] newGroups() {
                AggSpec.Group[] g = new AggSpec.Group[aggs.size()];
                for (int i = 0; i < g.length; i++) {
                    g[i] = aggs.get(i).newGroup();
                }
                return g;
            }

            @Override
            public Object[] next() {
                if (it == null) {
                    consume();
                }
                if (!it.hasNext()) {
                    return null;
                }
                Map.Entry<RowKey, AggSpec.Group[]> e = it.next();
                Object[] key = e.getKey().values();
                Object[] out = new Object[key.length + aggs.size()];
                System.arraycopy(key, 0, out, 0, key.length);
                AggSpec.Group[] g = e.getValue();
                for (int i = 0; i < g.length; i++) {
                    out[key.length + i] = g[i].finish(st);
                }
                return out;
            }

            @Override
            public void close() {
                it = new ArrayList<Map.Entry<RowKey, AggSpec.Group[]>>().iterator();
            }
        };
    }

    @Override
    public int width() {
        return groupExprs.length + aggs.size();
    }

    @Override
    public List<Plan> children() {
        return List.of(child);
    }

    @Override
    public String describe() {
        return (groupExprs.length == 0 ? "Aggregate" : "HashAggregate") + " "
                + aggs.stream().map(AggSpec::name).toList();
    }
}
