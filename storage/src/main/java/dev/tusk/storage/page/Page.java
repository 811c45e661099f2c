package dev.tusk.storage.page;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The slotted 8 KB page (PostgreSQL's {@code bufpage.c}), as static operations on a {@link MemorySegment}
 * of {@link #BLCKSZ} bytes (a buffer-pool frame or a private copy).
 *
 * <pre>
 * offset size field
 *   0     8   pd_lsn            LSN just past the WAL record of the latest change
 *   8     4   pd_checksum       CRC32C of the page (field zeroed) mixed with the block number
 *  12     2   pd_flags
 *  14     2   pd_lower          end of the line pointer array
 *  16     2   pd_upper          start of tuple space (tuples grow down from the special space)
 *  18     2   pd_special        start of the access method's special space
 *  20     2   pd_pagesize_version  BLCKSZ | PG_PAGE_LAYOUT_VERSION
 *  22     2   (reserved)
 *  24     8   pd_prune_xid      oldest xid that may leave prunable tuples (64-bit xids)
 *  32         line pointers, 4 bytes each: lp_off:15, lp_flags:2, lp_len:15 (low bits first)
 * </pre>
 * All multi-byte fields are little-endian. Offset numbers are 1-based as in PostgreSQL.
 */
public final class Page {
    public static final int BLCKSZ = 8192;
    public static final int SIZE_OF_PAGE_HEADER = 32;
    public static final int ITEM_ID_SIZE = 4;
    /** Layout version, stored in the low byte of pd_pagesize_version. */
    public static final int PG_PAGE_LAYOUT_VERSION = 4;
    /** MAXALIGN: tuples start on 8-byte boundaries. */
    public static final int MAXIMUM_ALIGNOF = 8;
    public static final int INVALID_OFFSET_NUMBER = 0;
    public static final int FIRST_OFFSET_NUMBER = 1;

    /** Line pointer states (lp_flags). */
    public static final int LP_UNUSED = 0;
    public static final int LP_NORMAL = 1;
    public static final int LP_REDIRECT = 2;
    public static final int LP_DEAD = 3;

    /** pd_flags bits. */
    public static final int PD_HAS_FREE_LINES = 0x0001;
    public static final int PD_PAGE_FULL = 0x0002;
    public static final int PD_ALL_VISIBLE = 0x0004;

    static final int OFF_LSN = 0;
    static final int OFF_CHECKSUM = 8;
    static final int OFF_FLAGS = 12;
    static final int OFF_LOWER = 14;
    static final int OFF_UPPER = 16;
    static final int OFF_SPECIAL = 18;
    static final int OFF_PAGESIZE_VERSION = 20;
    static final int OFF_PRUNE_XID = 24;

    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Page() {
    }

    /** PageInit: an empty page with {@code specialSize} bytes (MAXALIGNed) reserved at the end. */
    public static void init(MemorySegment page, int specialSize) {
        int special = BLCKSZ - maxAlign(specialSize);
        page.asSlice(0, BLCKSZ).fill((byte) 0);
        setU16(page, OFF_LOWER, SIZE_OF_PAGE_HEADER);
        setU16(page, OFF_UPPER, special);
        setU16(page, OFF_SPECIAL, special);
        setU16(page, OFF_PAGESIZE_VERSION, BLCKSZ | PG_PAGE_LAYOUT_VERSION);
    }

    /** PageIsNew: all-zero header (a block extended but never initialised). */
    public static boolean isNew(MemorySegment page) {
        return upper(page) == 0;
    }

    public static long lsn(MemorySegment page) {
        return page.get(LONG, OFF_LSN);
    }

    public static void setLsn(MemorySegment page, long lsn) {
        page.set(LONG, OFF_LSN, lsn);
    }

    public static int checksum(MemorySegment page) {
        return page.get(INT, OFF_CHECKSUM);
    }

    static void setChecksumField(MemorySegment page, int value) {
        page.set(INT, OFF_CHECKSUM, value);
    }

    public static int flags(MemorySegment page) {
        return getU16(page, OFF_FLAGS);
    }

    public static void setFlags(MemorySegment page, int flags) {
        setU16(page, OFF_FLAGS, flags);
    }

    public static int lower(MemorySegment page) {
        return getU16(page, OFF_LOWER);
    }

    public static void setLower(MemorySegment page, int v) {
        setU16(page, OFF_LOWER, v);
    }

    public static int upper(MemorySegment page) {
        return getU16(page, OFF_UPPER);
    }

    public static void setUpper(MemorySegment page, int v) {
        setU16(page, OFF_UPPER, v);
    }

    public static int special(MemorySegment page) {
        return getU16(page, OFF_SPECIAL);
    }

    /** The special space of an index page. */
    public static MemorySegment specialSpace(MemorySegment page) {
        int s = special(page);
        return page.asSlice(s, BLCKSZ - s);
    }

    public static int pageSizeVersion(MemorySegment page) {
        return getU16(page, OFF_PAGESIZE_VERSION);
    }

    public static long pruneXid(MemorySegment page) {
        return page.get(LONG, OFF_PRUNE_XID);
    }

    public static void setPruneXid(MemorySegment page, long xid) {
        page.set(LONG, OFF_PRUNE_XID, xid);
    }

    /** PageGetMaxOffsetNumber. */
    public static int maxOffsetNumber(MemorySegment page) {
        int lower = lower(page);
        return lower <= SIZE_OF_PAGE_HEADER ? 0 : (lower - SIZE_OF_PAGE_HEADER) / ITEM_ID_SIZE;
    }

    /** PageGetFreeSpace: room for one more tuple including its line pointer, 0 if none. */
    public static int freeSpace(MemorySegment page) {
        int space = upper(page) - lower(page);
        return space < ITEM_ID_SIZE ? 0 : space - ITEM_ID_SIZE;
    }

    /** PageGetExactFreeSpace: bytes between pd_lower and pd_upper. */
    public static int exactFreeSpace(MemorySegment page) {
        return Math.max(0, upper(page) - lower(page));
    }

    private static int itemIdOffset(int offnum) {
        return SIZE_OF_PAGE_HEADER + (offnum - 1) * ITEM_ID_SIZE;
    }

    /** The raw 4-byte line pointer of {@code offnum}. */
    public static int itemId(MemorySegment page, int offnum) {
        return page.get(INT, itemIdOffset(offnum));
    }

    public static int itemOffset(MemorySegment page, int offnum) {
        return itemId(page, offnum) & 0x7FFF;
    }

    public static int itemFlags(MemorySegment page, int offnum) {
        return (itemId(page, offnum) >>> 15) & 0x3;
    }

    public static int itemLength(MemorySegment page, int offnum) {
        return (itemId(page, offnum) >>> 17) & 0x7FFF;
    }

    /** ItemIdIsNormal. */
    public static boolean isNormal(MemorySegment page, int offnum) {
        return itemFlags(page, offnum) == LP_NORMAL;
    }

    /** Sets a line pointer; for LP_REDIRECT {@code off} is the target offset number and len 0. */
    public static void setItemId(MemorySegment page, int offnum, int off, int flags, int len) {
        page.set(INT, itemIdOffset(offnum), (off & 0x7FFF) | ((flags & 0x3) << 15) | ((len & 0x7FFF) << 17));
    }

    /** ItemIdMarkDead / ItemIdSetUnused style flag change keeping offset and length. */
    public static void setItemFlags(MemorySegment page, int offnum, int flags) {
        setItemId(page, offnum, itemOffset(page, offnum), flags, itemLength(page, offnum));
    }

    /** The item's bytes, as a slice of the page (live view). */
    public static MemorySegment item(MemorySegment page, int offnum) {
        return page.asSlice(itemOffset(page, offnum), itemLength(page, offnum));
    }

    /**
     * PageAddItem: places {@code item} on the page. With {@code offnum == INVALID_OFFSET_NUMBER} the first
     * unused line pointer (or a new one) is taken; otherwise the item goes at {@code offnum}, shifting later
     * line pointers up when {@code shiftUp} (index pages) or reusing an unused slot (heap redo).
     *
     * @return the offset number used, or {@link #INVALID_OFFSET_NUMBER} when the page has no room
     */
    public static int addItem(MemorySegment page, MemorySegment item, int offnum, boolean shiftUp) {
        int size = (int) item.byteSize();
        int lower = lower(page);
        int upper = upper(page);
        int max = maxOffsetNumber(page);
        boolean needsNewLp;
        if (offnum == INVALID_OFFSET_NUMBER) {
            offnum = max + 1;
            if ((flags(page) & PD_HAS_FREE_LINES) != 0) {
                for (int i = FIRST_OFFSET_NUMBER; i <= max; i++) {
                    if (itemFlags(page, i) == LP_UNUSED && itemLength(page, i) == 0) {
                        offnum = i;
                        break;
                    }
                }
                if (offnum == max + 1) {
                    setFlags(page, flags(page) & ~PD_HAS_FREE_LINES);
                }
            }
            needsNewLp = offnum > max;
        } else if (offnum > max + 1 || offnum < FIRST_OFFSET_NUMBER) {
            throw new IllegalArgumentException("invalid offset number " + offnum + " (max " + max + ")");
        } else if (offnum <= max && !shiftUp) {
            if (itemFlags(page, offnum) != LP_UNUSED || itemLength(page, offnum) != 0) {
                throw new IllegalStateException("line pointer " + offnum + " is in use");
            }
            needsNewLp = false;
        } else {
            needsNewLp = true;
        }
        int newLower = needsNewLp ? lower + ITEM_ID_SIZE : lower;
        int alignedSize = maxAlign(size);
        int newUpper = upper - alignedSize;
        if (newLower > newUpper) {
            return INVALID_OFFSET_NUMBER;
        }
        if (needsNewLp && offnum <= max) {
            int from = itemIdOffset(offnum);
            MemorySegment.copy(page, from, page, from + ITEM_ID_SIZE, (long) (max - offnum + 1) * ITEM_ID_SIZE);
        }
        MemorySegment.copy(item, 0, page, newUpper, size);
        setItemId(page, offnum, newUpper, LP_NORMAL, size);
        setLower(page, newLower);
        setUpper(page, newUpper);
        return offnum;
    }

    /** Convenience overload for a heap byte array. */
    public static int addItem(MemorySegment page, byte[] item, int offnum, boolean shiftUp) {
        return addItem(page, MemorySegment.ofArray(item), offnum, shiftUp);
    }

    /**
     * PageIndexTupleDelete: removes the item at {@code offnum} from an index page, closing the gap in both the
     * line pointer array and the tuple space.
     */
    public static void indexTupleDelete(MemorySegment page, int offnum) {
        int max = maxOffsetNumber(page);
        int off = itemOffset(page, offnum);
        int size = maxAlign(itemLength(page, offnum));
        int upper = upper(page);
        // Slide the tuples below the deleted one up by its size.
        MemorySegment.copy(page, upper, page, upper + size, off - upper);
        // Remove the line pointer and fix the offsets of moved tuples.
        int from = itemIdOffset(offnum + 1);
        MemorySegment.copy(page, from, page, from - ITEM_ID_SIZE, (long) (max - offnum) * ITEM_ID_SIZE);
        setLower(page, lower(page) - ITEM_ID_SIZE);
        setUpper(page, upper + size);
        for (int i = FIRST_OFFSET_NUMBER; i < max; i++) {
            int o = itemOffset(page, i);
            if (itemLength(page, i) > 0 && o < off) {
                setItemId(page, i, o + size, itemFlags(page, i), itemLength(page, i));
            }
        }
    }

    /**
     * PageRepairFragmentation: compacts the tuple space of a heap page so that all free space is contiguous;
     * line pointers keep their numbers (unused ones stay, with PD_HAS_FREE_LINES set).
     */
    public static void repairFragmentation(MemorySegment page) {
        int max = maxOffsetNumber(page);
        int special = special(page);
        byte[] copy = page.asSlice(0, BLCKSZ).toArray(ValueLayout.JAVA_BYTE);
        MemorySegment src = MemorySegment.ofArray(copy);
        int upper = special;
        boolean freeLines = false;
        for (int i = FIRST_OFFSET_NUMBER; i <= max; i++) {
            int flags = itemFlags(src, i);
            int len = itemLength(src, i);
            if (flags == LP_NORMAL || (flags == LP_DEAD && len > 0)) {
                if (flags == LP_DEAD) {
                    setItemId(page, i, 0, LP_DEAD, 0);
                    continue;
                }
                upper -= maxAlign(len);
                MemorySegment.copy(src, itemOffset(src, i), page, upper, len);
                setItemId(page, i, upper, LP_NORMAL, len);
            } else if (flags == LP_UNUSED) {
                freeLines = true;
            }
        }
        setUpper(page, upper);
        int f = flags(page);
        setFlags(page, freeLines ? f | PD_HAS_FREE_LINES : f & ~PD_HAS_FREE_LINES);
    }

    public static int maxAlign(int len) {
        return (len + MAXIMUM_ALIGNOF - 1) & ~(MAXIMUM_ALIGNOF - 1);
    }

    static int getU16(MemorySegment page, long off) {
        return page.get(SHORT, off) & 0xFFFF;
    }

    static void setU16(MemorySegment page, long off, int v) {
        page.set(SHORT, off, (short) v);
    }
}
