package dev.tusk.access.nbtree;

import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The special space of every B-tree page (PostgreSQL's {@code BTPageOpaqueData}), 16 bytes little-endian:
 *
 * <pre>
 * offset size field
 *   0     4   btpo_prev     left sibling, P_NONE (0) if leftmost
 *   4     4   btpo_next     right sibling (the Lehman-Yao right-link), P_NONE if rightmost
 *   8     4   btpo_level    0 for leaves
 *  12     2   btpo_flags    BTP_LEAF, BTP_ROOT, ...
 *  14     2   btpo_cycleid  (unused by Tusk, kept for the layout)
 * </pre>
 * Block 0 is always the metapage, so 0 can mean "no page" as PostgreSQL's P_NONE does.
 */
public final class BTPageOpaque {
    public static final int SIZE = 16;
    public static final long P_NONE = 0;
    /** P_HIKEY: the high key's offset on a non-rightmost page. */
    public static final int P_HIKEY = 1;

    public static final int BTP_LEAF = 1 << 0;
    public static final int BTP_ROOT = 1 << 1;
    public static final int BTP_DELETED = 1 << 2;
    public static final int BTP_META = 1 << 3;
    public static final int BTP_HALF_DEAD = 1 << 4;
    public static final int BTP_SPLIT_END = 1 << 5;
    public static final int BTP_HAS_GARBAGE = 1 << 6;
    public static final int BTP_INCOMPLETE_SPLIT = 1 << 7;

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private BTPageOpaque() {
    }

    /** _bt_pageinit plus the opaque fields. */
    public static void init(MemorySegment page, long prev, long next, int level, int flags) {
        Page.init(page, SIZE);
        setPrev(page, prev);
        setNext(page, next);
        setLevel(page, level);
        setFlags(page, flags);
    }

    private static long base(MemorySegment page) {
        return Page.special(page);
    }

    public static long prev(MemorySegment page) {
        return page.get(INT, base(page)) & 0xFFFF_FFFFL;
    }

    public static void setPrev(MemorySegment page, long blk) {
        page.set(INT, base(page), (int) blk);
    }

    public static long next(MemorySegment page) {
        return page.get(INT, base(page) + 4) & 0xFFFF_FFFFL;
    }

    public static void setNext(MemorySegment page, long blk) {
        page.set(INT, base(page) + 4, (int) blk);
    }

    public static int level(MemorySegment page) {
        return page.get(INT, base(page) + 8);
    }

    public static void setLevel(MemorySegment page, int level) {
        page.set(INT, base(page) + 8, level);
    }

    public static int flags(MemorySegment page) {
        return page.get(SHORT, base(page) + 12) & 0xFFFF;
    }

    public static void setFlags(MemorySegment page, int flags) {
        page.set(SHORT, base(page) + 12, (short) flags);
    }

    public static boolean isLeaf(MemorySegment page) {
        return (flags(page) & BTP_LEAF) != 0;
    }

    public static boolean isRoot(MemorySegment page) {
        return (flags(page) & BTP_ROOT) != 0;
    }

    /** P_RIGHTMOST. */
    public static boolean isRightmost(MemorySegment page) {
        return next(page) == P_NONE;
    }

    /** P_LEFTMOST. */
    public static boolean isLeftmost(MemorySegment page) {
        return prev(page) == P_NONE;
    }

    public static boolean isIncompleteSplit(MemorySegment page) {
        return (flags(page) & BTP_INCOMPLETE_SPLIT) != 0;
    }

    public static void clearIncompleteSplit(MemorySegment page) {
        setFlags(page, flags(page) & ~BTP_INCOMPLETE_SPLIT);
    }

    /** P_FIRSTDATAKEY: 1 on the rightmost page (no high key), else 2. */
    public static int firstDataKey(MemorySegment page) {
        return isRightmost(page) ? P_HIKEY : P_HIKEY + 1;
    }

    /** Usable bytes of an empty B-tree page (for split and fill-factor arithmetic). */
    public static int usableSpace() {
        return Page.BLCKSZ - Page.SIZE_OF_PAGE_HEADER - SIZE;
    }
}
