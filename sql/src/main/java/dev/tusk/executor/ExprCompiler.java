package dev.tusk.executor;

import dev.tusk.parser.analyze.TypedExpr;
import dev.tusk.utils.adt.ArrayValue;
import dev.tusk.utils.adt.Casts;
import dev.tusk.utils.adt.Comparisons;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.FunctionDef;
import dev.tusk.utils.fmgr.OperatorDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles analyzed expressions into closures (PostgreSQL's ExecInitExpr, but producing nested lambdas instead of
 * a step program). Each node is turned into an {@link Evaluator} once; evaluation per row only calls them.
 * SQL's three-valued logic: Java null is NULL; AND/OR follow the truth tables; strict functions and operators
 * return NULL on a NULL argument without being called.
 */
public final class ExprCompiler {
    private final RowLayout layout;
    private final OuterRefs outer;
    private final SubqueryPlanner subqueries;
    private final NestParams nest;

    /**
     * @param layout     where Vars and precomputed expressions are in the input row
     * @param outer      the outer references of the query being compiled (null at top level)
     * @param subqueries plans sublinks (null when none can occur)
     */
    public ExprCompiler(RowLayout layout, OuterRefs outer, SubqueryPlanner subqueries) {
        this(layout, outer, subqueries, null);
    }

    /** @param nest where level-0 columns missing from {@code layout} become LATERAL parameters (may be null) */
    public ExprCompiler(RowLayout layout, OuterRefs outer, SubqueryPlanner subqueries, NestParams nest) {
        this.layout = layout;
        this.outer = outer;
        this.subqueries = subqueries;
        this.nest = nest;
    }

    /** For relation-row expressions (CHECK, DEFAULT): Vars of range-table entry 0 read {@code row[attno-1]}. */
    static Evaluator forRelationRow(TypedExpr e) {
        RowLayout l = new RowLayout() {
            @Override
            public int slotOf(TypedExpr x) {
                return x instanceof TypedExpr.Var v && v.levelsUp() == 0 && v.attno() > 0 ? v.attno() - 1 : -1;
            }
        };
        return new ExprCompiler(l, null, null).compile(e);
    }

    public List<Evaluator> compileAll(List<TypedExpr> es) {
        List<Evaluator> out = new ArrayList<>(es.size());
        for (TypedExpr e : es) {
            out.add(compile(e));
        }
        return out;
    }

    /** A predicate: true only when the expression yields TRUE (NULL and FALSE reject, as in WHERE). */
    public java.util.function.BiPredicate<Object[], ExecState> predicate(TypedExpr e) {
        Evaluator ev = compile(e);
        return (row, st) -> Boolean.TRUE.equals(ev.eval(row, st));
    }

    public Evaluator compile(TypedExpr e) {
        int slot = layout.slotOf(e);
        if (slot >= 0) {
            return (row, st) -> row[slot];
        }
        return switch (e) {
            case TypedExpr.Const c -> {
                Object v = c.value();
                yield (row, st) -> v;
            }
            case TypedExpr.Var v -> var(v);
            case TypedExpr.Param p -> {
                int n = p.number();
                yield (row, st) -> st.context().param(n);
            }
            case TypedExpr.Func f -> func(f);
            case TypedExpr.Op o -> op(o);
            case TypedExpr.Bool b -> bool(b);
            case TypedExpr.NullTest n -> {
                Evaluator a = compile(n.arg());
                boolean isNull = n.isNull();
                yield (row, st) -> isNullValue(a.eval(row, st)) == isNull;
            }
            case TypedExpr.BoolTest b -> boolTest(b);
            case TypedExpr.Case c -> caseExpr(c);
            case TypedExpr.CaseTest t -> (row, st) -> st.caseValue();
            case TypedExpr.Coalesce c -> {
                Evaluator[] args = compileAll(c.args()).toArray(Evaluator[]::new);
                yield (row, st) -> {
                    for (Evaluator a : args) {
                        Object v = a.eval(row, st);
                        if (v != null) {
                            return v;
                        }
                    }
                    return null;
                };
            }
            case TypedExpr.MinMax m -> minMax(m);
            case TypedExpr.NullIf n -> {
                Evaluator l = compile(n.left());
                Evaluator r = compile(n.right());
                OperatorDef eq = n.eq();
                yield (row, st) -> {
                    Object a = l.eval(row, st);
                    Object b = r.eval(row, st);
                    if (a != null && b != null && Boolean.TRUE.equals(eq.apply(st.context().functions(), a, b))) {
                        return null;
                    }
                    return a;
                };
            }
            case TypedExpr.Distinct d -> {
                Evaluator l = compile(d.left());
                Evaluator r = compile(d.right());
                OperatorDef eq = d.eq();
                boolean not = d.not();
                yield (row, st) -> {
                    Object a = l.eval(row, st);
                    Object b = r.eval(row, st);
                    boolean distinct;
                    if (a == null || b == null) {
                        distinct = (a == null) != (b == null);
                    } else {
                        distinct = !Boolean.TRUE.equals(eq.apply(st.context().functions(), a, b));
                    }
                    return distinct != not;
                };
            }
            case TypedExpr.ScalarArrayOp s -> scalarArrayOp(s);
            case TypedExpr.ArrayBuild a -> {
                Evaluator[] els = compileAll(a.elements()).toArray(Evaluator[]::new);
                int elemType = a.elementType();
                yield (row, st) -> {
                    List<Object> out = new ArrayList<>(els.length);
                    for (Evaluator el : els) {
                        out.add(el.eval(row, st));
                    }
                    return new ArrayValue(elemType, out);
                };
            }
            case TypedExpr.Row r -> {
                Evaluator[] args = compileAll(r.args()).toArray(Evaluator[]::new);
                yield (row, st) -> {
                    Object[] out = new Object[args.length];
                    for (int i = 0; i < args.length; i++) {
                        out[i] = args[i].eval(row, st);
                    }
                    return out;
                };
            }
            case TypedExpr.Cast c -> cast(c);
            case TypedExpr.SubLink s -> SubLinkEval.compile(s, this, subqueries);
            case TypedExpr.Aggref a -> throw new TuskException(SqlState.GROUPING_ERROR,
                    "aggregate functions are not allowed here");
            case TypedExpr.SqlValue v -> SqlValueEval.compile(v);
            case TypedExpr.WindowFunc w -> throw new TuskException(SqlState.WINDOWING_ERROR,
                    "window functions are not allowed here");
            case TypedExpr.UpperAggref u -> {
                if (outer == null) {
                    throw new IllegalStateException("outer aggregate without an enclosing query: " + u);
                }
                int aggSlot = outer.slotFor(u);
                yield (row, st) -> st.outer(aggSlot);
            }
            case TypedExpr.FieldSelect f -> {
                Evaluator arg = compile(f.arg());
                int k = f.field();
                yield (row, st) -> arg.eval(row, st) instanceof Object[] r && k < r.length ? r[k] : null;
            }
            case TypedExpr.Subscript s -> {
                Evaluator arr = compile(s.array());
                Evaluator idx = compile(s.index());
                // int2vector and oidvector are subscripted from 0, like PostgreSQL's (their lower bound is 0).
                int lower = s.array().type() == dev.tusk.utils.adt.TypeOids.INT2VECTOR
                        || s.array().type() == dev.tusk.utils.adt.TypeOids.OIDVECTOR ? 0 : 1;
                yield (row, st) -> {
                    Object a = arr.eval(row, st);
                    Object i = idx.eval(row, st);
                    if (a == null || i == null) {
                        return null;
                    }
                    ArrayValue av = (ArrayValue) a;
                    long k = ((Number) i).longValue() - lower;
                    return k < 0 || k >= av.size() ? null : av.get((int) k);
                };
            }
        };
    }

    private static boolean isNullValue(Object v) {
        if (v instanceof Object[] row) {
            // A row IS NULL when every field is null (SQL's rule for row values).
            for (Object f : row) {
                if (f != null) {
                    return false;
                }
            }
            return true;
        }
        return v == null;
    }

    private Evaluator var(TypedExpr.Var v) {
        if (v.levelsUp() > 0) {
            if (outer == null) {
                throw new IllegalStateException("outer reference without an enclosing query: " + v);
            }
            int slot = outer.slotFor(v);
            return (row, st) -> st.outer(slot);
        }
        if (nest != null && v.attno() != 0) {
            int slot = nest.slotFor(v);
            return (row, st) -> st.nestParam(slot);
        }
        throw new IllegalStateException("variable not found in input row: " + v);
    }

    private Evaluator func(TypedExpr.Func f) {
        FunctionDef fn = f.function();
        if (fn.impl() == null) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED,
                    "set-valued function called in context that cannot accept a set");
        }
        Evaluator[] args = compileAll(f.args()).toArray(Evaluator[]::new);
        int[] types = f.argTypes();
        boolean strict = fn.strict();
        var impl = fn.impl();
        return switch (args.length) {
            case 0 -> (row, st) -> impl.invoke(st.context().functions(), types, new Object[0]);
            case 1 -> (row, st) -> {
                Object a = args[0].eval(row, st);
                return a == null && strict ? null : impl.invoke(st.context().functions(), types, new Object[] {a});
            };
            case 2 -> (row, st) -> {
                Object a = args[0].eval(row, st);
                if (a == null && strict) {
                    return null;
                }
                Object b = args[1].eval(row, st);
                return b == null && strict ? null
                        : impl.invoke(st.context().functions(), types, new Object[] {a, b});
            };
            default -> (row, st) -> {
                Object[] vals = new Object[args.length];
                for (int i = 0; i < args.length; i++) {
                    vals[i] = args[i].eval(row, st);
                    if (vals[i] == null && strict) {
                        return null;
                    }
                }
                return impl.invoke(st.context().functions(), types, vals);
            };
        };
    }

    private Evaluator op(TypedExpr.Op o) {
        FunctionDef fn = o.operator().function();
        var impl = fn.impl();
        boolean strict = fn.strict();
        Evaluator r = compile(o.right());
        if (o.left() == null) {
            int[] types = {o.right().type()};
            return (row, st) -> {
                Object b = r.eval(row, st);
                return b == null && strict ? null : impl.invoke(st.context().functions(), types, new Object[] {b});
            };
        }
        Evaluator l = compile(o.left());
        int[] types = {o.left().type(), o.right().type()};
        return (row, st) -> {
            Object a = l.eval(row, st);
            if (a == null && strict) {
                return null;
            }
            Object b = r.eval(row, st);
            return b == null && strict ? null : impl.invoke(st.context().functions(), types, new Object[] {a, b});
        };
    }

    private Evaluator bool(TypedExpr.Bool b) {
        Evaluator[] args = compileAll(b.args()).toArray(Evaluator[]::new);
        return switch (b.kind()) {
            case NOT -> (row, st) -> {
                Object v = args[0].eval(row, st);
                return v == null ? null : !(Boolean) v;
            };
            case AND -> (row, st) -> {
                boolean sawNull = false;
                for (Evaluator a : args) {
                    Object v = a.eval(row, st);
                    if (v == null) {
                        sawNull = true;
                    } else if (!(Boolean) v) {
                        return false;
                    }
                }
                return sawNull ? null : true;
            };
            case OR -> (row, st) -> {
                boolean sawNull = false;
                for (Evaluator a : args) {
                    Object v = a.eval(row, st);
                    if (v == null) {
                        sawNull = true;
                    } else if ((Boolean) v) {
                        return true;
                    }
                }
                return sawNull ? null : false;
            };
        };
    }

    private Evaluator boolTest(TypedExpr.BoolTest b) {
        Evaluator a = compile(b.arg());
        return switch (b.test()) {
            case IS_TRUE -> (row, st) -> Boolean.TRUE.equals(a.eval(row, st));
            case IS_NOT_TRUE -> (row, st) -> !Boolean.TRUE.equals(a.eval(row, st));
            case IS_FALSE -> (row, st) -> Boolean.FALSE.equals(a.eval(row, st));
            case IS_NOT_FALSE -> (row, st) -> !Boolean.FALSE.equals(a.eval(row, st));
            case IS_UNKNOWN -> (row, st) -> a.eval(row, st) == null;
            case IS_NOT_UNKNOWN -> (row, st) -> a.eval(row, st) != null;
        };
    }

    private Evaluator caseExpr(TypedExpr.Case c) {
        Evaluator arg = c.arg() == null ? null : compile(c.arg());
        int n = c.whens().size();
        Evaluator[] conds = new Evaluator[n];
        Evaluator[] results = new Evaluator[n];
        for (int i = 0; i < n; i++) {
            conds[i] = compile(c.whens().get(i).condition());
            results[i] = compile(c.whens().get(i).result());
        }
        Evaluator otherwise = c.elseExpr() == null ? (row, st) -> null : compile(c.elseExpr());
        return (row, st) -> {
            Object saved = st.caseValue();
            if (arg != null) {
                st.setCaseValue(arg.eval(row, st));
            }
            try {
                for (int i = 0; i < n; i++) {
                    if (Boolean.TRUE.equals(conds[i].eval(row, st))) {
                        st.setCaseValue(saved);
                        return results[i].eval(row, st);
                    }
                }
            } finally {
                st.setCaseValue(saved);
            }
            return otherwise.eval(row, st);
        };
    }

    private Evaluator minMax(TypedExpr.MinMax m) {
        Evaluator[] args = compileAll(m.args()).toArray(Evaluator[]::new);
        int type = m.type();
        int sign = m.greatest() ? 1 : -1;
        return (row, st) -> {
            Object best = null;
            for (Evaluator a : args) {
                Object v = a.eval(row, st);
                if (v != null && (best == null || sign * Comparisons.compare(type, v, best) > 0)) {
                    best = v;
                }
            }
            return best;
        };
    }

    private Evaluator scalarArrayOp(TypedExpr.ScalarArrayOp s) {
        Evaluator l = compile(s.left());
        Evaluator arr = compile(s.array());
        OperatorDef op = s.operator();
        boolean useOr = s.useOr();
        return (row, st) -> {
            Object a = l.eval(row, st);
            Object av = arr.eval(row, st);
            if (av == null) {
                return null;
            }
            List<Object> els = ((ArrayValue) av).elements();
            if (els.isEmpty()) {
                return !useOr;
            }
            if (a == null && op.function().strict()) {
                return null;
            }
            boolean sawNull = false;
            for (Object e : els) {
                Object r = e == null && op.function().strict() ? null : op.apply(st.context().functions(), a, e);
                if (r == null) {
                    sawNull = true;
                } else if ((Boolean) r == useOr) {
                    return useOr;
                }
            }
            return sawNull ? null : !useOr;
        };
    }

    private Evaluator cast(TypedExpr.Cast c) {
        Evaluator a = compile(c.arg());
        Casts.CastPath path = c.path();
        int typmod = c.typmod();
        boolean explicit = c.explicit();
        Casts casts = Casts.builtin();
        return (row, st) -> {
            Object v = a.eval(row, st);
            return v == null ? null : casts.apply(path, v, typmod, explicit, st.context().functions());
        };
    }
}
