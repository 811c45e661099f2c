package dev.tusk.access.nbtree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.heap.ItemPointer;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class IndexTupleTest {
    static final IndexKeyDesc KEYS = IndexKeyDesc.ascending(TupleDesc.of(Attribute.of("a", AttrType.INT4),
            Attribute.of("b", AttrType.TEXT), Attribute.of("c", AttrType.INT8)));

    @Test
    void leafTupleRoundTripsValuesNullsAndTid() {
        long tid = new ItemPointer(70000, 12).packed();
        byte[] t = IndexTuple.formLeaf(KEYS, new Object[] {7, null, 9L}, tid);
        MemorySegment s = MemorySegment.ofArray(t);
        assertEquals(0, t.length % Page.MAXIMUM_ALIGNOF);
        assertEquals(t.length, IndexTuple.size(s));
        assertFalse(IndexTuple.isPivot(s));
        assertTrue(IndexTuple.hasNulls(s));
        assertEquals(tid, IndexTuple.heapTid(s));
        assertArrayEquals(new Object[] {7, null, 9L}, IndexTuple.values(KEYS, s));
        assertEquals(3, IndexTuple.keyCount(KEYS, s));
    }

    @Test
    void pivotKeepsKeysHeapTidAndDownlink() {
        long tid = new ItemPointer(3, 4).packed();
        byte[] leaf = IndexTuple.formLeaf(KEYS, new Object[] {1, "hello", 2L}, tid);
        byte[] pivot = IndexTuple.toPivot(KEYS, MemorySegment.ofArray(leaf), 42);
        MemorySegment p = MemorySegment.ofArray(pivot);
        assertTrue(IndexTuple.isPivot(p));
        assertEquals(42, IndexTuple.downlink(p));
        assertEquals(tid, IndexTuple.heapTid(p));
        assertArrayEquals(new Object[] {1, "hello", 2L}, IndexTuple.values(KEYS, p));
        MemorySegment moved = MemorySegment.ofArray(IndexTuple.withDownlink(pivot, 99));
        assertEquals(99, IndexTuple.downlink(moved));
        assertEquals(tid, IndexTuple.heapTid(moved));
    }

    @Test
    void separatorKeepsTheLeftTidOnlyWhenKeysTie() {
        MemorySegment left = MemorySegment.ofArray(IndexTuple.formLeaf(KEYS, new Object[] {1, "a", 1L}, 10));
        MemorySegment tie = MemorySegment.ofArray(IndexTuple.formLeaf(KEYS, new Object[] {1, "a", 1L}, 20));
        MemorySegment greater = MemorySegment.ofArray(IndexTuple.formLeaf(KEYS, new Object[] {1, "b", 1L}, 5));
        MemorySegment s1 = MemorySegment.ofArray(IndexTuple.separator(KEYS, left, tie, true));
        assertEquals(10, IndexTuple.heapTid(s1));
        MemorySegment s2 = MemorySegment.ofArray(IndexTuple.separator(KEYS, left, greater, true));
        assertEquals(IndexTuple.NO_HEAP_TID, IndexTuple.heapTid(s2));
        assertArrayEquals(new Object[] {1, "b", 1L}, IndexTuple.values(KEYS, s2));
        // An insertion key equal to the separator's keys sorts after it: the TID is minus infinity.
        assertEquals(1, BTScanKey.forInsert(KEYS, new Object[] {1, "b", 1L}, 1).compareTuple(s2));
        assertEquals(0, BTScanKey.forInsert(KEYS, new Object[] {1, "a", 1L}, 10).compareTuple(s1));
    }

    @Test
    void minusInfinityHasNoKeysAndSortsBelowEverything() {
        MemorySegment m = MemorySegment.ofArray(IndexTuple.minusInfinity(5));
        assertEquals(0, IndexTuple.keyCount(KEYS, m));
        assertEquals(5, IndexTuple.downlink(m));
        assertEquals(IndexTuple.NO_HEAP_TID, IndexTuple.heapTid(m));
        BTScanKey key = new BTScanKey(KEYS, new Object[] {Integer.MIN_VALUE}, IndexTuple.NO_HEAP_TID, false);
        assertEquals(1, key.compareTuple(m));
    }
}
