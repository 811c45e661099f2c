package dev.tusk.executor;

import dev.tusk.parser.analyze.Query;

/** The planner callback the expression compiler uses for sublinks: plans a subquery with its outer references. */
@FunctionalInterface
public interface SubqueryPlanner {
    /** A planned subquery: {@code plan} produces its result columns; {@code refs} lists its outer references. */
    record SubPlan(Plan plan, OuterRefs refs) {
    }

    SubPlan plan(Query subquery);
}
