package dev.tusk.executor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes duplicate rows by the values at {@code slots} (DISTINCT, DISTINCT ON, UNION): the first row of each
 * key passes, so over input sorted by the DISTINCT ON keys and the rest of ORDER BY this is PostgreSQL's
 * Unique node; rows stay in input order. NULLs count as equal.
 */
public record Distinct(Plan child, int[] slots, int[] types) implements Plan {
    @Override
    public ExecNode start(ExecState st) {
        ExecNode in = child.start(st);
        Set<RowKey> seen = new HashSet<>();
        return new ExecNode() {
            @Override
            public Object[] next() {
                for (Object[] r = in.next(); r != null; r = in.next()) {
                    if (seen.add(RowKey.of(r, slots, types))) {
                        return r;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                in.close();
                seen.clear();
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
        return "Unique";
    }
}
