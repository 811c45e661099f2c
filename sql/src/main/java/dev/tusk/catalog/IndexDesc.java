package dev.tusk.catalog;

import dev.tusk.access.nbtree.IndexKeyDesc;
import dev.tusk.access.nbtree.IndexRelation;
import dev.tusk.storage.RelFileLocator;
import java.util.List;

/**
 * One B-tree index, from its {@code pg_class} and {@code pg_index} rows.
 *
 * @param oid          indexrelid
 * @param name         the index relation's name
 * @param relationOid  indrelid: the indexed table
 * @param keyAttnums   indkey: table attnums of the key columns, in key order
 * @param orders       per key column ASC/DESC and NULLS FIRST/LAST (indoption)
 * @param unique       indisunique
 * @param primary      indisprimary
 * @param nullsNotDistinct indnullsnotdistinct
 * @param locator      the index's files
 * @param keyDesc      the storage key descriptor the B-tree compares with
 */
public record IndexDesc(int oid, String name, int relationOid, List<Integer> keyAttnums,
        List<IndexKeyDesc.ColumnOrder> orders, boolean unique, boolean primary, boolean nullsNotDistinct,
        RelFileLocator locator, IndexKeyDesc keyDesc) {

    public IndexDesc {
        keyAttnums = List.copyOf(keyAttnums);
        orders = List.copyOf(orders);
    }

    /** What {@code dev.tusk.access.nbtree.BTree.open} needs. */
    public IndexRelation indexRelation() {
        return new IndexRelation(name, locator, keyDesc, unique);
    }
}
