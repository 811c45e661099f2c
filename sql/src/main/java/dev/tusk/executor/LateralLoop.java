package dev.tusk.executor;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * Nested loop over a LATERAL inner side (PostgreSQL's nodeNestloop.c with {@code nestParams}): for each outer
 * row the inner plan is rescanned with the outer row's referenced values bound as its parameters
 * ({@link ExecState#outer(int)} slots inside the inner plan). INNER or LEFT only (PostgreSQL rejects RIGHT and
 * FULL with a LATERAL reference); a LEFT loop null-extends outer rows the inner side produces no match for.
 *
 * @param params     evaluated over the outer row: the inner plan's outer-reference slots, in slot order
 * @param nestParams the inner side is a part of this query level reading {@link ExecState#nestParam} slots
 *                   (else a subquery or function reading {@link ExecState#outer} slots)
 */
public record LateralLoop(Plan left, Plan right, Evaluator[] params, JoinKind kind,
        BiPredicate<Object[], ExecState> qual, String filterText, boolean nestParams) implements Plan {
    @Override
    public ExecNode start(ExecState st) {
        int lw = left.width();
        int rw = right.width();
        ExecNode outer = left.start(st);
        return new ExecNode() {
            private Object[] current;
            private ExecNode inner;
            private boolean matched;

            @Override
            public Object[] next() {
                while (true) {
                    if (current == null) {
                        current = outer.next();
                        if (current == null) {
                            return null;
                        }
                        Object[] vals = new Object[params.length];
                        for (int i = 0; i < params.length; i++) {
                            vals[i] = params[i].eval(current, st);
                        }
                        inner = right.start(nestParams ? st.withNestParams(vals) : st.forSubplan(vals));
                        matched = false;
                    }
                    for (Object[] r = inner.next(); r != null; r = inner.next()) {
                        st.tick();
                        Object[] joined = JoinRows.concat(current, lw, r, rw);
                        if (qual == null || qual.test(joined, st)) {
                            matched = true;
                            return joined;
                        }
                    }
                    inner.close();
                    inner = null;
                    Object[] done = current;
                    current = null;
                    if (!matched && kind == JoinKind.LEFT) {
                        return JoinRows.concat(done, lw, null, rw);
                    }
                }
            }

            @Override
            public void close() {
                if (inner != null) {
                    inner.close();
                    inner = null;
                }
                outer.close();
            }
        };
    }

    @Override
    public int width() {
        return left.width() + right.width();
    }

    @Override
    public List<Plan> children() {
        return List.of(left, right);
    }

    @Override
    public String describe() {
        return "Nested Loop " + kind + " (lateral)";
    }
}
