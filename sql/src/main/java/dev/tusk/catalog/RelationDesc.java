package dev.tusk.catalog;

import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.heap.HeapRelation;
import java.util.ArrayList;
import java.util.List;

/**
 * A relation as the analyzer, executor and utility commands see it (PostgreSQL's relcache entry): its
 * {@code pg_class} row with columns, indexes, constraints and, for a view, its definition.
 *
 * @param oid            pg_class OID
 * @param name           relname
 * @param namespaceOid   relnamespace
 * @param namespaceName  the schema's name
 * @param relkind        'r' table, 'i' index, 'S' sequence, 'v' view, 'c' composite type
 * @param persistence    relpersistence: 'p' permanent, 'u' unlogged, 't' temporary
 * @param ownerOid       relowner
 * @param locator        the relation's files (null for views and composite types)
 * @param columns        all columns in attnum order, dropped ones included (see {@link #liveColumns})
 * @param indexes        the indexes on this table (empty for non-tables)
 * @param constraints    pg_constraint rows with conrelid = this relation
 * @param viewDefinition the view's SELECT text (PostgreSQL's pg_get_viewdef form), null for non-views
 * @param storageDesc    the storage tuple descriptor of stored rows (one attribute per column, dropped included)
 */
public record RelationDesc(int oid, String name, int namespaceOid, String namespaceName, char relkind,
        char persistence, int ownerOid, dev.tusk.storage.RelFileLocator locator, List<ColumnDesc> columns,
        List<IndexDesc> indexes, List<ConstraintDesc> constraints, String viewDefinition, TupleDesc storageDesc) {

    public static final char KIND_TABLE = 'r';
    public static final char KIND_INDEX = 'i';
    public static final char KIND_SEQUENCE = 'S';
    public static final char KIND_VIEW = 'v';
    public static final char KIND_COMPOSITE = 'c';

    public RelationDesc {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        constraints = List.copyOf(constraints);
    }

    /** The columns a query sees: not dropped, in attnum order. */
    public List<ColumnDesc> liveColumns() {
        List<ColumnDesc> out = new ArrayList<>(columns.size());
        for (ColumnDesc c : columns) {
            if (!c.dropped()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The live column called {@code name}, or null. */
    public ColumnDesc column(String name) {
        for (ColumnDesc c : columns) {
            if (!c.dropped() && c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The column at {@code attnum} (1-based), dropped or not. */
    public ColumnDesc column(int attnum) {
        return columns.get(attnum - 1);
    }

    /** The primary key's index, or null. */
    public IndexDesc primaryKey() {
        for (IndexDesc i : indexes) {
            if (i.primary()) {
                return i;
            }
        }
        return null;
    }

    /** What {@code HeapAm} needs to read and write the rows (tables, and sequences' storage). */
    public HeapRelation heapRelation() {
        if (locator == null) {
            throw new IllegalStateException("relation \"" + name + "\" has no storage");
        }
        return new HeapRelation(locator, storageDesc);
    }

    public boolean isView() {
        return relkind == KIND_VIEW;
    }

    public boolean isTable() {
        return relkind == KIND_TABLE;
    }
}
