package dev.tusk.optimizer;

import dev.tusk.catalog.ColumnDesc;
import dev.tusk.executor.DmlShape;
import dev.tusk.executor.Evaluator;
import dev.tusk.executor.ExecContext;
import dev.tusk.executor.ExecState;
import dev.tusk.executor.ExprCompiler;
import dev.tusk.executor.Plan;
import dev.tusk.executor.PlannedDelete;
import dev.tusk.executor.PlannedInsert;
import dev.tusk.executor.PlannedQuery;
import dev.tusk.executor.PlannedStatement;
import dev.tusk.executor.PlannedUpdate;
import dev.tusk.executor.Returning;
import dev.tusk.executor.RowLayout;
import dev.tusk.parser.analyze.Analyzer;
import dev.tusk.parser.analyze.DmlQuery;
import dev.tusk.parser.analyze.Query;
import dev.tusk.parser.analyze.TargetEntry;
import dev.tusk.parser.analyze.TypedExpr;
import dev.tusk.tcop.ResultColumn;
import dev.tusk.utils.adt.PgType;
import dev.tusk.utils.adt.TypeRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The planner entry (PostgreSQL's planner.c standard_planner) for analyzed statements: builds the plan tree,
 * the RowDescription columns, and for DML the row-source shapes of contract 5.
 */
final class Planner {
    private final PlanningContext ctx;
    private final Analyzer analyzer;

    Planner(PlanningContext ctx, Analyzer analyzer) {
        this.ctx = ctx;
        this.analyzer = analyzer;
    }

    PlannedQuery planQuery(Query q) {
        Plan p = new QueryPlanBuilder(null).build(q);
        return new PlannedQuery(p, columns(q.resultTargets()), analyzer.finishParamTypes(),
                new HashSet<>(analyzer.relationOids()));
    }

    PlannedStatement planDml(DmlQuery d) {
        QueryPlanBuilder b = new QueryPlanBuilder(null);
        Query q = d.source();
        switch (d.kind()) {
            case INSERT -> {
                Plan p = b.build(q);
                RowLayout l = new RowLayout();
                for (int i = 0; i < d.target().columns().size(); i++) {
                    l.putVar(0, i + 1, i);
                }
                Returning r = returning(d.returning(), l, b, null);
                return new PlannedInsert(d.target(), p, r, analyzer.finishParamTypes(),
                        new HashSet<>(analyzer.relationOids()), onConflict(d, b));
            }
            default -> {
                Built src = new FromPlanner(b).planFrom(q);
                RowLayout l = src.layout();
                ExprCompiler c = b.compiler(l);
                List<ColumnDesc> cols = d.target().columns();
                int[] targetSlots = new int[cols.size()];
                for (int i = 0; i < cols.size(); i++) {
                    targetSlots[i] = cols.get(i).dropped() ? -1
                            : l.slotOf(new TypedExpr.Var(0, d.targetRt(), i + 1, 0, -1, -1));
                }
                int ctidSlot = l.slotOf(new TypedExpr.Var(0, d.targetRt(), TypedExpr.Var.CTID_ATTNO, 0, -1, -1));
                Evaluator quals = q.where() == null ? null : c.compile(q.where());
                Returning r = returning(d.returning(), l, b, targetSlots);
                if (d.kind() == DmlQuery.Kind.UPDATE) {
                    Evaluator[] newValues = new Evaluator[cols.size()];
                    for (int i = 0; i < cols.size(); i++) {
                        newValues[i] = cols.get(i).dropped() ? null : c.compile(q.targets().get(i).expr());
                    }
                    DmlShape shape = new DmlShape(ctidSlot, targetSlots, quals, newValues);
                    return new PlannedUpdate(d.target(), src.plan(), shape, new HashSet<>(d.updatedAttnums()), r,
                            analyzer.finishParamTypes(), new HashSet<>(analyzer.relationOids()));
                }
                DmlShape shape = new DmlShape(ctidSlot, targetSlots, quals, null);
                return new PlannedDelete(d.target(), src.plan(), shape, r, analyzer.finishParamTypes(),
                        new HashSet<>(analyzer.relationOids()));
            }
        }
    }

    /**
     * RETURNING over {@code layout}; with {@code targetSlots} (UPDATE/DELETE) the written row replaces the
     * target's columns in the source row first, else (INSERT) the target row is the input row itself.
     */
    private static Returning returning(List<TargetEntry> list, RowLayout layout, QueryPlanBuilder b,
            int[] targetSlots) {
        if (list.isEmpty()) {
            return null;
        }
        ExprCompiler c = b.compiler(layout);
        Evaluator[] evals = new Evaluator[list.size()];
        for (int i = 0; i < evals.length; i++) {
            evals[i] = c.compile(list.get(i).expr());
        }
        List<ResultColumn> cols = columns(list);
        return new Returning() {
            @Override
            public List<ResultColumn> columns() {
                return cols;
            }

            @Override
            public Object[] project(Object[] targetRow, Object[] sourceRow, ExecContext ctx) {
                Object[] in;
                if (targetSlots == null || sourceRow == null) {
                    in = targetRow;
                } else {
                    in = sourceRow.clone();
                    for (int i = 0; i < targetSlots.length; i++) {
                        if (targetSlots[i] >= 0) {
                            in[targetSlots[i]] = targetRow[i];
                        }
                    }
                }
                ExecState st = new ExecState(ctx);
                Object[] out = new Object[evals.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = evals[i].eval(in, st);
                }
                return out;
            }
        };
    }

    /** RowDescription fields for result targets. */
    static List<ResultColumn> columns(List<TargetEntry> targets) {
        List<ResultColumn> out = new ArrayList<>();
        for (TargetEntry t : targets) {
            int type = t.expr().type();
            PgType pt = TypeRegistry.builtin().byOid(type).orElse(null);
            short len = (short) (pt == null ? -1 : pt.typlen());
            out.add(new ResultColumn(t.name(), t.tableOid(), (short) t.columnNumber(), type, len, t.expr().typmod(),
                    (short) 0));
        }
        return out;
    }

    /** ON CONFLICT compiled over (existing row, excluded row): range entries 0 and 1 side by side. */
    private static dev.tusk.executor.OnConflict onConflict(DmlQuery d, QueryPlanBuilder b) {
        dev.tusk.parser.analyze.OnConflictSpec oc = d.onConflict();
        if (oc == null) {
            return null;
        }
        if (oc.action() == dev.tusk.nodes.OnConflictClause.Action.NOTHING) {
            return new dev.tusk.executor.OnConflict(true, oc.arbiters(), new Evaluator[0], null, List.of());
        }
        int n = d.target().columns().size();
        RowLayout l = new RowLayout();
        for (int i = 0; i < n; i++) {
            l.putVar(0, i + 1, i);
            l.putVar(1, i + 1, n + i);
        }
        l.setWidth(2 * n);
        ExprCompiler c = b.compiler(l);
        Evaluator[] set = new Evaluator[n];
        for (int i = 0; i < n; i++) {
            TypedExpr e = oc.setValues().get(i);
            set[i] = e == null ? null : c.compile(e);
        }
        Evaluator where = oc.where() == null ? null : c.compile(oc.where());
        return new dev.tusk.executor.OnConflict(false, oc.arbiters(), set, where, oc.updatedAttnums());
    }
}
