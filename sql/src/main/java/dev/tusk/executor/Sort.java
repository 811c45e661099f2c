package dev.tusk.executor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts its input in memory (PostgreSQL's nodeSort.c without the external merge: spilling past work_mem is a
 * known gap). Stable, so equal keys keep their input order.
 */
public record Sort(Plan child, List<SortKey> keys, String keyText) implements Plan {
    public Sort(Plan child, List<SortKey> keys) {
        this(child, keys, null);
    }

    @Override
    public ExecNode start(ExecState st) {
        Comparator<Object[]> cmp = SortKey.comparator(keys);
        return new ExecNode() {
            private List<Object[]> rows;
            private int pos;

            @Override
            public Object[] next() {
                if (rows == null) {
                    rows = new ArrayList<>();
                    ExecNode in = child.start(st);
                    try {
                        for (Object[] r = in.next(); r != null; r = in.next()) {
                            rows.add(r);
                            st.tick();
                        }
                    } finally {
                        in.close();
                    }
                    rows.sort(cmp);
                }
                return pos < rows.size() ? rows.get(pos++) : null;
            }

            @Override
            public void close() {
                rows = List.of();
            }
        };
    }

    @Override
    public int width() {
        return child.width();
    }

    @Override
    public List<Plan> children() {
        return List.of(child);
    }

    @Override
    public String describe() {
        return "Sort " + keys;
    }
}
