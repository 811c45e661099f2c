package dev.tusk.storage.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class PageChecksumTest {
    private static MemorySegment stampedPage(long blockNo) {
        MemorySegment page = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
        Page.init(page, 0);
        Page.addItem(page, new byte[] {1, 2, 3, 4, 5, 6, 7}, Page.INVALID_OFFSET_NUMBER, false);
        Page.setLsn(page, 0x1234_5678L);
        PageChecksum.set(page, blockNo);
        return page;
    }

    @Test
    void stampedPageVerifies() {
        MemorySegment page = stampedPage(42);
        assertNotEquals(0, Page.checksum(page));
        assertTrue(PageChecksum.verify(page, 42));
    }

    @Test
    void flippedByteAnywhereIsDetected() {
        for (int off : new int[] {0, 13, 100, Page.BLCKSZ - 3}) {
            MemorySegment page = stampedPage(7);
            page.set(ValueLayout.JAVA_BYTE, off, (byte) (page.get(ValueLayout.JAVA_BYTE, off) ^ 0x10));
            assertFalse(PageChecksum.verify(page, 7), "flip at offset " + off);
        }
    }

    @Test
    void pageWrittenToTheWrongBlockIsDetected() {
        MemorySegment page = stampedPage(7);
        assertFalse(PageChecksum.verify(page, 8));
        assertFalse(PageChecksum.verify(page, 7L + (1L << 32)));
    }

    @Test
    void allZeroPageIsValidButNewPageWithGarbageIsNot() {
        MemorySegment zero = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
        assertTrue(PageChecksum.verify(zero, 3));
        zero.set(ValueLayout.JAVA_BYTE, 5000, (byte) 1);
        assertFalse(PageChecksum.verify(zero, 3));
    }

    @Test
    void insaneHeaderFailsEvenWithMatchingChecksum() {
        MemorySegment page = stampedPage(1);
        Page.setLower(page, Page.upper(page) + 8);
        PageChecksum.set(page, 1);
        assertFalse(PageChecksum.verify(page, 1));
    }
}
