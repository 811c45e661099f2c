package dev.tusk.storage.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageTest {
    private static MemorySegment newPage(int special) {
        MemorySegment page = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
        Page.init(page, special);
        return page;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(MemorySegment page, int off) {
        return new String(Page.item(page, off).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }

    @Test
    void initLaysOutHeaderLittleEndian() {
        MemorySegment page = newPage(16);
        assertEquals(Page.SIZE_OF_PAGE_HEADER, Page.lower(page));
        assertEquals(Page.BLCKSZ - 16, Page.upper(page));
        assertEquals(Page.BLCKSZ - 16, Page.special(page));
        assertEquals(Page.BLCKSZ | Page.PG_PAGE_LAYOUT_VERSION, Page.pageSizeVersion(page));
        assertEquals(0, Page.maxOffsetNumber(page));
        assertFalse(Page.isNew(page));
        Page.setLsn(page, 0x0102030405060708L);
        assertEquals(0x08, page.get(ValueLayout.JAVA_BYTE, 0), "pd_lsn is little-endian");
        assertEquals(16, Page.specialSpace(page).byteSize());
        // special size is MAXALIGNed
        assertEquals(Page.BLCKSZ - 8, Page.special(newPage(3)));
    }

    @Test
    void addItemPlacesTuplesDownwardAndLinePointersUpward() {
        MemorySegment page = newPage(0);
        assertEquals(1, Page.addItem(page, bytes("hello"), Page.INVALID_OFFSET_NUMBER, false));
        assertEquals(2, Page.addItem(page, bytes("world!!!!"), Page.INVALID_OFFSET_NUMBER, false));
        assertEquals(2, Page.maxOffsetNumber(page));
        assertEquals(Page.SIZE_OF_PAGE_HEADER + 2 * Page.ITEM_ID_SIZE, Page.lower(page));
        assertEquals(Page.BLCKSZ - 8 - 16, Page.upper(page), "each tuple MAXALIGNed");
        assertEquals(Page.BLCKSZ - 8, Page.itemOffset(page, 1));
        assertEquals(5, Page.itemLength(page, 1));
        assertTrue(Page.isNormal(page, 2));
        assertEquals("hello", text(page, 1));
        assertEquals("world!!!!", text(page, 2));
        assertEquals(Page.upper(page) - Page.lower(page) - Page.ITEM_ID_SIZE, Page.freeSpace(page));
    }

    @Test
    void addItemReportsFullPage() {
        MemorySegment page = newPage(0);
        byte[] big = new byte[1000];
        int added = 0;
        while (Page.addItem(page, big, Page.INVALID_OFFSET_NUMBER, false) != Page.INVALID_OFFSET_NUMBER) {
            added++;
        }
        assertEquals(8, added, "8 x (1000 + 4) fit in 8160 bytes, a ninth does not");
        assertTrue(Page.freeSpace(page) < 1000);
    }

    @Test
    void addItemShiftUpInsertsInTheMiddle() {
        MemorySegment page = newPage(16);
        Page.addItem(page, bytes("a"), Page.INVALID_OFFSET_NUMBER, false);
        Page.addItem(page, bytes("c"), Page.INVALID_OFFSET_NUMBER, false);
        assertEquals(2, Page.addItem(page, bytes("b"), 2, true));
        assertEquals("a", text(page, 1));
        assertEquals("b", text(page, 2));
        assertEquals("c", text(page, 3));
    }

    @Test
    void indexTupleDeleteClosesBothGaps() {
        MemorySegment page = newPage(16);
        for (String s : new String[] {"one", "two-two", "three-three-3", "four"}) {
            Page.addItem(page, bytes(s), Page.INVALID_OFFSET_NUMBER, false);
        }
        int upperBefore = Page.upper(page);
        int lowerBefore = Page.lower(page);
        Page.indexTupleDelete(page, 2);
        assertEquals(3, Page.maxOffsetNumber(page));
        assertEquals(lowerBefore - Page.ITEM_ID_SIZE, Page.lower(page));
        assertEquals(upperBefore + 8, Page.upper(page));
        assertEquals("one", text(page, 1));
        assertEquals("three-three-3", text(page, 2));
        assertEquals("four", text(page, 3));
    }

    @Test
    void repairFragmentationCompactsAndKeepsLinePointerNumbers() {
        MemorySegment page = newPage(0);
        byte[] filler = new byte[100];
        for (int i = 0; i < 5; i++) {
            filler[0] = (byte) i;
            Page.addItem(page, filler, Page.INVALID_OFFSET_NUMBER, false);
        }
        int upperBefore = Page.upper(page);
        Page.setItemId(page, 2, 0, Page.LP_UNUSED, 0);
        Page.setItemFlags(page, 4, Page.LP_DEAD);
        Page.repairFragmentation(page);
        assertEquals(5, Page.maxOffsetNumber(page), "line pointers keep their numbers");
        assertEquals(upperBefore + 2 * 104, Page.upper(page), "two tuples' space reclaimed");
        assertEquals(0, Page.itemLength(page, 4), "dead item loses its storage");
        assertEquals(Page.LP_DEAD, Page.itemFlags(page, 4));
        for (int i : new int[] {1, 3, 5}) {
            assertEquals((byte) (i - 1), Page.item(page, i).get(ValueLayout.JAVA_BYTE, 0));
        }
        assertTrue((Page.flags(page) & Page.PD_HAS_FREE_LINES) != 0);
        // the freed line pointer is reused by the next insertion
        assertEquals(2, Page.addItem(page, bytes("reuse"), Page.INVALID_OFFSET_NUMBER, false));
        assertArrayEquals(bytes("reuse"), Page.item(page, 2).toArray(ValueLayout.JAVA_BYTE));
    }
}
