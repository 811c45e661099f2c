package dev.tusk.executor;

import dev.tusk.utils.adt.Comparisons;
import java.util.Arrays;

/**
 * A hash-table key of several values with the types' own equality and hashing (numeric 1.0 = 1.00, bpchar
 * trailing blanks...). NULLs are equal to each other here, as GROUP BY, DISTINCT and set operations want;
 * hash joins skip NULL keys before building one.
 */
public final class RowKey {
    private final Object[] values;
    private final int[] types;
    private final int hash;

    public RowKey(Object[] values, int[] types) {
        this.values = values;
        this.types = types;
        int h = 1;
        for (int i = 0; i < values.length; i++) {
            h = h * 31 + (values[i] == null ? 0 : Comparisons.hash(types[i], values[i]));
        }
        this.hash = h;
    }

    /** The key of {@code slots} of {@code row}. */
    public static RowKey of(Object[] row, int[] slots, int[] types) {
        Object[] v = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
            v[i] = row[slots[i]];
        }
        return new RowKey(v, types);
    }

    public Object[] values() {
        return values;
    }

    public boolean hasNull() {
        for (Object v : values) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RowKey k) || k.hash != hash || k.values.length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            Object a = values[i];
            Object b = k.values[i];
            if (a == null || b == null) {
                if (a != b) {
                    return false;
                }
            } else if (!Comparisons.equal(types[i], a, b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
