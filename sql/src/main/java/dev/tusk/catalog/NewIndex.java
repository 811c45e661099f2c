package dev.tusk.catalog;

import dev.tusk.access.nbtree.IndexKeyDesc;
import java.util.List;

/**
 * A B-tree index to create on table {@code relationOid} (in the table's schema).
 *
 * @param keyAttnums table attnums of the key columns
 * @param orders     one per key column
 */
public record NewIndex(String name, int relationOid, List<Integer> keyAttnums, List<IndexKeyDesc.ColumnOrder> orders,
        boolean unique, boolean primary, boolean nullsNotDistinct) {
    public NewIndex {
        keyAttnums = List.copyOf(keyAttnums);
        orders = List.copyOf(orders);
        if (orders.size() != keyAttnums.size()) {
            throw new IllegalArgumentException("one order per key column");
        }
    }
}
