package dev.tusk.storage.page;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Page checksums (PostgreSQL's {@code checksum.c}, with CRC32C instead of FNV-1a): the CRC of the page with
 * its checksum field taken as zero, xor the block number so that a page written to the wrong block is caught.
 * A checksum of zero is never stored (0 means "never written" on an all-zero page).
 */
public final class PageChecksum {
    private PageChecksum() {
    }

    /** pg_checksum_page. */
    public static int compute(MemorySegment page, long blockNo) {
        CRC32C crc = new CRC32C();
        ByteBuffer bb = page.asSlice(0, Page.BLCKSZ).asByteBuffer();
        bb.limit(Page.OFF_CHECKSUM);
        crc.update(bb);
        crc.update(new byte[4]);
        bb.limit(Page.BLCKSZ).position(Page.OFF_CHECKSUM + 4);
        crc.update(bb);
        int c = (int) crc.getValue() ^ (int) blockNo ^ (int) (blockNo >>> 32);
        return c == 0 ? 1 : c;
    }

    /** Stamps the checksum into the page (call on a private copy about to be written). */
    public static void set(MemorySegment page, long blockNo) {
        Page.setChecksumField(page, compute(page, blockNo));
    }

    /**
     * PageIsVerified: true for an all-zero page (a block extended but never written) or a page whose stored
     * checksum matches and whose header is sane.
     */
    public static boolean verify(MemorySegment page, long blockNo) {
        if (Page.isNew(page)) {
            return isAllZero(page);
        }
        int lower = Page.lower(page);
        int upper = Page.upper(page);
        int special = Page.special(page);
        boolean sane = (Page.pageSizeVersion(page) & 0xFF00) == (Page.BLCKSZ & 0xFF00)
                && lower >= Page.SIZE_OF_PAGE_HEADER && lower <= upper && upper <= special
                && special <= Page.BLCKSZ;
        return sane && Page.checksum(page) == compute(page, blockNo);
    }

    private static boolean isAllZero(MemorySegment page) {
        for (long off = 0; off < Page.BLCKSZ; off += 8) {
            if (page.get(Page.LONG, off) != 0) {
                return false;
            }
        }
        return true;
    }
}
