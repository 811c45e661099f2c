package dev.tusk.executor;

import java.util.List;

/**
 * VALUES rows (PostgreSQL's nodeValuesscan.c), also the single empty row of a SELECT without FROM (PostgreSQL's
 * Result node without an outer plan). Expressions are evaluated when their row is reached.
 */
public record ValuesScan(List<Evaluator[]> rows, int width) implements Plan {
    /** One row of no columns: the input of a FROM-less SELECT. */
    public static ValuesScan oneEmptyRow() {
        return new ValuesScan(List.<Evaluator[]>of(new Evaluator[0]), 0);
    }

    @Override
    public ExecNode start(ExecState st) {
        return new ExecNode() {
            private int i;

            @Override
            public Object[] next() {
                if (i >= rows.size()) {
                    return null;
                }
                Evaluator[] r = rows.get(i++);
                Object[] out = new Object[r.length];
                Object[] none = new Object[0];
                for (int k = 0; k < r.length; k++) {
                    out[k] = r[k].eval(none, st);
                }
                st.tick();
                return out;
            }

            @Override
            public void close() {
                i = rows.size();
            }
        };
    }

    @Override
    public List<Plan> children() {
        return List.of();
    }

    @Override
    public String describe() {
        return width == 0 && rows.size() == 1 ? "Result" : "Values Scan (" + rows.size() + " rows)";
    }
}
