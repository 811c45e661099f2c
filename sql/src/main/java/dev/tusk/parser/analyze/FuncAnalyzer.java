package dev.tusk.parser.analyze;

import dev.tusk.nodes.Expr;
import dev.tusk.nodes.FuncCall;
import dev.tusk.nodes.NamedArgExpr;
import dev.tusk.nodes.SortBy;
import dev.tusk.utils.adt.PgType;
import dev.tusk.utils.adt.TypeRegistry;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.FunctionDef;
import dev.tusk.utils.fmgr.FunctionMatch;
import dev.tusk.utils.fmgr.FunctionRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Function and aggregate calls (PostgreSQL's parse_func.c ParseFuncOrColumn): overload resolution, argument
 * coercion, VARIADIC packing, function-style casts ({@code int4(x)}, {@code text(x)}), and aggregates with
 * DISTINCT, ORDER BY and FILTER (parse_agg.c transformAggregateCall, with its placement errors).
 */
final class FuncAnalyzer {
    private final Analyzer a;
    private final Coercion coerce;

    FuncAnalyzer(Analyzer a) {
        this.a = a;
        this.coerce = a.coercion();
    }

    TypedExpr transform(FuncCall f, ParseState ps) {
        String name = f.simpleName();
        int loc = f.location();
        if (f.over() != null) {
            return new WindowAnalyzer(a).transform(f, ps);
        }
        for (Expr arg : f.args()) {
            if (arg instanceof NamedArgExpr) {
                throw AnalyzeErrors.unsupported("named argument notation", arg.location());
            }
        }
        boolean aggContext = f.aggStar() || f.aggDistinct() || !f.aggOrder().isEmpty() || f.aggFilter() != null;
        ExprKind saved = ps.exprKind;
        List<TypedExpr> args;
        FunctionMatch m;
        FunctionRegistry reg = FunctionRegistry.builtin();
        // Arguments of a possible aggregate must not contain aggregates: analyze them in that mode when the name
        // only denotes aggregates.
        boolean onlyAggregates = !reg.byName(name).isEmpty()
                && reg.byName(name).stream().allMatch(FunctionDef::isAggregate);
        if (onlyAggregates || aggContext) {
            ps.exprKind = saved.aggregatesAllowed ? ExprKind.AGGREGATE_ARG : saved;
        }
        try {
            args = a.exprs().transformAll(f.args(), ps);
        } finally {
            ps.exprKind = saved;
        }
        int[] types = args.stream().mapToInt(TypedExpr::type).toArray();
        try {
            m = reg.resolve(name, types);
        } catch (TuskException e) {
            throw AnalyzeErrors.withPosition(e, loc);
        }
        if (m == null) {
            if (args.size() == 1 && !aggContext) {
                PgType t = TypeRegistry.builtin().byName(name).orElse(null);
                if (t != null) {
                    return coerce.explicitCast(args.get(0), t.oid(), -1, loc);
                }
            }
            throw FunctionRegistry.noSuchFunction(name, types, loc + 1);
        }
        FunctionDef fn = m.function();
        if (!fn.isAggregate()) {
            if (f.aggStar()) {
                throw AnalyzeErrors.at(SqlState.WRONG_OBJECT_TYPE, name + "(*) specified, but " + name
                        + " is not an aggregate function", loc);
            }
            if (f.aggDistinct()) {
                throw AnalyzeErrors.at(SqlState.WRONG_OBJECT_TYPE, "DISTINCT specified, but " + name
                        + " is not an aggregate function", loc);
            }
            if (!f.aggOrder().isEmpty()) {
                throw AnalyzeErrors.at(SqlState.WRONG_OBJECT_TYPE, "ORDER BY specified, but " + name
                        + " is not an aggregate function", loc);
            }
            if (f.aggFilter() != null) {
                throw AnalyzeErrors.at(SqlState.WRONG_OBJECT_TYPE, "FILTER specified, but " + name
                        + " is not an aggregate function", loc);
            }
            if (fn.returnsSet() && ps.exprKind != ExprKind.SELECT_TARGET && ps.exprKind != ExprKind.FROM_FUNCTION) {
                throw AnalyzeErrors.at(SqlState.FEATURE_NOT_SUPPORTED, "set-returning functions are not allowed in "
                        + ps.exprKind.display, loc);
            }
        }
        List<TypedExpr> coerced = coerceArgs(args, m, loc);
        int[] argTypes = coerced.stream().mapToInt(TypedExpr::type).toArray();
        if (fn.isAggregate()) {
            return aggregate(f, fn, coerced, m.returnType(), ps);
        }
        return new TypedExpr.Func(fn, coerced, argTypes, m.returnType(), -1, TypedExpr.Form.CALL, loc);
    }

    /** Coerces the arguments to the resolved signature and packs VARIADIC trailing arguments into an array. */
    private List<TypedExpr> coerceArgs(List<TypedExpr> args, FunctionMatch m, int loc) {
        int[] target = m.coerceArgTypes();
        List<TypedExpr> out = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            int t = i < target.length ? target[i] : args.get(i).type();
            TypedExpr e = args.get(i);
            out.add(e.type() == t ? e : coerce.implicit(e, t, loc));
        }
        if (m.packsVariadic()) {
            int from = m.variadicFrom();
            List<TypedExpr> tail = new ArrayList<>(out.subList(from, out.size()));
            int elem = target.length > from ? target[from] : tail.get(0).type();
            List<TypedExpr> packed = new ArrayList<>(out.subList(0, from));
            packed.add(new TypedExpr.ArrayBuild(elem, m.variadicArrayType(), tail));
            return packed;
        }
        return out;
    }

    private TypedExpr aggregate(FuncCall f, FunctionDef fn, List<TypedExpr> args, int returnType, ParseState ps) {
        int loc = f.location();
        if (ps.exprKind == ExprKind.AGGREGATE_ARG) {
            throw AnalyzeErrors.at(SqlState.GROUPING_ERROR, "aggregate function calls cannot be nested", loc);
        }
        ExprKind saved = ps.exprKind;
        TypedExpr filter = null;
        List<SortItem> order = new ArrayList<>();
        ps.exprKind = ExprKind.AGGREGATE_ARG;
        try {
            if (f.aggFilter() != null) {
                filter = coerce.toBoolean(a.exprs().transform(f.aggFilter(), ps), "FILTER",
                        f.aggFilter().location());
            }
            for (SortBy s : f.aggOrder()) {
                TypedExpr e = coerce.resolveUnknown(a.exprs().transform(s.node(), ps));
                boolean desc = s.dir() == SortBy.SortByDir.DESC;
                boolean nullsFirst = s.nulls() == SortBy.SortByNulls.DEFAULT ? desc
                        : s.nulls() == SortBy.SortByNulls.FIRST;
                order.add(new SortItem(e, desc, nullsFirst));
            }
        } finally {
            ps.exprKind = saved;
        }
        TypedExpr.Aggref agg = new TypedExpr.Aggref(fn, args, f.aggStar(), f.aggDistinct(), filter, order,
                returnType, loc);
        int levelsUp = aggLevelsUp(agg);
        if (levelsUp == 0) {
            if (!ps.exprKind.aggregatesAllowed) {
                throw AnalyzeErrors.notAllowed("aggregate functions", ps.exprKind.display, loc);
            }
            ps.hasAggs = true;
            return agg;
        }
        // check_agg_arguments: only outer columns in the arguments, so the aggregate belongs to that query
        ParseState owner = ps;
        for (int k = 0; k < levelsUp; k++) {
            owner = owner.parent;
        }
        if (!owner.exprKind.aggregatesAllowed) {
            throw AnalyzeErrors.notAllowed("aggregate functions", owner.exprKind.display, loc);
        }
        owner.hasAggs = true;
        TypedExpr outer = ExprTrees.map(agg, x -> x instanceof TypedExpr.Var v && v.levelsUp() >= levelsUp
                ? v.withLevelsUp(v.levelsUp() - levelsUp) : x);
        return new TypedExpr.UpperAggref(levelsUp, (TypedExpr.Aggref) outer);
    }

    /** The query level the aggregate belongs to: the lowest level among the Vars of its arguments. */
    private static int aggLevelsUp(TypedExpr.Aggref agg) {
        List<TypedExpr> vars = new ArrayList<>();
        ExprTrees.collect(agg, x -> x instanceof TypedExpr.Var, vars);
        if (vars.isEmpty()) {
            return 0;
        }
        int min = Integer.MAX_VALUE;
        for (TypedExpr v : vars) {
            min = Math.min(min, ((TypedExpr.Var) v).levelsUp());
        }
        return min;
    }
}
