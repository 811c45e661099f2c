package dev.tusk.access.heap;

import dev.tusk.access.common.TupleCodec;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;

/**
 * Forming and deforming heap tuples (PostgreSQL's {@code heap_form_tuple} / {@code heap_deform_tuple} in
 * {@code heaptuple.c}): a {@link HeapTupleHeader}, the null bitmap when some value is null, and the data
 * area at MAXALIGN(t_hoff) written by {@link TupleCodec}.
 */
public final class HeapTuples {
    /** MaxHeapTupleSize: the largest tuple that fits on an empty heap page with its line pointer. */
    public static final int MAX_HEAP_TUPLE_SIZE = Page.BLCKSZ - Page.maxAlign(Page.SIZE_OF_PAGE_HEADER + Page.ITEM_ID_SIZE);

    private HeapTuples() {
    }

    /**
     * heap_form_tuple: a new tuple with zero xids and command id, HEAP_XMAX_INVALID set and an invalid
     * ctid; the inserter stamps xmin, cid and ctid.
     */
    public static byte[] form(TupleDesc desc, Object[] values) {
        boolean hasNulls = TupleCodec.hasNulls(values);
        int hoff = Page.maxAlign(HeapTupleHeader.SIZE + (hasNulls ? TupleCodec.nullBitmapLength(values.length) : 0));
        int dataSize = TupleCodec.dataSize(desc, values);
        byte[] bytes = new byte[hoff + dataSize];
        MemorySegment t = MemorySegment.ofArray(bytes);
        if (hasNulls) {
            TupleCodec.writeNullBitmap(values, t, HeapTupleHeader.SIZE);
        }
        TupleCodec.writeData(desc, values, t, hoff);
        int infomask = HeapTupleHeader.HEAP_XMAX_INVALID;
        if (hasNulls) {
            infomask |= HeapTupleHeader.HEAP_HASNULL;
        }
        for (int i = 0; i < desc.natts(); i++) {
            if (values[i] != null && desc.type(i).isVarlena()) {
                infomask |= HeapTupleHeader.HEAP_HASVARWIDTH;
                break;
            }
        }
        HeapTupleHeader.setInfomask(t, infomask);
        HeapTupleHeader.setInfomask2(t, values.length & HeapTupleHeader.HEAP_NATTS_MASK);
        HeapTupleHeader.setHoff(t, hoff);
        return bytes;
    }

    /** heap_deform_tuple. Attributes past the tuple's own natts (added later) read as null. */
    public static Object[] deform(TupleDesc desc, MemorySegment t) {
        int natts = Math.min(HeapTupleHeader.natts(t), desc.natts());
        long bitmap = (HeapTupleHeader.infomask(t) & HeapTupleHeader.HEAP_HASNULL) != 0 ? HeapTupleHeader.SIZE : -1;
        return TupleCodec.readData(desc, natts, t, bitmap, HeapTupleHeader.hoff(t));
    }
}
