package dev.tusk.optimizer;

import dev.tusk.executor.Evaluator;
import dev.tusk.executor.ExprCompiler;
import dev.tusk.executor.HashJoin;
import dev.tusk.executor.JoinKind;
import dev.tusk.executor.Plan;
import dev.tusk.parser.analyze.ExprTrees;
import dev.tusk.parser.analyze.JoinTree;
import dev.tusk.parser.analyze.Query;
import dev.tusk.parser.analyze.TargetEntry;
import dev.tusk.parser.analyze.TypedExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * [NOT] EXISTS pulled up into a semi (anti) hash join (PostgreSQL's convert_EXISTS_sublink_to_join) when the
 * subquery is a plain join of tables whose only references to the outer query are equalities
 * {@code inner_expr = outer_expr}: the subquery then runs once, hashed on its side of those equalities, instead
 * of once per outer row.
 */
final class SemiJoins {
    private SemiJoins() {
    }

    /** The join replacing conjunct {@code c} over {@code outer}, or null when it does not qualify. */
    static Built tryPullUp(TypedExpr c, Built outer, QueryPlanBuilder builder) {
        boolean anti = false;
        if (c instanceof TypedExpr.Bool b && b.kind() == TypedExpr.BoolKind.NOT && b.args().size() == 1) {
            c = b.args().get(0);
            anti = true;
        }
        if (!(c instanceof TypedExpr.SubLink s) || s.kind() != TypedExpr.SubLinkKind.EXISTS) {
            return null;
        }
        Query q = s.subquery();
        if (q.hasAggs() || q.setOp() != null || q.limit() != null || q.offset() != null || !q.ctes().isEmpty()
                || q.distinct() || q.from().isEmpty()) {
            return null;
        }
        for (JoinTree t : q.from()) {
            if (!(t instanceof JoinTree.Ref)) {
                return null;
            }
        }
        List<TypedExpr> innerKeys = new ArrayList<>();
        List<TypedExpr> outerKeys = new ArrayList<>();
        List<TypedExpr> rest = new ArrayList<>();
        for (TypedExpr w : Conjuncts.split(q.where())) {
            if (ExprTrees.hasSubLinks(w)) {
                return null;
            }
            if (!hasOuter(w)) {
                rest.add(w);
                continue;
            }
            if (!(w instanceof TypedExpr.Op op) || op.left() == null || !op.operator().name().equals("=")
                    || !op.operator().canHash() || op.left().type() != op.right().type()) {
                return null;
            }
            if (onlyOuter(op.right()) && !hasOuter(op.left()) && ExprTrees.hasLocalVars(op.left())) {
                innerKeys.add(op.left());
                outerKeys.add(op.right());
            } else if (onlyOuter(op.left()) && !hasOuter(op.right()) && ExprTrees.hasLocalVars(op.right())) {
                innerKeys.add(op.right());
                outerKeys.add(op.left());
            } else {
                return null;
            }
        }
        if (innerKeys.isEmpty()) {
            return null;
        }
        List<TargetEntry> targets = new ArrayList<>();
        for (TypedExpr k : innerKeys) {
            targets.add(new TargetEntry(k, "?column?", false, 0, 0));
        }
        TypedExpr where = rest.isEmpty() ? null
                : rest.size() == 1 ? rest.get(0) : new TypedExpr.Bool(TypedExpr.BoolKind.AND, rest);
        Query inner = new Query(q.rtable(), q.from(), where, targets, List.of(), null, false, List.of(), false,
                List.of(), null, null, null, List.of());
        Plan innerPlan = builder.nested().build(inner);
        ExprCompiler oc = builder.compiler(outer.layout());
        Evaluator[] ok = new Evaluator[outerKeys.size()];
        Evaluator[] ik = new Evaluator[innerKeys.size()];
        int[] types = new int[innerKeys.size()];
        for (int i = 0; i < ok.length; i++) {
            ok[i] = oc.compile(ExprTrees.incrementLevels(outerKeys.get(i), -1));
            int slot = i;
            ik[i] = (row, st) -> row[slot];
            types[i] = innerKeys.get(i).type();
        }
        Plan p = new HashJoin(outer.plan(), innerPlan, anti ? JoinKind.ANTI : JoinKind.SEMI, ok, ik, types, null);
        return new Built(p, outer.layout());
    }

    private static boolean hasOuter(TypedExpr e) {
        return ExprTrees.any(e, x -> x instanceof TypedExpr.Var v && v.levelsUp() > 0);
    }

    /** Reads only the immediately enclosing query's columns (and at least one). */
    private static boolean onlyOuter(TypedExpr e) {
        boolean[] ok = {true};
        boolean[] any = {false};
        ExprTrees.any(e, x -> {
            if (x instanceof TypedExpr.Var v) {
                any[0] = true;
                ok[0] &= v.levelsUp() == 1;
            }
            return false;
        });
        return ok[0] && any[0] && !ExprTrees.hasSubLinks(e);
    }
}
