package dev.tusk.executor;

import dev.tusk.catalog.ColumnDesc;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.utils.adt.StorageForms;
import java.util.List;

/**
 * Conversion between stored values (what HeapAm/BTree return and take, per {@code AttrType}) and the SQL value
 * carriers of contract 3, per column type. Delegates to the type layer's storage mapping (contract 3).
 */
public final class StorageCarriers {
    private StorageCarriers() {
    }

    /** Stored value to SQL carrier for a column of type {@code typeOid}. */
    public static Object fromStorage(int typeOid, Object stored) {
        return stored == null ? null : StorageForms.fromStorage(typeOid, stored);
    }

    /** SQL carrier to stored value. */
    public static Object toStorage(int typeOid, Object value) {
        return value == null ? null : StorageForms.toStorage(typeOid, value);
    }

    /** Per-column converters of a relation (attnum order); null entries mean "identity". */
    static int[] columnTypes(RelationDesc rel) {
        List<ColumnDesc> cols = rel.columns();
        int[] types = new int[cols.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = cols.get(i).dropped() ? 0 : cols.get(i).typeOid();
        }
        return types;
    }

    /** Converts a stored row in place to SQL carriers (dropped columns become null). */
    static void rowFromStorage(int[] types, Object[] values) {
        for (int i = 0; i < types.length && i < values.length; i++) {
            values[i] = types[i] == 0 ? null : fromStorage(types[i], values[i]);
        }
    }

    /** A stored row from SQL carriers (for H6: heap insert/update). */
    public static Object[] rowToStorage(RelationDesc rel, Object[] row) {
        int[] types = columnTypes(rel);
        Object[] out = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            out[i] = types[i] == 0 ? null : toStorage(types[i], row[i]);
        }
        return out;
    }
}
