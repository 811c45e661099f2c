package dev.tusk.parser.analyze;

import dev.tusk.nodes.Expr;
import dev.tusk.nodes.FuncCall;
import dev.tusk.nodes.SortBy;
import dev.tusk.nodes.WindowDef;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.FunctionDef;
import dev.tusk.utils.fmgr.FunctionMatch;
import dev.tusk.utils.fmgr.FunctionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Window function calls {@code f(...) OVER (...)} (PostgreSQL's parse_agg.c transformWindowFuncCall and
 * parse_clause.c transformWindowDefinitions): placement checks, the built-in window functions of
 * windowfuncs.c typed here, aggregates over a frame, and named windows of the WINDOW clause.
 */
final class WindowAnalyzer {
    /** The built-in window functions (pg_proc prokind 'w'). */
    static final Set<String> BUILTINS = Set.of("row_number", "rank", "dense_rank", "percent_rank", "cume_dist",
            "ntile", "lag", "lead", "first_value", "last_value", "nth_value");

    private final Analyzer a;

    WindowAnalyzer(Analyzer a) {
        this.a = a;
    }

    /** The WINDOW clause's entries, checked for duplicate names (transformWindowDefinitions). */
    static List<WindowDef> windowClause(List<WindowDef> defs) {
        for (int i = 0; i < defs.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (defs.get(i).name() != null && defs.get(i).name().equals(defs.get(j).name())) {
                    throw AnalyzeErrors.at(SqlState.WINDOWING_ERROR, "window \"" + defs.get(i).name()
                            + "\" is already defined", defs.get(i).location());
                }
            }
        }
        return defs;
    }

    TypedExpr transform(FuncCall f, ParseState ps) {
        int loc = f.location();
        String name = f.simpleName();
        checkPlacement(ps.exprKind, loc);
        List<TypedExpr> args = a.exprs().transformAll(f.args(), ps);
        for (TypedExpr arg : args) {
            noNestedWindow(arg, "window function calls cannot be nested");
        }
        TypedExpr filter = null;
        if (f.aggFilter() != null) {
            filter = a.coercion().toBoolean(a.exprs().transform(f.aggFilter(), ps), "FILTER",
                    f.aggFilter().location());
            noNestedWindow(filter, "window functions are not allowed in FILTER");
        }
        WindowSpec spec = window(f.over(), ps);
        if (f.aggWithinGroup()) {
            throw AnalyzeErrors.at(SqlState.FEATURE_NOT_SUPPORTED, "OVER is not supported for ordered-set aggregate "
                    + name, loc);
        }
        boolean builtin = BUILTINS.contains(name) && (f.funcname().size() == 1
                || f.funcname().get(0).equals("pg_catalog"));
        if (builtin) {
            if (f.aggStar()) {
                throw AnalyzeErrors.at(SqlState.WRONG_OBJECT_TYPE, name + "(*) specified, but " + name
                        + " is not an aggregate function", loc);
            }
            if (f.aggDistinct() || !f.aggOrder().isEmpty()) {
                throw AnalyzeErrors.at(SqlState.WRONG_OBJECT_TYPE, (f.aggDistinct() ? "DISTINCT" : "ORDER BY")
                        + " specified, but " + name + " is not an aggregate function", loc);
            }
            if (filter != null) {
                throw AnalyzeErrors.at(SqlState.FEATURE_NOT_SUPPORTED,
                        "FILTER is not implemented for non-aggregate window functions", loc);
            }
            return builtin(name, args, spec, loc);
        }
        FunctionMatch m;
        int[] types = args.stream().mapToInt(TypedExpr::type).toArray();
        try {
            m = FunctionRegistry.builtin().resolve(name, types);
        } catch (TuskException e) {
            throw AnalyzeErrors.withPosition(e, loc);
        }
        if (m == null) {
            throw FunctionRegistry.noSuchFunction(name, types, loc + 1);
        }
        FunctionDef fn = m.function();
        if (!fn.isAggregate()) {
            throw AnalyzeErrors.at(SqlState.WRONG_OBJECT_TYPE, "OVER specified, but " + name
                    + " is not a window function nor an aggregate function", loc);
        }
        if (f.aggDistinct()) {
            throw AnalyzeErrors.at(SqlState.FEATURE_NOT_SUPPORTED,
                    "DISTINCT is not implemented for window functions", loc);
        }
        if (!f.aggOrder().isEmpty()) {
            throw AnalyzeErrors.at(SqlState.FEATURE_NOT_SUPPORTED,
                    "aggregate ORDER BY is not implemented for window functions", loc);
        }
        int[] target = m.coerceArgTypes();
        List<TypedExpr> coerced = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            TypedExpr e = args.get(i);
            int t = i < target.length ? target[i] : e.type();
            coerced.add(e.type() == t ? e : a.coercion().implicit(e, t, loc));
        }
        return new TypedExpr.WindowFunc(fn.name(), fn, coerced, f.aggStar(), filter, spec, m.returnType(), loc);
    }

    /** PostgreSQL's check_agglevels_and_constraints for window functions. */
    private static void checkPlacement(ExprKind kind, int loc) {
        switch (kind) {
            case SELECT_TARGET, ORDER_BY, DISTINCT_ON -> {
            }
            case AGGREGATE_ARG -> throw AnalyzeErrors.at(SqlState.GROUPING_ERROR,
                    "aggregate function calls cannot contain window function calls", loc);
            default -> throw AnalyzeErrors.at(SqlState.WINDOWING_ERROR,
                    "window functions are not allowed in " + kind.display, loc);
        }
    }

    private static void noNestedWindow(TypedExpr e, String message) {
        List<TypedExpr> found = new ArrayList<>();
        ExprTrees.collect(e, x -> x instanceof TypedExpr.WindowFunc, found);
        if (!found.isEmpty()) {
            throw AnalyzeErrors.at(SqlState.WINDOWING_ERROR, message, ((TypedExpr.WindowFunc) found.get(0))
                    .location());
        }
    }

    /** Types a call of one of windowfuncs.c's functions. */
    private TypedExpr builtin(String name, List<TypedExpr> args, WindowSpec spec, int loc) {
        int n = args.size();
        List<TypedExpr> out = new ArrayList<>(args);
        int type;
        switch (name) {
            case "row_number", "rank", "dense_rank", "percent_rank", "cume_dist" -> {
                if (n != 0) {
                    throw noFunction(name, args, loc);
                }
                type = name.endsWith("_rank") && !name.equals("dense_rank") || name.equals("cume_dist")
                        ? TypeOids.FLOAT8 : TypeOids.INT8;
            }
            case "ntile" -> {
                if (n != 1) {
                    throw noFunction(name, args, loc);
                }
                out.set(0, toInt4(args.get(0), name, args, loc));
                type = TypeOids.INT4;
            }
            case "lag", "lead" -> {
                if (n < 1 || n > 3) {
                    throw noFunction(name, args, loc);
                }
                if (n >= 2) {
                    out.set(1, toInt4(args.get(1), name, args, loc));
                }
                if (n == 3) {
                    List<TypedExpr> pair = List.of(args.get(0), args.get(2));
                    int common = a.coercion().commonType(pair, name, loc);
                    List<TypedExpr> c = a.coercion().coerceAll(pair, common, name, loc);
                    out.set(0, c.get(0));
                    out.set(2, c.get(1));
                } else {
                    out.set(0, a.coercion().resolveUnknown(args.get(0)));
                }
                type = out.get(0).type();
            }
            case "first_value", "last_value" -> {
                if (n != 1) {
                    throw noFunction(name, args, loc);
                }
                out.set(0, a.coercion().resolveUnknown(args.get(0)));
                type = out.get(0).type();
            }
            case "nth_value" -> {
                if (n != 2) {
                    throw noFunction(name, args, loc);
                }
                out.set(0, a.coercion().resolveUnknown(args.get(0)));
                out.set(1, toInt4(args.get(1), name, args, loc));
                type = out.get(0).type();
            }
            default -> throw new IllegalStateException(name);
        }
        return new TypedExpr.WindowFunc(name, null, out, false, null, spec, type, loc);
    }

    private TypedExpr toInt4(TypedExpr e, String name, List<TypedExpr> args, int loc) {
        if (e.type() == TypeOids.INT4) {
            return e;
        }
        try {
            return a.coercion().implicit(e, TypeOids.INT4, loc);
        } catch (TuskException ex) {
            throw noFunction(name, args, loc);
        }
    }

    private static TuskException noFunction(String name, List<TypedExpr> args, int loc) {
        return FunctionRegistry.noSuchFunction(name, args.stream().mapToInt(TypedExpr::type).toArray(), loc + 1);
    }

    /** The window of {@code OVER}: inline, a WINDOW-clause name, or a named window refined inline. */
    private WindowSpec window(WindowDef over, ParseState ps) {
        WindowDef def = resolve(over, ps);
        List<TypedExpr> partition = new ArrayList<>();
        for (Expr e : def.partitionClause()) {
            TypedExpr t = a.coercion().resolveUnknown(a.exprs().transform(e, ps));
            noNestedWindow(t, "window functions are not allowed in window definitions");
            partition.add(t);
        }
        List<SortItem> order = new ArrayList<>();
        for (SortBy s : def.orderClause()) {
            TypedExpr t = a.coercion().resolveUnknown(a.exprs().transform(s.node(), ps));
            noNestedWindow(t, "window functions are not allowed in window definitions");
            if (!s.useOp().isEmpty()) {
                throw AnalyzeErrors.unsupported("ORDER BY ... USING in a window", s.location());
            }
            boolean desc = s.dir() == SortBy.SortByDir.DESC;
            boolean nullsFirst = s.nulls() == SortBy.SortByNulls.DEFAULT ? desc
                    : s.nulls() == SortBy.SortByNulls.FIRST;
            order.add(new SortItem(t, desc, nullsFirst));
        }
        int opts = def.frameOptions();
        if ((opts & WindowDef.FRAMEOPTION_NONDEFAULT) == 0) {
            opts = WindowDef.FRAMEOPTION_DEFAULTS;
        }
        int offsetOpts = WindowDef.FRAMEOPTION_START_OFFSET_PRECEDING | WindowDef.FRAMEOPTION_END_OFFSET_PRECEDING
                | WindowDef.FRAMEOPTION_START_OFFSET_FOLLOWING | WindowDef.FRAMEOPTION_END_OFFSET_FOLLOWING;
        int offsetType = TypeOids.INT8;
        if ((opts & WindowDef.FRAMEOPTION_RANGE) != 0 && (opts & offsetOpts) != 0) {
            if (order.size() != 1) {
                throw AnalyzeErrors.at(SqlState.WINDOWING_ERROR,
                        "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column", def.location());
            }
            // in_range support for the numeric types; datetime ranges (offset interval) are not built.
            offsetType = switch (order.get(0).expr().type()) {
                case TypeOids.INT2, TypeOids.INT4, TypeOids.INT8 -> TypeOids.INT8;
                case TypeOids.FLOAT4, TypeOids.FLOAT8 -> TypeOids.FLOAT8;
                case TypeOids.NUMERIC -> TypeOids.NUMERIC;
                default -> throw AnalyzeErrors.unsupported("RANGE with offset PRECEDING/FOLLOWING for type "
                        + dev.tusk.utils.adt.TypeNames.format(order.get(0).expr().type()), def.location());
            };
        }
        if ((opts & WindowDef.FRAMEOPTION_GROUPS) != 0 && order.isEmpty()) {
            throw AnalyzeErrors.at(SqlState.WINDOWING_ERROR, "GROUPS mode requires an ORDER BY clause",
                    def.location());
        }
        String mode = (opts & WindowDef.FRAMEOPTION_ROWS) != 0 ? "ROWS"
                : (opts & WindowDef.FRAMEOPTION_GROUPS) != 0 ? "GROUPS" : "RANGE";
        return new WindowSpec(partition, order, opts, offset(def.startOffset(), mode, offsetType, ps),
                offset(def.endOffset(), mode, offsetType, ps));
    }

    private TypedExpr offset(Expr e, String what, int type, ParseState ps) {
        if (e == null) {
            return null;
        }
        ExprKind saved = ps.exprKind;
        TypedExpr t;
        try {
            ps.exprKind = ExprKind.LIMIT;
            t = a.exprs().transform(e, ps);
        } finally {
            ps.exprKind = saved;
        }
        if (ExprTrees.children(t).stream().anyMatch(x -> x instanceof TypedExpr.Var)
                || t instanceof TypedExpr.Var) {
            throw AnalyzeErrors.at(SqlState.WINDOWING_ERROR,
                    "argument of " + what + " must not contain variables", e.location());
        }
        return a.coercion().toSpecific(t, type, what, e.location());
    }

    /** Merges a reference to a WINDOW-clause entry (PostgreSQL's transformWindowDefinitions copy rules). */
    private WindowDef resolve(WindowDef over, ParseState ps) {
        String ref = over.refname() != null ? over.refname() : over.name();
        if (ref == null) {
            return over;
        }
        WindowDef base = null;
        for (WindowDef w : ps.windowDefs) {
            if (ref.equals(w.name())) {
                base = resolve(new WindowDef(null, w.refname(), w.partitionClause(), w.orderClause(),
                        w.frameOptions(), w.startOffset(), w.endOffset(), w.location()), ps);
                break;
            }
        }
        if (base == null) {
            throw AnalyzeErrors.at(SqlState.UNDEFINED_OBJECT, "window \"" + ref + "\" does not exist",
                    over.location());
        }
        // OVER w (the parser gives it as a bare refname) uses w as is, frame included; PostgreSQL rejects
        // OVER (w) when w has a frame, which the raw tree cannot tell apart from OVER w.
        if (over.refname() == null || over.partitionClause().isEmpty() && over.orderClause().isEmpty()
                && (over.frameOptions() & WindowDef.FRAMEOPTION_NONDEFAULT) == 0) {
            return base;
        }
        if (!over.partitionClause().isEmpty()) {
            throw AnalyzeErrors.at(SqlState.WINDOWING_ERROR, "cannot override PARTITION BY clause of window \""
                    + ref + "\"", over.location());
        }
        if (!over.orderClause().isEmpty() && !base.orderClause().isEmpty()) {
            throw AnalyzeErrors.at(SqlState.WINDOWING_ERROR, "cannot override ORDER BY clause of window \""
                    + ref + "\"", over.location());
        }
        if ((base.frameOptions() & WindowDef.FRAMEOPTION_NONDEFAULT) != 0) {
            throw AnalyzeErrors.at(SqlState.WINDOWING_ERROR, "cannot copy window \"" + ref
                    + "\" because it has a frame clause", over.location());
        }
        return new WindowDef(null, null, base.partitionClause(),
                over.orderClause().isEmpty() ? base.orderClause() : over.orderClause(), over.frameOptions(),
                over.startOffset(), over.endOffset(), over.location());
    }
}
