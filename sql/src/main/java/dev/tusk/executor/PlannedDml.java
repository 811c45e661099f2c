package dev.tusk.executor;

import dev.tusk.tcop.ResultColumn;
import java.util.List;
import java.util.Set;

/**
 * What {@link PlannedInsert}, {@link PlannedUpdate} and {@link PlannedDelete} have in common as prepared
 * statements: the optional RETURNING list (which is also the statement's result columns), the parameter types
 * and the relations whose change invalidates the plan.
 */
abstract class PlannedDml {
    private final Returning returning;
    private final int[] paramTypes;
    private final Set<Integer> relationOids;

    PlannedDml(Returning returning, int[] paramTypes, Set<Integer> relationOids) {
        this.returning = returning;
        this.paramTypes = paramTypes.clone();
        this.relationOids = Set.copyOf(relationOids);
    }

    /** The compiled RETURNING list, or null. */
    public Returning returning() {
        return returning;
    }

    public int[] paramTypes() {
        return paramTypes.clone();
    }

    /** RETURNING's columns, or null when the statement returns no rows. */
    public List<ResultColumn> columns() {
        return returning == null ? null : returning.columns();
    }

    public Set<Integer> relationOids() {
        return relationOids;
    }
}
