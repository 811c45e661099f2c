package dev.tusk.optimizer;

import dev.tusk.executor.AggSpec;
import dev.tusk.executor.Evaluator;
import dev.tusk.executor.ExprCompiler;
import dev.tusk.executor.Plan;
import dev.tusk.executor.RowLayout;
import dev.tusk.executor.SortKey;
import dev.tusk.executor.WindowAgg;
import dev.tusk.executor.WindowFunctions;
import dev.tusk.parser.analyze.ExprTrees;
import dev.tusk.parser.analyze.Query;
import dev.tusk.parser.analyze.SortItem;
import dev.tusk.parser.analyze.TargetEntry;
import dev.tusk.parser.analyze.TypedExpr;
import dev.tusk.parser.analyze.WindowSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the window functions of a query level (PostgreSQL's create_window_paths / make_windowagg): one
 * {@link WindowAgg} per distinct window, stacked above the FROM/WHERE (and GROUP BY/HAVING) plan and below the
 * select-list projection, so DISTINCT, ORDER BY and LIMIT see the computed values. Each node appends its
 * functions' values to the row and the layout maps each WindowFunc expression to its slot.
 */
final class WindowPlanner {
    private WindowPlanner() {
    }

    static Built plan(QueryPlanBuilder qb, Query q, Built in) {
        List<TypedExpr> found = new ArrayList<>();
        for (TargetEntry t : q.targets()) {
            ExprTrees.collect(t.expr(), x -> x instanceof TypedExpr.WindowFunc, found);
        }
        for (SortItem s : q.orderBy()) {
            ExprTrees.collect(s.expr(), x -> x instanceof TypedExpr.WindowFunc, found);
        }
        for (TypedExpr d : q.distinctOn()) {
            ExprTrees.collect(d, x -> x instanceof TypedExpr.WindowFunc, found);
        }
        if (found.isEmpty()) {
            return in;
        }
        Map<WindowSpec, List<TypedExpr.WindowFunc>> byWindow = new LinkedHashMap<>();
        for (TypedExpr e : found) {
            TypedExpr.WindowFunc w = (TypedExpr.WindowFunc) e;
            List<TypedExpr.WindowFunc> l = byWindow.computeIfAbsent(w.window(), k -> new ArrayList<>());
            if (!l.contains(w)) {
                l.add(w);
            }
        }
        Built cur = in;
        for (Map.Entry<WindowSpec, List<TypedExpr.WindowFunc>> e : byWindow.entrySet()) {
            cur = windowAgg(qb, e.getKey(), e.getValue(), cur);
        }
        return cur;
    }

    private static Built windowAgg(QueryPlanBuilder qb, WindowSpec w, List<TypedExpr.WindowFunc> funcs, Built in) {
        ExprCompiler c = qb.compiler(in.layout());
        Evaluator[] partition = c.compileAll(w.partitionBy()).toArray(Evaluator[]::new);
        int[] partTypes = w.partitionBy().stream().mapToInt(TypedExpr::type).toArray();
        Evaluator[] order = new Evaluator[w.orderBy().size()];
        List<SortKey> keys = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            SortItem s = w.orderBy().get(i);
            order[i] = c.compile(s.expr());
            keys.add(new SortKey(i, s.expr().type(), s.descending(), s.nullsFirst()));
        }
        List<WindowFunctions> fs = new ArrayList<>();
        for (TypedExpr.WindowFunc f : funcs) {
            Evaluator[] args = c.compileAll(f.args()).toArray(Evaluator[]::new);
            AggSpec agg = null;
            if (f.aggregate() != null) {
                agg = new AggSpec(f.name(), f.aggregate().aggregate(), args,
                        f.args().stream().mapToInt(TypedExpr::type).toArray(), false,
                        f.filter() == null ? null : c.predicate(f.filter()), new Evaluator[0], List.of());
            }
            fs.add(new WindowFunctions(f.name(), agg, args));
        }
        Plan p = new WindowAgg(in.plan(), partition, partTypes, order, keys, w.frameOptions(),
                w.startOffset() == null ? null : c.compile(w.startOffset()),
                w.endOffset() == null ? null : c.compile(w.endOffset()), fs);
        RowLayout out = RowLayout.concat(in.layout(), new RowLayout());
        int base = in.plan().width();
        out.setWidth(base);
        for (int i = 0; i < funcs.size(); i++) {
            out.putExpr(funcs.get(i), base + i);
        }
        return new Built(p, out);
    }
}
