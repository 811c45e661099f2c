package dev.tusk.access.nbtree;

import dev.tusk.access.heap.ItemPointer;
import java.util.Arrays;

/**
 * One leaf entry as the access method hands it out or takes it in: the key column values (null for SQL
 * NULL) and the heap TID packed by {@link ItemPointer#packed()}.
 */
public record IndexEntry(Object[] values, long heapTid) {
    public IndexEntry {
        values = values.clone();
    }

    @Override
    public Object[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexEntry e && e.heapTid == heapTid && Arrays.deepEquals(e.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values) * 31 + Long.hashCode(heapTid);
    }

    @Override
    public String toString() {
        String tid = heapTid < 0 ? "(none)" : ItemPointer.fromPacked(heapTid).toString();
        return Arrays.deepToString(values) + "@" + tid;
    }
}
