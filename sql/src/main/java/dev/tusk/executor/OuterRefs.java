package dev.tusk.executor;

import dev.tusk.parser.analyze.TypedExpr;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outer references of one query level being planned (PostgreSQL's PlannerParamItem list).
 *
 * <p>For a sublink's subquery ({@link #forSubLink()}): each distinct Var of an enclosing query gets a slot;
 * inside the subplan it reads {@link ExecState#outer(int)}, and the SubPlan evaluator computes the values in the
 * enclosing row before each run. Stored relative to the enclosing query (levelsUp one less than inside).
 *
 * <p>For a FROM subquery, view, set-operation leaf ({@link #passThrough}): it runs in its parent's state, so a
 * reference two levels up is the parent's reference one level up; a reference to the parent itself would be
 * LATERAL, which the planner plans as a sublink-style subplan instead (see LateralLoop).
 */
public final class OuterRefs {
    private final List<TypedExpr> parentVars = new ArrayList<>();
    private final OuterRefs parent;
    private final boolean passThrough;

    private OuterRefs(OuterRefs parent, boolean passThrough) {
        this.parent = parent;
        this.passThrough = passThrough;
    }

    public static OuterRefs forSubLink() {
        return new OuterRefs(null, false);
    }

    /** The references of a FROM-clause subquery of a query whose own references are {@code parent} (may be null). */
    public static OuterRefs passThrough(OuterRefs parent) {
        return new OuterRefs(parent, true);
    }

    /**
     * The slot for an outer reference seen inside the query: a Var with levelsUp &gt;= 1 or an aggregate of an
     * enclosing level ({@link TypedExpr.UpperAggref}).
     */
    public int slotFor(TypedExpr inner) {
        int levelsUp = inner instanceof TypedExpr.Var v ? v.levelsUp() : ((TypedExpr.UpperAggref) inner).levelsUp();
        if (passThrough) {
            if (levelsUp == 1 || parent == null) {
                throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED,
                        "LATERAL references in FROM are not supported");
            }
            return parent.slotFor(up(inner));
        }
        TypedExpr p = up(inner);
        int i = parentVars.indexOf(p);
        if (i < 0) {
            parentVars.add(p);
            i = parentVars.size() - 1;
        }
        return i;
    }

    /** The reference as the query one level out sees it. */
    private static TypedExpr up(TypedExpr e) {
        if (e instanceof TypedExpr.Var v) {
            return v.withLevelsUp(v.levelsUp() - 1);
        }
        TypedExpr.UpperAggref u = (TypedExpr.UpperAggref) e;
        return u.levelsUp() == 1 ? u.agg() : new TypedExpr.UpperAggref(u.levelsUp() - 1, u.agg());
    }

    /** The referenced Vars as the enclosing query sees them (sublink form only). */
    public List<TypedExpr> parentVars() {
        return parentVars;
    }

    public boolean isEmpty() {
        return parentVars.isEmpty();
    }
}
