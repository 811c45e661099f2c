package dev.tusk.access.nbtree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** _bt_compare / _bt_binsrch on pages built in heap memory, without a buffer pool. */
class BTScanKeyTest {
    static final IndexKeyDesc KEYS = IndexKeyDesc.ascending(TupleDesc.of(Attribute.of("k", AttrType.INT4)));

    /** A non-rightmost leaf with high key 1000 and keys 0, 10, .., 490 each twice (tids 1 and 2). */
    private static MemorySegment leaf() {
        MemorySegment page = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
        BTPageOpaque.init(page, 0, 7, 0, BTPageOpaque.BTP_LEAF);
        add(page, IndexTuple.formPivot(KEYS, new Object[] {1000}, 5, 0));
        for (int k = 0; k < 500; k += 10) {
            add(page, IndexTuple.formLeaf(KEYS, new Object[] {k}, 1));
            add(page, IndexTuple.formLeaf(KEYS, new Object[] {k}, 2));
        }
        return page;
    }

    private static void add(MemorySegment page, byte[] t) {
        assertTrue(Page.addItem(page, t, Page.INVALID_OFFSET_NUMBER, false) > 0);
    }

    @Test
    void leafSearchFindsFirstEqualOrFirstGreater() {
        MemorySegment page = leaf();
        assertEquals(2, BTPageOpaque.firstDataKey(page));
        // key 20 is at items 6 (tid 1) and 7 (tid 2).
        assertEquals(6, new BTScanKey(KEYS, new Object[] {20}, IndexTuple.NO_HEAP_TID, false).binarySearch(page));
        assertEquals(8, new BTScanKey(KEYS, new Object[] {20}, IndexTuple.NO_HEAP_TID, true).binarySearch(page));
        assertEquals(7, BTScanKey.forInsert(KEYS, new Object[] {20}, 2).binarySearch(page));
        assertEquals(8, BTScanKey.forInsert(KEYS, new Object[] {20}, 3).binarySearch(page));
        assertEquals(8, new BTScanKey(KEYS, new Object[] {25}, IndexTuple.NO_HEAP_TID, false).binarySearch(page));
        assertEquals(Page.maxOffsetNumber(page) + 1,
                new BTScanKey(KEYS, new Object[] {999}, IndexTuple.NO_HEAP_TID, false).binarySearch(page));
    }

    @Test
    void highKeyDecidesMovingRight() {
        MemorySegment page = leaf();
        assertFalse(new BTScanKey(KEYS, new Object[] {999}, IndexTuple.NO_HEAP_TID, false).beyondHighKey(page));
        assertFalse(new BTScanKey(KEYS, new Object[] {1000}, IndexTuple.NO_HEAP_TID, false).beyondHighKey(page));
        assertTrue(new BTScanKey(KEYS, new Object[] {1000}, IndexTuple.NO_HEAP_TID, true).beyondHighKey(page));
        assertTrue(BTScanKey.forInsert(KEYS, new Object[] {1000}, 6).beyondHighKey(page));
        assertFalse(BTScanKey.forInsert(KEYS, new Object[] {1000}, 4).beyondHighKey(page));
    }

    @Test
    void internalSearchFollowsLastDownlinkBelowKey() {
        MemorySegment page = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
        BTPageOpaque.init(page, 0, 0, 1, 0);
        add(page, IndexTuple.minusInfinity(100));
        add(page, IndexTuple.formPivot(KEYS, new Object[] {50}, 1, 101));
        add(page, IndexTuple.formPivot(KEYS, new Object[] {90}, 1, 102));
        assertEquals(1, new BTScanKey(KEYS, new Object[] {-5}, IndexTuple.NO_HEAP_TID, false).binarySearch(page));
        // Equal to a separator without a TID: the equal keys may start in the left child.
        assertEquals(1, new BTScanKey(KEYS, new Object[] {50}, IndexTuple.NO_HEAP_TID, false).binarySearch(page));
        assertEquals(2, new BTScanKey(KEYS, new Object[] {50}, IndexTuple.NO_HEAP_TID, true).binarySearch(page));
        // A separator is an inclusive upper bound of the left child: its own key goes left, a greater TID right.
        assertEquals(1, BTScanKey.forInsert(KEYS, new Object[] {50}, 1).binarySearch(page));
        assertEquals(2, BTScanKey.forInsert(KEYS, new Object[] {50}, 2).binarySearch(page));
        assertEquals(3, new BTScanKey(KEYS, new Object[] {1000}, IndexTuple.NO_HEAP_TID, false).binarySearch(page));
    }

    @Test
    void splitPointKeepsBothHalvesWithinAPage() {
        List<byte[]> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            items.add(IndexTuple.formLeaf(KEYS, new Object[] {i}, 1));
        }
        int k = NbtSplit.chooseSplit(items, null, true, false);
        assertTrue(k > 150 && k < 250, "balanced split at " + k);
        int ff = NbtSplit.chooseSplit(items, null, true, true);
        assertTrue(ff > 340, "fill-factor split at " + ff);
        List<byte[]> big = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            big.add(IndexTuple.formLeaf(IndexKeyDesc.ascending(TupleDesc.of(Attribute.of("t", AttrType.TEXT))),
                    new Object[] {"x".repeat(BTree.maxItemSize() - 16)}, i + 1));
        }
        int kb = NbtSplit.chooseSplit(big, null, true, false);
        assertTrue(kb == 1 || kb == 2);
    }
}
