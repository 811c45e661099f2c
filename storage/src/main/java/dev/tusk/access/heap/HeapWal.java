package dev.tusk.access.heap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Heap WAL record types and their main data (PostgreSQL's {@code heapam_xlog.h}), little-endian. The new
 * tuple travels in the main data, not as block data, so a record carries it even when the block has a
 * full-page image: a logical decoder can read every inserted and updated row from the WAL alone.
 * <pre>
 * INSERT      offnum 2 | tuple
 * DELETE      offnum 2 | xmax 8 | infomask 2 | infomask2 2 | cid 4
 * UPDATE,     oldOffnum 2 | oldXmax 8 | oldInfomask 2 | oldInfomask2 2 | oldCid 4 | newOffnum 2 | new tuple
 * HOT_UPDATE  (block 0 = page of the new version, block 1 = old page when it differs)
 * </pre>
 * Infomasks are the values after the change; redo writes them as they are.
 */
public final class HeapWal {
    public static final int XLOG_HEAP_INSERT = 0x00;
    public static final int XLOG_HEAP_DELETE = 0x10;
    public static final int XLOG_HEAP_UPDATE = 0x20;
    public static final int XLOG_HEAP_HOT_UPDATE = 0x40;
    /** XLOG_HEAP_OPMASK. */
    public static final int XLOG_HEAP_OPMASK = 0x70;
    /** XLOG_HEAP_INIT_PAGE: the (new) page was initialised; redo rebuilds it from the record. */
    public static final int XLOG_HEAP_INIT_PAGE = 0x80;

    /** xl_heap_insert + its tuple. */
    public record Insert(int offnum, byte[] tuple) {
        public byte[] encode() {
            return ByteBuffer.allocate(2 + tuple.length).order(ByteOrder.LITTLE_ENDIAN)
                    .putShort((short) offnum).put(tuple).array();
        }

        public static Insert decode(byte[] d) {
            ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
            return new Insert(b.getShort() & 0xFFFF, Arrays.copyOfRange(d, 2, d.length));
        }
    }

    /** The new xmax state of an old tuple (xl_heap_delete, and the old half of xl_heap_update). */
    public record OldTuple(int offnum, long xmax, int infomask, int infomask2, int cid) {
        static final int SIZE = 18;

        void put(ByteBuffer b) {
            b.putShort((short) offnum).putLong(xmax).putShort((short) infomask).putShort((short) infomask2).putInt(cid);
        }

        static OldTuple get(ByteBuffer b) {
            return new OldTuple(b.getShort() & 0xFFFF, b.getLong(), b.getShort() & 0xFFFF, b.getShort() & 0xFFFF,
                    b.getInt());
        }

        public byte[] encode() {
            ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
            put(b);
            return b.array();
        }

        public static OldTuple decode(byte[] d) {
            return get(ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN));
        }
    }

    /** xl_heap_update + the new tuple. */
    public record Update(OldTuple old, int newOffnum, byte[] newTuple) {
        public byte[] encode() {
            ByteBuffer b = ByteBuffer.allocate(OldTuple.SIZE + 2 + newTuple.length).order(ByteOrder.LITTLE_ENDIAN);
            old.put(b);
            return b.putShort((short) newOffnum).put(newTuple).array();
        }

        public static Update decode(byte[] d) {
            ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
            OldTuple old = OldTuple.get(b);
            int newOff = b.getShort() & 0xFFFF;
            return new Update(old, newOff, Arrays.copyOfRange(d, b.position(), d.length));
        }
    }

    private HeapWal() {
    }
}
