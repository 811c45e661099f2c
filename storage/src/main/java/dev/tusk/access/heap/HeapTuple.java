package dev.tusk.access.heap;

import java.util.Arrays;

/** A visible row version copied out of its page: its TID and its column values. */
public record HeapTuple(ItemPointer tid, Object[] values) {
    @Override
    public boolean equals(Object o) {
        return o instanceof HeapTuple h && h.tid.equals(tid) && Arrays.deepEquals(h.values, values);
    }

    @Override
    public int hashCode() {
        return tid.hashCode() * 31 + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return tid + Arrays.deepToString(values);
    }
}
