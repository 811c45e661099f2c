package dev.tusk.catalog;

import dev.tusk.access.common.AttrType;
import dev.tusk.utils.adt.ArrayValue;
import dev.tusk.utils.adt.StorageForms;
import dev.tusk.utils.adt.TypeOids;
import java.util.ArrayList;
import java.util.List;

/**
 * How catalog (and user) column values are stored: the type layer's storage mapping ({@link StorageForms}),
 * which the executor also uses, so catalog tables read like any other table. String-carried catalog types
 * (name, text, "char", pg_node_tree) are stored as they are.
 */
final class CatalogTypes {
    private CatalogTypes() {
    }

    /** The storage type of SQL type {@code typeOid}. */
    static AttrType attrType(int typeOid) {
        return StorageForms.attrType(typeOid);
    }

    private static boolean plainString(int typeOid) {
        return typeOid == TypeOids.NAME || typeOid == TypeOids.TEXT || typeOid == TypeOids.CHAR
                || typeOid == TypeOids.PG_NODE_TREE;
    }

    /** SQL carrier to stored value. */
    static Object toStorage(int typeOid, Object v) {
        if (v == null || plainString(typeOid)) {
            return v;
        }
        return StorageForms.toStorage(typeOid, v);
    }

    /** Stored value to SQL carrier. */
    static Object fromStorage(int typeOid, Object v) {
        if (v == null || plainString(typeOid)) {
            return v;
        }
        return StorageForms.fromStorage(typeOid, v);
    }

    /** An int2vector/oidvector/int2[]/oid[] value from ints. */
    static ArrayValue vector(int elementType, List<Integer> values) {
        List<Object> els = new ArrayList<>(values.size());
        for (Integer i : values) {
            els.add(elementType == TypeOids.INT2 ? (Object) (short) (int) i : (Object) i);
        }
        return new ArrayValue(elementType, els);
    }
}
