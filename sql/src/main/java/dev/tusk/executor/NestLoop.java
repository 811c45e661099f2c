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
        return new ExecNode() {
            private List<JoinRows.Inner> inner;
            private Object[] current;
            private int pos;
            private boolean matched;
            private int unmatchedPos = -1;

            @Override
            public Object[] next() {
                if (inner == null) {
                    inner = materialize(st);
                }
                while (true) {
                    if (unmatchedPos >= 0) {
                        while (unmatchedPos < inner.size()) {
                            JoinRows.Inner in = inner.get(unmatchedPos++);
                            if (!in.matched) {
                                return JoinRows.concat(null, lw, in.row, rw);
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
                        pos = 0;
                        matched = false;
                    }
                    while (pos < inner.size()) {
                        JoinRows.Inner in = inner.get(pos++);
                        st.tick();
                        Object[] joined = JoinRows.concat(current, lw, in.row, rw);
                        if (qual == null || qual.test(joined, st)) {
                            matched = true;
                            in.matched = true;
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
