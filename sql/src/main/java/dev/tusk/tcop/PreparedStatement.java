package dev.tusk.tcop;

import java.util.List;

/**
 * A parsed and analyzed statement (PostgreSQL's CachedPlanSource). {@code columns} is null when the statement
 * returns no rows (ParameterDescription/NoData for Describe), empty never.
 */
public interface PreparedStatement {
    /** The statement text (for logging and pg_prepared_statements). */
    String sql();

    /** The parameter types, resolved: one OID per $n, in order. */
    int[] paramTypeOids();

    /** The row shape, or null when the statement returns no rows. Formats are all text here. */
    List<ResultColumn> columns();

    /** True for an empty query string (EmptyQueryResponse). */
    boolean isEmpty();
}
