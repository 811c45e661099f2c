package dev.tusk.access.nbtree;

import dev.tusk.access.common.TupleCodec;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The B-tree's tuple format (PostgreSQL's {@code IndexTupleData} and the pivot-tuple conventions of
 * {@code nbtree.h}). Every tuple starts with an 8-byte header, little-endian:
 *
 * <pre>
 * offset size field
 *   0     4   t_tid block    leaf: heap block; pivot: downlink (child block), 0 in high keys
 *   4     2   t_tid offset   leaf: heap offset; pivot: number of key columns kept | BT_PIVOT_HEAP_TID_ATTR
 *   6     2   t_info         size (13 bits, MAXALIGNed) | INDEX_ALT_TID_MASK (pivot) | INDEX_NULL_MASK
 *   8         null bitmap ((natts+7)/8 bytes, bit set = not null) when INDEX_NULL_MASK, then MAXALIGN
 *   ..        key data written by {@link TupleCodec}
 *   size-6 6  pivots with BT_PIVOT_HEAP_TID_ATTR: the heap TID tie-breaker (block 4, offset 2)
 * </pre>
 *
 * A pivot tuple (high keys, and separators with downlinks in internal pages) keeps either all key columns,
 * with or without a heap TID (see {@link #separator}), or none at all ("minus infinity", the first data
 * item of every internal page). Tusk truncates only the heap TID, never key columns.
 */
public final class IndexTuple {
    public static final int HEADER_SIZE = 8;
    /** No heap TID: a pivot without the tie-breaker, or a scan key that does not use it. */
    public static final long NO_HEAP_TID = -1L;
    static final int INDEX_SIZE_MASK = 0x1FFF;
    static final int INDEX_ALT_TID_MASK = 0x2000;
    static final int INDEX_NULL_MASK = 0x8000;
    static final int BT_OFFSET_MASK = 0x0FFF;
    static final int BT_PIVOT_HEAP_TID_ATTR = 0x1000;
    private static final int TID_SIZE = 6;

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private IndexTuple() {
    }

    /** index_form_tuple for a leaf: the key values and the heap TID they point at. */
    public static byte[] formLeaf(IndexKeyDesc keys, Object[] values, long heapTid) {
        return form(keys, values, heapTid >>> 16, (int) (heapTid & 0xFFFF), false, IndexTuple.NO_HEAP_TID);
    }

    /** A pivot with all key columns and the heap TID tie-breaker, pointing at {@code downlink}. */
    public static byte[] formPivot(IndexKeyDesc keys, Object[] values, long heapTid, long downlink) {
        int natts = keys.natts() | (heapTid == IndexTuple.NO_HEAP_TID ? 0 : BT_PIVOT_HEAP_TID_ATTR);
        return form(keys, values, downlink, natts, true, heapTid);
    }

    /** The "minus infinity" pivot: no key columns, only a downlink (first data item of internal pages). */
    public static byte[] minusInfinity(long downlink) {
        byte[] t = new byte[HEADER_SIZE];
        MemorySegment s = MemorySegment.ofArray(t);
        s.set(INT, 0, (int) downlink);
        s.set(SHORT, 4, (short) 0);
        s.set(SHORT, 6, (short) (HEADER_SIZE | INDEX_ALT_TID_MASK));
        return t;
    }

    /**
     * _bt_pivot_tuple-style conversion: a pivot carrying the keys and heap TID of {@code tuple} (a leaf tuple
     * or another pivot) and the given downlink.
     */
    public static byte[] toPivot(IndexKeyDesc keys, MemorySegment tuple, long downlink) {
        if (keyCount(keys, tuple) == 0) {
            return minusInfinity(downlink);
        }
        return formPivot(keys, values(keys, tuple), heapTid(tuple), downlink);
    }

    /**
     * _bt_truncate without key-column truncation: the separator between the last item staying left and the first
     * item going right. On a leaf it has the right item's keys and keeps the heap TID only when the keys tie,
     * and then it is the left item's TID: so everything left is {@code <=} the separator and everything right
     * is {@code >} it, as in PostgreSQL. On an internal page the right item already is a separator.
     */
    public static byte[] separator(IndexKeyDesc keys, MemorySegment lastLeft, MemorySegment firstRight,
            boolean leaf) {
        if (!leaf) {
            return toPivot(keys, firstRight, 0);
        }
        Object[] right = values(keys, firstRight);
        boolean tie = keys.comparePrefix(values(keys, lastLeft), right, keys.natts()) == 0;
        return formPivot(keys, right, tie ? heapTid(lastLeft) : NO_HEAP_TID, 0);
    }

    /** A copy of a pivot tuple with another downlink (BTreeTupleSetDownLink). */
    public static byte[] withDownlink(byte[] pivot, long downlink) {
        byte[] copy = pivot.clone();
        MemorySegment.ofArray(copy).set(INT, 0, (int) downlink);
        return copy;
    }

    private static byte[] form(IndexKeyDesc keys, Object[] values, long tidBlock, int tidOffset, boolean pivot,
            long pivotHeapTid) {
        boolean nulls = TupleCodec.hasNulls(values);
        int hoff = nulls ? Page.maxAlign(HEADER_SIZE + TupleCodec.nullBitmapLength(values.length)) : HEADER_SIZE;
        int dataSize = TupleCodec.dataSize(keys.tupleDesc(), values);
        int end = hoff + dataSize;
        int size = Page.maxAlign(pivotHeapTid != IndexTuple.NO_HEAP_TID ? end + TID_SIZE : end);
        if (size > INDEX_SIZE_MASK) {
            throw new IllegalArgumentException("index tuple of " + size + " bytes");
        }
        byte[] t = new byte[size];
        MemorySegment s = MemorySegment.ofArray(t);
        s.set(INT, 0, (int) tidBlock);
        s.set(SHORT, 4, (short) tidOffset);
        int info = size | (pivot ? INDEX_ALT_TID_MASK : 0) | (nulls ? INDEX_NULL_MASK : 0);
        s.set(SHORT, 6, (short) info);
        if (nulls) {
            TupleCodec.writeNullBitmap(values, s, HEADER_SIZE);
        }
        TupleCodec.writeData(keys.tupleDesc(), values, s, hoff);
        if (pivotHeapTid != IndexTuple.NO_HEAP_TID) {
            s.set(INT, size - TID_SIZE, (int) (pivotHeapTid >>> 16));
            s.set(SHORT, size - 2, (short) (pivotHeapTid & 0xFFFF));
        }
        return t;
    }

    static int info(MemorySegment t) {
        return t.get(SHORT, 6) & 0xFFFF;
    }

    /** IndexTupleSize. */
    public static int size(MemorySegment t) {
        return info(t) & INDEX_SIZE_MASK;
    }

    /** BTreeTupleIsPivot. */
    public static boolean isPivot(MemorySegment t) {
        return (info(t) & INDEX_ALT_TID_MASK) != 0;
    }

    public static boolean hasNulls(MemorySegment t) {
        return (info(t) & INDEX_NULL_MASK) != 0;
    }

    private static long tidBlock(MemorySegment t) {
        return t.get(INT, 0) & 0xFFFF_FFFFL;
    }

    private static int tidOffset(MemorySegment t) {
        return t.get(SHORT, 4) & 0xFFFF;
    }

    /** BTreeTupleGetDownLink. */
    public static long downlink(MemorySegment t) {
        return tidBlock(t);
    }

    /** BTreeTupleGetNAtts: key columns present (0 for minus infinity). */
    public static int keyCount(IndexKeyDesc keys, MemorySegment t) {
        return isPivot(t) ? tidOffset(t) & BT_OFFSET_MASK : keys.natts();
    }

    /** BTreeTupleGetHeapTID: the heap TID of a leaf tuple or the tie-breaker of a pivot, else NONE. */
    public static long heapTid(MemorySegment t) {
        if (!isPivot(t)) {
            return (tidBlock(t) << 16) | tidOffset(t);
        }
        if ((tidOffset(t) & BT_PIVOT_HEAP_TID_ATTR) == 0) {
            return IndexTuple.NO_HEAP_TID;
        }
        int size = size(t);
        long block = t.get(INT, size - TID_SIZE) & 0xFFFF_FFFFL;
        return (block << 16) | (t.get(SHORT, size - 2) & 0xFFFF);
    }

    /** index_deform_tuple: the key values (all null for a minus-infinity pivot). */
    public static Object[] values(IndexKeyDesc keys, MemorySegment t) {
        int n = keyCount(keys, t);
        if (n == 0) {
            return new Object[keys.natts()];
        }
        long bitmap = hasNulls(t) ? HEADER_SIZE : -1;
        int hoff = hasNulls(t) ? Page.maxAlign(HEADER_SIZE + TupleCodec.nullBitmapLength(keys.natts())) : HEADER_SIZE;
        return TupleCodec.readData(keys.tupleDesc(), n, t, bitmap, hoff);
    }

    /** The tuple's bytes as an array (for WAL records and for rebuilding pages). */
    public static byte[] bytes(MemorySegment t) {
        return t.asSlice(0, size(t)).toArray(ValueLayout.JAVA_BYTE);
    }
}
