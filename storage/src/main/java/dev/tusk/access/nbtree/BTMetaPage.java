package dev.tusk.access.nbtree;

import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The metapage at block 0 (PostgreSQL's {@code BTMetaPageData}), right after the page header, little-endian:
 * magic (0x053162), version (4), root, level, fastroot, fastlevel, each 4 bytes. Tusk keeps the fast root
 * equal to the true root (it never deletes pages, so the tree never gets the skinny top that fast root is
 * for). Readers take the metapage's shared lock only long enough to copy the root out.
 *
 * @param root  the root's block, {@link BTPageOpaque#P_NONE} when there is none yet
 * @param level the root's level
 */
public record BTMetaPage(long root, int level) {
    public static final int BTREE_MAGIC = 0x053162;
    public static final int BTREE_VERSION = 4;
    public static final long METAPAGE_BLOCK = 0;
    private static final int OFF = Page.SIZE_OF_PAGE_HEADER;
    private static final int META_SIZE = 24;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** _bt_initmetapage. */
    public static void init(MemorySegment page, long root, int level) {
        BTPageOpaque.init(page, BTPageOpaque.P_NONE, BTPageOpaque.P_NONE, 0, BTPageOpaque.BTP_META);
        page.set(INT, OFF, BTREE_MAGIC);
        page.set(INT, OFF + 4, BTREE_VERSION);
        write(page, root, level);
        // As PostgreSQL: pd_lower covers the metadata so that full-page images keep it.
        Page.setLower(page, OFF + META_SIZE);
    }

    /** Updates root and fast root (the metapage part of _bt_newroot). */
    public static void write(MemorySegment page, long root, int level) {
        page.set(INT, OFF + 8, (int) root);
        page.set(INT, OFF + 12, level);
        page.set(INT, OFF + 16, (int) root);
        page.set(INT, OFF + 20, level);
    }

    /** _bt_getmeta: reads and validates; {@code indexName} is for the error. */
    public static BTMetaPage read(MemorySegment page, String indexName) {
        int magic = page.get(INT, OFF);
        if (magic != BTREE_MAGIC || (BTPageOpaque.flags(page) & BTPageOpaque.BTP_META) == 0) {
            throw BTreeErrors.notBtree(indexName);
        }
        int version = page.get(INT, OFF + 4);
        if (version != BTREE_VERSION) {
            throw BTreeErrors.versionMismatch(indexName, version);
        }
        return new BTMetaPage(page.get(INT, OFF + 8) & 0xFFFF_FFFFL, page.get(INT, OFF + 12));
    }
}
