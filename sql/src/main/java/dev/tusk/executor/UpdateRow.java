package dev.tusk.executor;

import dev.tusk.access.heap.ItemPointer;

/**
 * One row an UPDATE changes.
 *
 * @param ctid      the TID of the row version the statement's snapshot saw (what heap_update gets)
 * @param oldRow    that version's values, one per column of the target relation in attnum order (dropped
 *                  columns included as null), SQL value carriers
 * @param newRow    the new values, same shape: SET expressions evaluated and coerced to the column types with
 *                  typmods applied (assignment casts, varchar(n) 22001...); unchanged columns copied from oldRow;
 *                  DEFAULT evaluated
 * @param sourceRow the whole joined input row (UPDATE ... FROM) for {@link Returning#project}; opaque to H6
 */
public record UpdateRow(ItemPointer ctid, Object[] oldRow, Object[] newRow, Object[] sourceRow) {
}
