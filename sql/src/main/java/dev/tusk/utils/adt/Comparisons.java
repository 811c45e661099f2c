package dev.tusk.utils.adt;

import java.util.Comparator;

/**
 * Ordering, equality and hashing of values of one type (the default btree and hash opclasses). NULLs are the
 * caller's business (NULLS FIRST/LAST); the comparators never see Java null.
 */
public final class Comparisons {
    private Comparisons() {
    }

    /** btree comparison (BTORDER_PROC) of two non-null values of {@code typeOid}. */
    public static int compare(int typeOid, Object a, Object b) {
        return TypeHandlers.of(typeOid).compare(typeOid, a, b);
    }

    /** A comparator for sorting values of {@code typeOid}. */
    public static Comparator<Object> comparator(int typeOid) {
        TypeHandler h = TypeHandlers.of(typeOid);
        return (a, b) -> h.compare(typeOid, a, b);
    }

    /** The type's = operator. */
    public static boolean equal(int typeOid, Object a, Object b) {
        return compare(typeOid, a, b) == 0;
    }

    /**
     * A hash consistent with {@link #equal} (GROUP BY, DISTINCT, hash joins): values that compare equal hash
     * alike (numeric 1.0 and 1.00, bpchar 'a' and 'a  ', interval '1 day' and '24 hours').
     */
    public static int hash(int typeOid, Object value) {
        return HashKeys.hash(typeOid, value);
    }
}
