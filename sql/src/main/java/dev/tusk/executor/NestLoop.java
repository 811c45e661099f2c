package dev.tusk.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Nested loop join (PostgreSQL's nodeNestloop.c) of any kind over any join condition. The inner side is run
 * once and kept in memory (PostgreSQL would put a Material node there), then each outer row is tested against
 * every inner row with {@code qual} over the concatenated row (null qual = cross join).
 */
public record NestLoop(Plan left, Plan right, JoinKind kind, BiPredicate<Object[], ExecState> qual,
        String filterText) implements Plan {
    /** A nested loop without EXPLAIN's Join Filter text. */
    public NestLoop(Plan left, Plan right, JoinKind kind, BiPredicate<Object[], ExecState> qual) {
        this(left, right, kind, qual, null);
    }

    @Override
    public ExecNode start(ExecState st) {
        int lw = left.width();
        int rw = right.width();
        ExecNode outer = left.start(st);
        return new JoinEmitter(st, outer, kind, qual, lw, rw) {
            private List<JoinRows.Inner> inner;

            @Override
            List<JoinRows.Inner> buildInner() {
                inner = materialize(st);
                return inner;
            }

            @Override
            List<JoinRows.Inner> candidates(Object[] outerRow) {
                return inner;
            }

            @Override
            Object[] joined(Object[] outerRow, JoinRows.Inner in) {
                st.tick(); // once per pair tested: the loop is O(outer x inner)
                return super.joined(outerRow, in);
            }

            @Override
            public void close() {
                super.close();
                inner = List.of();
            }
        };
    }

    private List<JoinRows.Inner> materialize(ExecState st) {
        List<JoinRows.Inner> rows = new ArrayList<>();
        ExecNode in = right.start(st);
        try {
            for (Object[] r = in.next(); r != null; r = in.next()) {
                rows.add(new JoinRows.Inner(r));
                st.tick();
            }
        } finally {
            in.close();
        }
        return rows;
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
        return "Nested Loop " + kind;
    }
}
