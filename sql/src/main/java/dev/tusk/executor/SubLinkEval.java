package dev.tusk.executor;

import dev.tusk.parser.analyze.TypedExpr;
import dev.tusk.utils.adt.ArrayValue;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.OperatorDef;
import java.util.ArrayList;
import java.util.List;

/**
 * SubPlan evaluation (PostgreSQL's nodeSubplan.c): runs the subquery's plan for the current row, binding its
 * outer references first. An uncorrelated subquery (an InitPlan in PostgreSQL) runs once per execution and its
 * result is remembered; for {@code x IN (SELECT ...)} the rows are remembered and probed.
 */
final class SubLinkEval {
    private SubLinkEval() {
    }

    static Evaluator compile(TypedExpr.SubLink s, ExprCompiler parent, SubqueryPlanner planner) {
        if (planner == null) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "cannot use subquery here");
        }
        SubqueryPlanner.SubPlan sp = planner.plan(s.subquery());
        Plan plan = sp.plan();
        List<Evaluator> params = new ArrayList<>();
        for (TypedExpr v : sp.refs().parentVars()) {
            params.add(parent.compile(v));
        }
        Evaluator[] paramEvals = params.toArray(Evaluator[]::new);
        boolean correlated = paramEvals.length > 0;
        Object token = new Object();
        return switch (s.kind()) {
            case EXISTS -> cached(correlated, token, paramEvals, plan, (st, sub) -> {
                ExecNode n = plan.start(sub);
                try {
                    return n.next() != null;
                } finally {
                    n.close();
                }
            });
            case EXPR -> cached(correlated, token, paramEvals, plan, (st, sub) -> {
                ExecNode n = plan.start(sub);
                try {
                    Object[] first = n.next();
                    if (first == null) {
                        return null;
                    }
                    if (n.next() != null) {
                        throw new TuskException(SqlState.CARDINALITY_VIOLATION,
                                "more than one row returned by a subquery used as an expression");
                    }
                    return first[0];
                } finally {
                    n.close();
                }
            });
            case ARRAY -> {
                int elemType = s.subquery().resultTargets().get(0).expr().type();
                yield cached(correlated, token, paramEvals, plan, (st, sub) -> {
                    List<Object> out = new ArrayList<>();
                    ExecNode n = plan.start(sub);
                    try {
                        for (Object[] r = n.next(); r != null; r = n.next()) {
                            out.add(r[0]);
                        }
                    } finally {
                        n.close();
                    }
                    return new ArrayValue(elemType, out);
                });
            }
            case ANY, ALL -> anyAll(s, parent, plan, paramEvals, correlated, token);
        };
    }

    @FunctionalInterface
    private interface Run {
        Object run(ExecState outer, ExecState sub);
    }

    private static Evaluator cached(boolean correlated, Object token, Evaluator[] params, Plan plan, Run run) {
        if (!correlated) {
            return (row, st) -> {
                Object v = st.shared().get(token);
                if (v == null && !st.shared().containsKey(token)) {
                    v = run.run(st, st.forSubplan(new Object[0]));
                    st.shared().put(token, v);
                }
                return v;
            };
        }
        return (row, st) -> run.run(st, st.forSubplan(bind(params, row, st)));
    }

    private static Object[] bind(Evaluator[] params, Object[] row, ExecState st) {
        Object[] vals = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            vals[i] = params[i].eval(row, st);
        }
        return vals;
    }

    /** The remembered rows of an uncorrelated {@code x = ANY (subquery)}: a hash set plus "saw a NULL". */
    private record HashedRows(java.util.Set<RowKey> keys, boolean sawNull, boolean empty) {
    }

    /** ANY/ALL: OR (ANY) or AND (ALL) of the row comparisons, with three-valued logic. */
    private static Evaluator anyAll(TypedExpr.SubLink s, ExprCompiler parent, Plan plan, Evaluator[] params,
            boolean correlated, Object token) {
        boolean any = s.kind() == TypedExpr.SubLinkKind.ANY;
        Evaluator[] tests = parent.compileAll(s.testExprs()).toArray(Evaluator[]::new);
        OperatorDef[] ops = s.operators().toArray(OperatorDef[]::new);
        if (any && !correlated && ops.length == 1 && ops[0].name().equals("=") && ops[0].left() == ops[0].right()
                && s.testExprs().get(0).type() == ops[0].left()) {
            return hashedAny(tests[0], plan, token, new int[] {ops[0].left()});
        }
        return (row, st) -> {
            Object[] left = new Object[tests.length];
            for (int i = 0; i < tests.length; i++) {
                left[i] = tests[i].eval(row, st);
            }
            List<Object[]> rows;
            if (correlated) {
                rows = materialize(plan, st.forSubplan(bind(params, row, st)));
            } else {
                @SuppressWarnings("unchecked")
                List<Object[]> cachedRows = (List<Object[]>) st.shared().get(token);
                if (cachedRows == null) {
                    cachedRows = materialize(plan, st.forSubplan(new Object[0]));
                    st.shared().put(token, cachedRows);
                }
                rows = cachedRows;
            }
            boolean sawNull = false;
            for (Object[] r : rows) {
                Boolean c = compareRow(left, r, ops, st);
                if (c == null) {
                    sawNull = true;
                } else if (c == any) {
                    return any;
                }
            }
            return sawNull ? null : !any;
        };
    }

    /** {@code x = ANY (uncorrelated subquery)} by hashing the subquery's values once (a hashed SubPlan). */
    private static Evaluator hashedAny(Evaluator test, Plan plan, Object token, int[] types) {
        int[] slot0 = {0};
        return (row, st) -> {
            HashedRows h = (HashedRows) st.shared().get(token);
            if (h == null) {
                java.util.Set<RowKey> keys = new java.util.HashSet<>();
                boolean sawNull = false;
                List<Object[]> rows = materialize(plan, st.forSubplan(new Object[0]));
                for (Object[] r : rows) {
                    if (r[0] == null) {
                        sawNull = true;
                    } else {
                        keys.add(RowKey.of(r, slot0, types));
                    }
                }
                h = new HashedRows(keys, sawNull, rows.isEmpty());
                st.shared().put(token, h);
            }
            if (h.empty()) {
                return false;
            }
            Object v = test.eval(row, st);
            if (v == null) {
                return null;
            }
            if (h.keys().contains(new RowKey(new Object[] {v}, types))) {
                return true;
            }
            return h.sawNull() ? null : false;
        };
    }

    private static Boolean compareRow(Object[] left, Object[] right, OperatorDef[] ops, ExecState st) {
        boolean sawNull = false;
        for (int i = 0; i < ops.length; i++) {
            Object r = left[i] == null || right[i] == null ? null
                    : ops[i].apply(st.context().functions(), left[i], right[i]);
            if (r == null) {
                sawNull = true;
            } else if (!(Boolean) r) {
                return false;
            }
        }
        return sawNull ? null : true;
    }

    private static List<Object[]> materialize(Plan plan, ExecState sub) {
        List<Object[]> out = new ArrayList<>();
        ExecNode n = plan.start(sub);
        try {
            for (Object[] r = n.next(); r != null; r = n.next()) {
                sub.tick();
                out.add(r);
            }
        } finally {
            n.close();
        }
        return out;
    }
}
