package dev.tusk.access.nbtree;

import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;

/**
 * A search key positioned against index tuples (PostgreSQL's {@code BTScanInsertData} and {@code _bt_compare}).
 *
 * <p>{@code values} may cover only a prefix of the key columns (a scan bound); {@code heapTid} is the
 * tie-breaker column, present only for insertions, where it makes every key unique (PostgreSQL 12's
 * "heapkeyspace"). {@code nextKey} says whether a descent looks for the first item {@code > key}
 * (true) or {@code >= key} (false).
 */
public record BTScanKey(IndexKeyDesc keys, Object[] values, long heapTid, boolean nextKey) {
    public BTScanKey {
        if (values.length == 0 || values.length > keys.natts()) {
            throw new IllegalArgumentException("scan key needs 1.." + keys.natts() + " values");
        }
    }

    /** The key of a leaf tuple about to be inserted: all columns plus the heap TID. */
    public static BTScanKey forInsert(IndexKeyDesc keys, Object[] values, long heapTid) {
        return new BTScanKey(keys, values, heapTid, false);
    }

    /** The same key without its heap TID (the unique check searches with it, as PostgreSQL's scantid=NULL). */
    public BTScanKey withoutTid() {
        return new BTScanKey(keys, values, IndexTuple.NO_HEAP_TID, nextKey);
    }

    public int nkeys() {
        return values.length;
    }

    /**
     * _bt_compare: the sign of (scan key - item {@code offnum}). The first data item of an internal page is
     * minus infinity whatever it holds, so every key is greater.
     */
    public int compare(MemorySegment page, int offnum) {
        if (!BTPageOpaque.isLeaf(page) && offnum == BTPageOpaque.firstDataKey(page)) {
            return 1;
        }
        return compareTuple(Page.item(page, offnum));
    }

    /** _bt_compare without the page context (the tuple is not a first data item of an internal page). */
    public int compareTuple(MemorySegment tuple) {
        int tupAtts = IndexTuple.keyCount(keys, tuple);
        if (tupAtts == 0) {
            return 1;
        }
        Object[] tupValues = IndexTuple.values(keys, tuple);
        int n = Math.min(nkeys(), tupAtts);
        for (int i = 0; i < n; i++) {
            int c = keys.compareColumn(i, values[i], tupValues[i]);
            if (c != 0) {
                return c;
            }
        }
        if (tupAtts < nkeys()) {
            // Truncated columns of a pivot are minus infinity.
            return 1;
        }
        if (nkeys() < keys.natts() || heapTid == IndexTuple.NO_HEAP_TID) {
            return 0;
        }
        long tupTid = IndexTuple.heapTid(tuple);
        if (tupTid == IndexTuple.NO_HEAP_TID) {
            return 1;
        }
        return Long.compare(heapTid, tupTid);
    }

    /** _bt_binsrch: on a leaf the first item {@code >=} (or {@code >}) the key; on an internal page the
     *  last item {@code <} (or {@code <=}) it, whose downlink the descent follows. */
    public int binarySearch(MemorySegment page) {
        int low = BTPageOpaque.firstDataKey(page);
        int high = Page.maxOffsetNumber(page) + 1;
        int cmpVal = nextKey ? 0 : 1;
        while (high > low) {
            int mid = low + (high - low) / 2;
            if (compare(page, mid) >= cmpVal) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return BTPageOpaque.isLeaf(page) ? low : low - 1;
    }

    /** Whether a descent must move right past this page: the key is beyond its high key. */
    public boolean beyondHighKey(MemorySegment page) {
        if (BTPageOpaque.isRightmost(page)) {
            return false;
        }
        int c = compare(page, BTPageOpaque.P_HIKEY);
        return c > 0 || (nextKey && c == 0);
    }
}
