package dev.tusk.executor;

import java.util.List;

/** The recursive term's view of the previous round's rows (PostgreSQL's nodeWorktablescan.c). */
public record WorkTableScan(Object workKey, int width) implements Plan {
    @Override
    public ExecNode start(ExecState st) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = (List<Object[]>) st.shared().getOrDefault(workKey, List.of());
        return new ExecNode() {
            private int i;

            @Override
            public Object[] next() {
                return i < rows.size() ? rows.get(i++) : null;
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
        return "WorkTable Scan";
    }
}
