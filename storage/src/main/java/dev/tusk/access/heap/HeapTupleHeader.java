package dev.tusk.access.heap;

import dev.tusk.utils.time.ComboCids;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The heap tuple header (PostgreSQL's {@code HeapTupleHeaderData}, {@code htup_details.h}) with 64-bit xids,
 * read and written in place on a {@link MemorySegment} that starts at the tuple (a page item slice or a
 * private byte array). Little-endian:
 * <pre>
 * offset size field
 *   0     8   t_xmin       inserting xid
 *   8     8   t_xmax       deleting/updating (or locking) xid, 0 if none
 *  16     4   t_cid        cmin or cmax, or a combo id (HEAP_COMBOCID) for the inserting transaction
 *  20     4   t_ctid block this tuple's TID, or the newer version's after an update
 *  24     2   t_ctid offset
 *  26     2   t_infomask2  low 11 bits: number of attributes; HEAP_KEYS_UPDATED, HEAP_HOT_UPDATED, HEAP_ONLY_TUPLE
 *  28     2   t_infomask   flag bits below
 *  30     1   t_hoff       offset of the data area (MAXALIGNed)
 *  31         null bitmap (when HEAP_HASNULL), then padding to t_hoff
 * </pre>
 */
public final class HeapTupleHeader {
    public static final int OFF_XMIN = 0;
    public static final int OFF_XMAX = 8;
    public static final int OFF_CID = 16;
    public static final int OFF_CTID_BLOCK = 20;
    public static final int OFF_CTID_OFFSET = 24;
    public static final int OFF_INFOMASK2 = 26;
    public static final int OFF_INFOMASK = 28;
    public static final int OFF_HOFF = 30;
    /** SizeofHeapTupleHeader. */
    public static final int SIZE = 31;

    // t_infomask
    public static final int HEAP_HASNULL = 0x0001;
    public static final int HEAP_HASVARWIDTH = 0x0002;
    public static final int HEAP_HASEXTERNAL = 0x0004;
    public static final int HEAP_XMAX_KEYSHR_LOCK = 0x0010;
    public static final int HEAP_COMBOCID = 0x0020;
    public static final int HEAP_XMAX_EXCL_LOCK = 0x0040;
    public static final int HEAP_XMAX_LOCK_ONLY = 0x0080;
    public static final int HEAP_XMIN_COMMITTED = 0x0100;
    public static final int HEAP_XMIN_INVALID = 0x0200;
    public static final int HEAP_XMAX_COMMITTED = 0x0400;
    public static final int HEAP_XMAX_INVALID = 0x0800;
    public static final int HEAP_XMAX_IS_MULTI = 0x1000;
    public static final int HEAP_UPDATED = 0x2000;
    /** HEAP_XMAX_BITS: everything describing xmax. */
    public static final int HEAP_XMAX_BITS = HEAP_XMAX_COMMITTED | HEAP_XMAX_INVALID | HEAP_XMAX_IS_MULTI
            | HEAP_XMAX_LOCK_ONLY | HEAP_XMAX_KEYSHR_LOCK | HEAP_XMAX_EXCL_LOCK;

    // t_infomask2
    public static final int HEAP_NATTS_MASK = 0x07FF;
    public static final int HEAP_KEYS_UPDATED = 0x2000;
    public static final int HEAP_HOT_UPDATED = 0x4000;
    public static final int HEAP_ONLY_TUPLE = 0x8000;

    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private HeapTupleHeader() {
    }

    public static long xmin(MemorySegment t) {
        return t.get(LONG, OFF_XMIN);
    }

    public static void setXmin(MemorySegment t, long xid) {
        t.set(LONG, OFF_XMIN, xid);
    }

    public static long xmax(MemorySegment t) {
        return t.get(LONG, OFF_XMAX);
    }

    public static void setXmax(MemorySegment t, long xid) {
        t.set(LONG, OFF_XMAX, xid);
    }

    /** The raw t_cid field (HeapTupleHeaderGetRawCommandId). */
    public static int rawCid(MemorySegment t) {
        return t.get(INT, OFF_CID);
    }

    public static void setRawCid(MemorySegment t, int cid) {
        t.set(INT, OFF_CID, cid);
    }

    /** HeapTupleHeaderGetCmin (only meaningful to the inserting transaction). */
    public static int cmin(MemorySegment t, ComboCids combo) {
        int raw = rawCid(t);
        return (infomask(t) & HEAP_COMBOCID) != 0 ? combo.cmin(raw) : raw;
    }

    /** HeapTupleHeaderGetCmax (only meaningful to the deleting transaction). */
    public static int cmax(MemorySegment t, ComboCids combo) {
        int raw = rawCid(t);
        return (infomask(t) & HEAP_COMBOCID) != 0 ? combo.cmax(raw) : raw;
    }

    public static ItemPointer ctid(MemorySegment t) {
        return new ItemPointer(Integer.toUnsignedLong(t.get(INT, OFF_CTID_BLOCK)), t.get(SHORT, OFF_CTID_OFFSET) & 0xFFFF);
    }

    public static void setCtid(MemorySegment t, ItemPointer tid) {
        t.set(INT, OFF_CTID_BLOCK, (int) tid.block());
        t.set(SHORT, OFF_CTID_OFFSET, (short) tid.offset());
    }

    public static int infomask(MemorySegment t) {
        return t.get(SHORT, OFF_INFOMASK) & 0xFFFF;
    }

    public static void setInfomask(MemorySegment t, int mask) {
        t.set(SHORT, OFF_INFOMASK, (short) mask);
    }

    public static int infomask2(MemorySegment t) {
        return t.get(SHORT, OFF_INFOMASK2) & 0xFFFF;
    }

    public static void setInfomask2(MemorySegment t, int mask) {
        t.set(SHORT, OFF_INFOMASK2, (short) mask);
    }

    /** HeapTupleHeaderGetNatts. */
    public static int natts(MemorySegment t) {
        return infomask2(t) & HEAP_NATTS_MASK;
    }

    public static int hoff(MemorySegment t) {
        return t.get(ValueLayout.JAVA_BYTE, OFF_HOFF) & 0xFF;
    }

    public static void setHoff(MemorySegment t, int hoff) {
        t.set(ValueLayout.JAVA_BYTE, OFF_HOFF, (byte) hoff);
    }

    /** HEAP_XMAX_IS_LOCKED_ONLY. */
    public static boolean xmaxIsLockedOnly(int infomask) {
        return (infomask & HEAP_XMAX_LOCK_ONLY) != 0;
    }

    public static boolean isHotUpdated(MemorySegment t) {
        return (infomask2(t) & HEAP_HOT_UPDATED) != 0;
    }

    public static boolean isHeapOnly(MemorySegment t) {
        return (infomask2(t) & HEAP_ONLY_TUPLE) != 0;
    }
}
