package dev.tusk.optimizer;

import dev.tusk.executor.AggSpec;
import dev.tusk.executor.Distinct;
import dev.tusk.executor.Evaluator;
import dev.tusk.executor.ExprCompiler;
import dev.tusk.executor.Filter;
import dev.tusk.executor.HashAgg;
import dev.tusk.executor.Limit;
import dev.tusk.executor.OuterRefs;
import dev.tusk.executor.Plan;
import dev.tusk.executor.Project;
import dev.tusk.executor.ProjectSet;
import dev.tusk.executor.RowLayout;
import dev.tusk.executor.Sort;
import dev.tusk.executor.SortKey;
import dev.tusk.executor.SubqueryPlanner;
import dev.tusk.parser.analyze.Deparser;
import dev.tusk.parser.analyze.ExprTrees;
import dev.tusk.parser.analyze.Query;
import dev.tusk.parser.analyze.SortItem;
import dev.tusk.parser.analyze.TargetEntry;
import dev.tusk.parser.analyze.TypedExpr;
import dev.tusk.utils.fmgr.FunctionDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans one query level (PostgreSQL's grouping_planner over query_planner): FROM and WHERE through
 * {@link FromPlanner}, then aggregation, HAVING, the select list (with set-returning functions), ORDER BY,
 * DISTINCT [ON], LIMIT/OFFSET, and a last projection dropping helper columns. The plan produces exactly the
 * query's result columns.
 */
final class QueryPlanBuilder {
    final OuterRefs outer;
    final SubqueryPlanner subqueries;

    /** LATERAL parameters of the part of this level being planned as a nested loop's inner side, or null. */
    final dev.tusk.executor.NestParams nest;

    QueryPlanBuilder(OuterRefs outer) {
        this.outer = outer;
        this.nest = null;
        this.subqueries = q -> {
            OuterRefs refs = OuterRefs.forSubLink();
            return new SubqueryPlanner.SubPlan(new QueryPlanBuilder(refs).build(q), refs);
        };
    }

    private QueryPlanBuilder(QueryPlanBuilder base, dev.tusk.executor.NestParams nest) {
        this.outer = base.outer;
        this.subqueries = base.subqueries;
        this.nest = nest;
    }

    /** The same level's builder compiling columns outside the planned part as LATERAL parameters. */
    QueryPlanBuilder withNest(dev.tusk.executor.NestParams nest) {
        return new QueryPlanBuilder(this, nest);
    }

    ExprCompiler compiler(RowLayout layout) {
        return new ExprCompiler(layout, outer, subqueries, nest);
    }

    /** A builder for a FROM subquery, view or set-operation leaf of this level. */
    QueryPlanBuilder nested() {
        return new QueryPlanBuilder(OuterRefs.passThrough(outer));
    }

    Plan build(Query q) {
        Built b = new FromPlanner(this).planFrom(q);
        if (q.hasAggs()) {
            b = aggregate(q, b);
        }
        b = WindowPlanner.plan(this, q, b);
        return upper(q, b);
    }

    private Built aggregate(Query q, Built in) {
        List<TypedExpr> aggrefs = new ArrayList<>();
        List<TypedExpr> found = new ArrayList<>();
        for (TargetEntry t : q.targets()) {
            ExprTrees.collect(t.expr(), x -> x instanceof TypedExpr.Aggref, found);
        }
        ExprTrees.collect(q.having(), x -> x instanceof TypedExpr.Aggref, found);
        for (SortItem s : q.orderBy()) {
            ExprTrees.collect(s.expr(), x -> x instanceof TypedExpr.Aggref, found);
        }
        List<TypedExpr> upper = new ArrayList<>();
        for (TargetEntry t : q.targets()) {
            upperAggs(t.expr(), 0, upper);
        }
        upperAggs(q.having(), 0, upper);
        for (SortItem s : q.orderBy()) {
            upperAggs(s.expr(), 0, upper);
        }
        found.addAll(upper);
        for (TypedExpr f : found) {
            if (!aggrefs.contains(f)) {
                aggrefs.add(f);
            }
        }
        ExprCompiler c = compiler(in.layout());
        Evaluator[] groups = c.compileAll(q.groupBy()).toArray(Evaluator[]::new);
        int[] groupTypes = q.groupBy().stream().mapToInt(TypedExpr::type).toArray();
        List<AggSpec> specs = new ArrayList<>();
        for (TypedExpr e : aggrefs) {
            TypedExpr.Aggref a = (TypedExpr.Aggref) e;
            Evaluator[] args = c.compileAll(a.args()).toArray(Evaluator[]::new);
            int[] argTypes = a.args().stream().mapToInt(TypedExpr::type).toArray();
            List<Evaluator> orderExprs = new ArrayList<>();
            List<SortKey> order = new ArrayList<>();
            for (SortItem s : a.order()) {
                int slot = a.args().indexOf(s.expr());
                if (slot < 0) {
                    slot = args.length + orderExprs.size();
                    orderExprs.add(c.compile(s.expr()));
                }
                order.add(new SortKey(slot, s.expr().type(), s.descending(), s.nullsFirst()));
            }
            specs.add(new AggSpec(a.aggregate().name(), a.aggregate().aggregate(), args, argTypes, a.distinct(),
                    a.filter() == null ? null : c.predicate(a.filter()), orderExprs.toArray(Evaluator[]::new),
                    order));
        }
        String groupText = null;
        if (!q.groupBy().isEmpty()) {
            try {
                List<String> parts = new ArrayList<>();
                for (TypedExpr g : q.groupBy()) {
                    parts.add(Deparser.explainExpr(g, q.rtable(), q.rtable().size() > 1));
                }
                groupText = String.join(", ", parts);
            } catch (RuntimeException e) {
                groupText = null;
            }
        }
        Plan agg = new HashAgg(in.plan(), groups, groupTypes, specs, groupText);
        RowLayout out = new RowLayout();
        for (int i = 0; i < q.groupBy().size(); i++) {
            out.putExpr(q.groupBy().get(i), i);
        }
        for (int i = 0; i < aggrefs.size(); i++) {
            out.putExpr(aggrefs.get(i), q.groupBy().size() + i);
        }
        out.setWidth(q.groupBy().size() + aggrefs.size());
        Plan p = agg;
        if (q.having() != null) {
            p = new Filter(p, compiler(out).predicate(q.having()), "HAVING");
        }
        return new Built(p, out);
    }

    /**
     * The aggregates of this query level that appear inside sublinks of {@code e} ({@code depth} sublink levels
     * down already), as this level sees them.
     */
    private static void upperAggs(TypedExpr e, int depth, List<TypedExpr> out) {
        if (e == null) {
            return;
        }
        List<TypedExpr> found = new ArrayList<>();
        ExprTrees.collect(e, x -> x instanceof TypedExpr.SubLink || x instanceof TypedExpr.UpperAggref, found);
        for (TypedExpr f : found) {
            if (f instanceof TypedExpr.UpperAggref u) {
                if (u.levelsUp() == depth) {
                    out.add(u.agg());
                }
            } else {
                TypedExpr.SubLink sl = (TypedExpr.SubLink) f;
                for (TypedExpr t : sl.testExprs()) {
                    upperAggs(t, depth, out);
                }
                upperAggs(sl.subquery(), depth + 1, out);
            }
        }
    }

    private static void upperAggs(Query q, int depth, List<TypedExpr> out) {
        for (TargetEntry t : q.targets()) {
            upperAggs(t.expr(), depth, out);
        }
        upperAggs(q.where(), depth, out);
        upperAggs(q.having(), depth, out);
        for (SortItem s : q.orderBy()) {
            upperAggs(s.expr(), depth, out);
        }
        for (dev.tusk.parser.analyze.Rte r : q.rtable()) {
            if (r instanceof dev.tusk.parser.analyze.Rte.Subquery sq) {
                upperAggs(sq.query(), depth + 1, out);
            }
        }
    }

    /** EXPLAIN's Sort Key text (show_sort_keys), null if it cannot be shown. */
    private static String sortText(Query q, List<SortItem> items, List<SortItem> preferred) {
        List<SortItem> use = preferred.isEmpty() ? items : preferred;
        try {
            List<String> parts = new ArrayList<>();
            for (SortItem s : use) {
                String t = Deparser.explainExpr(s.expr(), q.rtable(), q.rtable().size() > 1);
                if (s.descending()) {
                    t += " DESC";
                    if (!s.nullsFirst()) {
                        t += " NULLS LAST";
                    }
                } else if (s.nullsFirst()) {
                    t += " NULLS FIRST";
                }
                parts.add(t);
            }
            return String.join(", ", parts);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Select list, ORDER BY, DISTINCT, LIMIT and the final projection. */
    private Plan upper(Query q, Built in) {
        List<TypedExpr> exprs = new ArrayList<>();
        for (TargetEntry t : q.targets()) {
            exprs.add(t.expr());
        }
        for (SortItem s : q.orderBy()) {
            if (!exprs.contains(s.expr())) {
                exprs.add(s.expr());
            }
        }
        for (TypedExpr d : q.distinctOn()) {
            if (!exprs.contains(d)) {
                exprs.add(d);
            }
        }
        ExprCompiler c = compiler(in.layout());
        Plan p = project(in.plan(), exprs, c);
        RowLayout layout = new RowLayout();
        for (int i = 0; i < exprs.size(); i++) {
            layout.putExpr(exprs.get(i), i);
        }
        int nResult = q.resultTargets().size();
        int[] resultSlots = new int[nResult];
        int[] resultTypes = new int[nResult];
        for (int i = 0, k = 0; i < q.targets().size(); i++) {
            if (!q.targets().get(i).junk()) {
                resultSlots[k] = i;
                resultTypes[k++] = q.targets().get(i).expr().type();
            }
        }
        List<SortKey> keys = new ArrayList<>();
        for (SortItem s : q.orderBy()) {
            keys.add(new SortKey(exprs.indexOf(s.expr()), s.expr().type(), s.descending(), s.nullsFirst()));
        }
        if (!q.distinctOn().isEmpty()) {
            if (keys.isEmpty()) {
                for (TypedExpr d : q.distinctOn()) {
                    keys.add(new SortKey(exprs.indexOf(d), d.type(), false, false));
                }
            }
            p = new Sort(p, keys, sortText(q, q.distinctOn().stream()
                    .map(d -> new SortItem(d, false, false)).toList(), q.orderBy()));
            int[] slots = q.distinctOn().stream().mapToInt(exprs::indexOf).toArray();
            int[] types = q.distinctOn().stream().mapToInt(TypedExpr::type).toArray();
            p = new Distinct(p, slots, types);
        } else {
            if (!keys.isEmpty()) {
                p = new Sort(p, keys, sortText(q, q.orderBy(), List.of()));
            }
            if (q.distinct()) {
                p = new Distinct(p, resultSlots, resultTypes);
            }
        }
        if (q.limit() != null || q.offset() != null) {
            ExprCompiler none = compiler(new RowLayout());
            p = new Limit(p, q.offset() == null ? null : none.compile(q.offset()),
                    q.limit() == null ? null : none.compile(q.limit()));
        }
        if (exprs.size() != nResult) {
            Evaluator[] pick = new Evaluator[nResult];
            for (int i = 0; i < nResult; i++) {
                int slot = resultSlots[i];
                pick[i] = (row, st) -> row[slot];
            }
            p = new Project(p, pick);
        }
        return p;
    }

    /**
     * A projection, or a ProjectSet when a select-list item is a set-returning function call, possibly under a
     * field selection ({@code (f(x)).n}).
     */
    private static Plan project(Plan child, List<TypedExpr> exprs, ExprCompiler c) {
        boolean anySrf = exprs.stream().anyMatch(e -> srfOf(e) != null);
        Evaluator[] evals = new Evaluator[exprs.size()];
        if (!anySrf) {
            for (int i = 0; i < evals.length; i++) {
                evals[i] = c.compile(exprs.get(i));
            }
            return new Project(child, evals);
        }
        FunctionDef[] srfs = new FunctionDef[exprs.size()];
        Evaluator[][] srfArgs = new Evaluator[exprs.size()][];
        int[][] argTypes = new int[exprs.size()][];
        int[][] fields = new int[exprs.size()][];
        for (int i = 0; i < evals.length; i++) {
            TypedExpr.Func f = srfOf(exprs.get(i));
            if (f != null) {
                srfs[i] = f.function();
                srfArgs[i] = c.compileAll(f.args()).toArray(Evaluator[]::new);
                argTypes[i] = f.argTypes();
                List<Integer> path = new java.util.ArrayList<>();
                for (TypedExpr e = exprs.get(i); e instanceof TypedExpr.FieldSelect fs; e = fs.arg()) {
                    path.add(0, fs.field());
                }
                fields[i] = path.stream().mapToInt(Integer::intValue).toArray();
            } else {
                evals[i] = c.compile(exprs.get(i));
            }
        }
        return new ProjectSet(child, evals, srfs, srfArgs, argTypes, fields);
    }

    /** The set-returning call a select-list item yields directly or through field selections, else null. */
    private static TypedExpr.Func srfOf(TypedExpr e) {
        while (e instanceof TypedExpr.FieldSelect fs) {
            e = fs.arg();
        }
        return e instanceof TypedExpr.Func f && f.function().returnsSet() ? f : null;
    }
}
