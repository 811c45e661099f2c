package dev.tusk.executor;

import dev.tusk.access.heap.ItemPointer;

/**
 * One row a DELETE removes.
 *
 * @param ctid      the TID of the version the snapshot saw
 * @param oldRow    its values in attnum order (dropped columns null), SQL value carriers
 * @param sourceRow the whole joined input row (DELETE ... USING) for {@link Returning#project}; opaque to H6
 */
public record DeleteRow(ItemPointer ctid, Object[] oldRow, Object[] sourceRow) {
}
