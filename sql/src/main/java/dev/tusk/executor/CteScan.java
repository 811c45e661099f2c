package dev.tusk.executor;

import java.util.ArrayList;
import java.util.List;

/**
 * A WITH query's result (PostgreSQL's nodeCtescan.c): the CTE's plan runs once per execution, on first use, and
 * every reference reads the remembered rows. {@code key} identifies the CTE (shared by all its references).
 */
public record CteScan(Object key, Plan cte, String name) implements Plan {
    @Override
    public ExecNode start(ExecState st) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = (List<Object[]>) st.shared().get(key);
        if (rows == null) {
            rows = new ArrayList<>();
            ExecNode in = cte.start(st);
            try {
                for (Object[] r = in.next(); r != null; r = in.next()) {
                    st.tick();
                    rows.add(r);
                }
            } finally {
                in.close();
            }
            st.shared().put(key, rows);
        }
        List<Object[]> all = rows;
        return new ExecNode() {
            private int i;

            @Override
            public Object[] next() {
                return i < all.size() ? all.get(i++) : null;
            }

            @Override
            public void close() {
                i = all.size();
            }
        };
    }

    @Override
    public int width() {
        return cte.width();
    }

    @Override
    public List<Plan> children() {
        return List.of(cte);
    }

    @Override
    public String describe() {
        return "CTE Scan on " + name;
    }
}
