package dev.tusk.catalog;

import dev.tusk.access.heap.ItemPointer;
import dev.tusk.utils.adt.ArrayValue;
import dev.tusk.utils.adt.TypeOids;
import java.util.ArrayList;
import java.util.List;

/**
 * One catalog row in SQL value carriers, addressed by column name ({@code heap_form_tuple} /
 * {@code heap_deform_tuple} over a catalog's {@code Form_pg_*} struct). New rows start with every NOT NULL
 * column at its zero value (0, false, empty name, "char" ' ') and nullable columns NULL.
 */
final class CatalogRow {
    private final CatalogTable table;
    private final Object[] values;
    private final ItemPointer tid;

    private CatalogRow(CatalogTable table, Object[] values, ItemPointer tid) {
        this.table = table;
        this.values = values;
        this.tid = tid;
    }

    static CatalogRow create(CatalogTable table) {
        Object[] v = new Object[table.natts()];
        for (int i = 0; i < v.length; i++) {
            CatalogTable.CatalogColumn c = table.columns().get(i);
            if (c.notNull()) {
                v[i] = zero(c.typeOid());
            }
        }
        return new CatalogRow(table, v, null);
    }

    static CatalogRow of(CatalogTable table, Object[] values, ItemPointer tid) {
        return new CatalogRow(table, values, tid);
    }

    private static Object zero(int typeOid) {
        return switch (typeOid) {
            case TypeOids.BOOL -> false;
            case TypeOids.INT2 -> (short) 0;
            case TypeOids.INT8 -> 0L;
            case TypeOids.FLOAT4 -> 0f;
            case TypeOids.CHAR -> " ";
            case TypeOids.NAME, TypeOids.TEXT, TypeOids.PG_NODE_TREE -> "";
            case TypeOids.INT2VECTOR -> new ArrayValue(TypeOids.INT2, List.of());
            case TypeOids.OIDVECTOR -> new ArrayValue(TypeOids.OID, List.of());
            case TypeOids.INT2_ARRAY -> new ArrayValue(TypeOids.INT2, List.of());
            case TypeOids.OID_ARRAY -> new ArrayValue(TypeOids.OID, List.of());
            case TypeOids.TEXT_ARRAY -> new ArrayValue(TypeOids.TEXT, List.of());
            case TypeOids.CHAR_ARRAY -> new ArrayValue(TypeOids.CHAR, List.of());
            case TypeOids.ACLITEM_ARRAY -> new ArrayValue(TypeOids.ACLITEM, List.of());
            default -> 0;
        };
    }

    CatalogTable table() {
        return table;
    }

    /** The row's TID when it was read from the heap, else null. */
    ItemPointer tid() {
        return tid;
    }

    /** A copy for an update of this row (same TID). */
    CatalogRow copy() {
        return new CatalogRow(table, values.clone(), tid);
    }

    Object[] values() {
        return values;
    }

    CatalogRow set(String column, Object value) {
        values[table.index(column)] = value;
        return this;
    }

    /** Sets a "char" column. */
    CatalogRow setChar(String column, char c) {
        return set(column, String.valueOf(c));
    }

    /** Sets an int2vector/oidvector/int2[]/oid[] column from ints. */
    CatalogRow setInts(String column, int elementType, List<Integer> ints) {
        return set(column, CatalogTypes.vector(elementType, ints));
    }

    Object get(String column) {
        return values[table.index(column)];
    }

    int getInt(String column) {
        Object v = get(column);
        return v == null ? 0 : ((Number) v).intValue();
    }

    long getLong(String column) {
        Object v = get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    boolean getBool(String column) {
        return Boolean.TRUE.equals(get(column));
    }

    String getString(String column) {
        return (String) get(column);
    }

    /** A "char" column as a Java char ('\0' for the empty string, as PostgreSQL stores it). */
    char getChar(String column) {
        String s = (String) get(column);
        return s == null || s.isEmpty() ? '\0' : s.charAt(0);
    }

    /** An int2vector/oidvector/int2[]/oid[] column as ints (empty for NULL). */
    List<Integer> getInts(String column) {
        ArrayValue a = (ArrayValue) get(column);
        List<Integer> out = new ArrayList<>();
        if (a != null) {
            for (Object o : a.elements()) {
                out.add(((Number) o).intValue());
            }
        }
        return out;
    }
}
