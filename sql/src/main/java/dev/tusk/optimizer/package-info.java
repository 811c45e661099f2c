/**
 * The planner (PostgreSQL's {@code optimizer/}), rule-based for now: {@link dev.tusk.optimizer.QueryPlanner} is
 * the entry; single-table conditions are pushed into scans, a B-tree index on the leading column is used for
 * {@code col op value} with op in = &lt; &lt;= &gt; &gt;= (and BETWEEN), equi-joins become hash joins, other joins
 * nested loops; then aggregation, projection, sort, distinct and limit. Contract 5 is described in
 * {@code dev.tusk.executor}'s package documentation.
 */
package dev.tusk.optimizer;
