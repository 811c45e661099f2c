package dev.tusk.executor;

import dev.tusk.tcop.ResultColumn;
import java.util.List;

/**
 * A compiled RETURNING list. H6 calls {@link #project} once per row actually written (after the heap change,
 * with the row as stored: for INSERT and UPDATE the new row, for DELETE the old row) and sends the result to
 * the client.
 */
public interface Returning {
    /** RowDescription of the RETURNING list (format 0). */
    List<ResultColumn> columns();

    /**
     * The RETURNING values for one written row.
     *
     * @param targetRow the target relation's row (attnum order, dropped columns null, SQL carriers)
     * @param sourceRow {@link UpdateRow#sourceRow()}/{@link DeleteRow#sourceRow()}, or null for INSERT
     */
    Object[] project(Object[] targetRow, Object[] sourceRow, ExecContext ctx);
}
