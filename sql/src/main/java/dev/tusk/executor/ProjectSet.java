package dev.tusk.executor;

import dev.tusk.utils.fmgr.FunctionDef;
import java.util.Iterator;
import java.util.List;

/**
 * Set-returning functions in the select list (PostgreSQL's nodeProjectSet.c): per input row, the SRFs run in
 * lockstep and the row repeats until the longest is exhausted (shorter ones give NULL), as PostgreSQL 10+.
 * Non-SRF columns are evaluated once per input row.
 *
 * @param srfs per output column, the set-returning function (null for an ordinary column)
 * @param srfArgs per output column, the SRF's argument evaluators (null for ordinary columns)
 * @param fields per output column, the field positions selected from the SRF's composite value in turn
 *               ({@code (f(x)).n}); null or empty for the value itself
 */
public record ProjectSet(Plan child, Evaluator[] exprs, FunctionDef[] srfs, Evaluator[][] srfArgs, int[][] argTypes,
        int[][] fields) implements Plan {
    @Override
    public ExecNode start(ExecState st) {
        ExecNode in = child.start(st);
        int n = exprs.length;
        return new ExecNode() {
            private Object[] base;
            private Iterator<Object>[] its;

            @SuppressWarnings("unchecked")
            @Override
            public Object[] next() {
                while (true) {
                    if (base == null) {
                        Object[] r = in.next();
                        if (r == null) {
                            return null;
                        }
                        base = new Object[n];
                        its = new Iterator[n];
                        for (int i = 0; i < n; i++) {
                            if (srfs[i] == null) {
                                base[i] = exprs[i].eval(r, st);
                            } else {
                                Object[] args = new Object[srfArgs[i].length];
                                boolean nullArg = false;
                                for (int k = 0; k < args.length; k++) {
                                    args[k] = srfArgs[i][k].eval(r, st);
                                    nullArg |= args[k] == null;
                                }
                                its[i] = nullArg && srfs[i].strict() ? java.util.Collections.emptyIterator()
                                        : srfs[i].setImpl().invoke(st.context().functions(), argTypes[i], args);
                            }
                        }
                    }
                    Object[] out = base.clone();
                    boolean any = false;
                    for (int i = 0; i < n; i++) {
                        if (its[i] != null) {
                            if (its[i].hasNext()) {
                                out[i] = select(its[i].next(), fields == null ? null : fields[i]);
                                any = true;
                            } else {
                                out[i] = null;
                            }
                        }
                    }
                    if (any) {
                        st.tick();
                        return out;
                    }
                    base = null;
                }
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    private static Object select(Object v, int[] path) {
        if (path != null) {
            for (int k : path) {
                v = v instanceof Object[] r && k < r.length ? r[k] : null;
            }
        }
        return v;
    }

    @Override
    public int width() {
        return exprs.length;
    }

    @Override
    public List<Plan> children() {
        return List.of(child);
    }

    @Override
    public String describe() {
        return "ProjectSet";
    }
}
