package dev.tusk.utils.adt;

import java.util.List;

/**
 * A one-dimensional SQL array (lower bound 1). {@code elements} may hold nulls (SQL NULL elements); each
 * non-null element uses the element type's carrier. An empty array has no elements.
 */
public record ArrayValue(int elementTypeOid, List<Object> elements) {
    public ArrayValue {
        elements = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(elements));
    }

    public int size() {
        return elements.size();
    }

    public Object get(int zeroBasedIndex) {
        return elements.get(zeroBasedIndex);
    }

    public boolean hasNulls() {
        return elements.contains(null);
    }
}
