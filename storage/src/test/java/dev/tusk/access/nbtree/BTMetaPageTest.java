package dev.tusk.access.nbtree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.storage.page.Page;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class BTMetaPageTest {
    @Test
    void metapageRoundTripsAndRejectsForeignPages() {
        MemorySegment page = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
        BTMetaPage.init(page, 3, 1);
        assertEquals(new BTMetaPage(3, 1), BTMetaPage.read(page, "i"));
        assertTrue((BTPageOpaque.flags(page) & BTPageOpaque.BTP_META) != 0);
        BTMetaPage.write(page, 9, 2);
        assertEquals(new BTMetaPage(9, 2), BTMetaPage.read(page, "i"));

        page.set(ValueLayout.JAVA_BYTE, Page.SIZE_OF_PAGE_HEADER + 4, (byte) 3);
        TuskException v = assertThrows(TuskException.class, () -> BTMetaPage.read(page, "i"));
        assertEquals("version mismatch in index \"i\": file version 3, current version 4, minimal supported version 4",
                v.getMessage());

        MemorySegment heapPage = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
        Page.init(heapPage, 0);
        TuskException e = assertThrows(TuskException.class, () -> BTMetaPage.read(heapPage, "not_an_index"));
        assertEquals(SqlState.INDEX_CORRUPTED, e.sqlState());
        assertEquals("index \"not_an_index\" is not a btree", e.getMessage());
    }

    @Test
    void specialSpaceFieldsAndFirstDataKey() {
        MemorySegment page = MemorySegment.ofArray(new byte[Page.BLCKSZ]);
        BTPageOpaque.init(page, 4, 0, 2, BTPageOpaque.BTP_ROOT);
        assertEquals(Page.BLCKSZ - BTPageOpaque.SIZE, Page.special(page));
        assertEquals(4, BTPageOpaque.prev(page));
        assertTrue(BTPageOpaque.isRightmost(page));
        assertEquals(1, BTPageOpaque.firstDataKey(page));
        BTPageOpaque.setNext(page, 0xFFFF_FFF0L);
        assertEquals(0xFFFF_FFF0L, BTPageOpaque.next(page));
        assertEquals(2, BTPageOpaque.firstDataKey(page));
        assertEquals(2, BTPageOpaque.level(page));
        assertTrue(BTPageOpaque.isRoot(page));
    }
}
