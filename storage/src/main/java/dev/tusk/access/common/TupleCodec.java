package dev.tusk.access.common;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The data area of heap and index tuples (PostgreSQL's {@code heap_fill_tuple}/{@code heap_deform_tuple}):
 * non-null values in attribute order, each aligned to its type's alignment relative to the (MAXALIGNed)
 * start of the data area; fixed-length values little-endian; varlena values as a 4-byte little-endian total
 * length (header included) followed by the bytes. Nulls take no data space; the null bitmap (bit set =
 * NOT null, as in PostgreSQL) is placed by the caller's tuple header.
 */
public final class TupleCodec {
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private TupleCodec() {
    }

    /** True if any value is null (the tuple then needs a null bitmap). */
    public static boolean hasNulls(Object[] values) {
        for (Object v : values) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    /** Bytes of a null bitmap for {@code natts} attributes. */
    public static int nullBitmapLength(int natts) {
        return (natts + 7) / 8;
    }

    /** Writes the null bitmap (bit i set when value i is not null). */
    public static void writeNullBitmap(Object[] values, MemorySegment dst, long off) {
        for (int i = 0; i < values.length; i += 8) {
            int b = 0;
            for (int j = i; j < Math.min(i + 8, values.length); j++) {
                if (values[j] != null) {
                    b |= 1 << (j - i);
                }
            }
            dst.set(ValueLayout.JAVA_BYTE, off + i / 8, (byte) b);
        }
    }

    /** att_isnull against a bitmap at {@code bitmapOff}; with {@code bitmapOff < 0} nothing is null. */
    public static boolean isNull(MemorySegment src, long bitmapOff, int attno) {
        if (bitmapOff < 0) {
            return false;
        }
        return (src.get(ValueLayout.JAVA_BYTE, bitmapOff + attno / 8) & (1 << (attno % 8))) == 0;
    }

    /** heap_compute_data_size. */
    public static int dataSize(TupleDesc desc, Object[] values) {
        checkArity(desc, values);
        int off = 0;
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            AttrType t = desc.type(i);
            off = align(off, t.align());
            off += t.isVarlena() ? 4 + varlenaBytes(t, v).length : t.typlen();
        }
        return off;
    }

    /** heap_fill_tuple: writes the data area at {@code dst[off]}; returns bytes written. */
    public static int writeData(TupleDesc desc, Object[] values, MemorySegment dst, long off) {
        checkArity(desc, values);
        int pos = 0;
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            AttrType t = desc.type(i);
            int aligned = align(pos, t.align());
            for (int z = pos; z < aligned; z++) {
                dst.set(ValueLayout.JAVA_BYTE, off + z, (byte) 0);
            }
            pos = aligned;
            long at = off + pos;
            switch (t) {
                case BOOL -> dst.set(ValueLayout.JAVA_BYTE, at, (byte) (((Boolean) v) ? 1 : 0));
                case INT2 -> dst.set(SHORT, at, (Short) v);
                case INT4, OID -> dst.set(INT, at, (Integer) v);
                case INT8 -> dst.set(LONG, at, (Long) v);
                case FLOAT4 -> dst.set(FLOAT, at, (Float) v);
                case FLOAT8 -> dst.set(DOUBLE, at, (Double) v);
                case TEXT, BYTEA, NUMERIC -> {
                    byte[] bytes = varlenaBytes(t, v);
                    dst.set(INT, at, bytes.length + 4);
                    MemorySegment.copy(MemorySegment.ofArray(bytes), 0, dst, at + 4, bytes.length);
                }
            }
            pos += t.isVarlena() ? 4 + varlenaBytes(t, v).length : t.typlen();
        }
        return pos;
    }

    /** heap_deform_tuple: reads all attributes from a data area at {@code dataOff}. */
    public static Object[] readData(TupleDesc desc, MemorySegment src, long bitmapOff, long dataOff) {
        return readData(desc, desc.natts(), src, bitmapOff, dataOff);
    }

    /** Reads the first {@code natts} attributes (tuples written before ADD COLUMN have fewer). */
    public static Object[] readData(TupleDesc desc, int natts, MemorySegment src, long bitmapOff, long dataOff) {
        Object[] out = new Object[desc.natts()];
        int pos = 0;
        for (int i = 0; i < natts; i++) {
            if (isNull(src, bitmapOff, i)) {
                continue;
            }
            AttrType t = desc.type(i);
            pos = align(pos, t.align());
            long at = dataOff + pos;
            switch (t) {
                case BOOL -> out[i] = src.get(ValueLayout.JAVA_BYTE, at) != 0;
                case INT2 -> out[i] = src.get(SHORT, at);
                case INT4, OID -> out[i] = src.get(INT, at);
                case INT8 -> out[i] = src.get(LONG, at);
                case FLOAT4 -> out[i] = src.get(FLOAT, at);
                case FLOAT8 -> out[i] = src.get(DOUBLE, at);
                case TEXT, BYTEA, NUMERIC -> {
                    int len = src.get(INT, at) - 4;
                    byte[] bytes = src.asSlice(at + 4, len).toArray(ValueLayout.JAVA_BYTE);
                    out[i] = switch (t) {
                        case TEXT -> new String(bytes, StandardCharsets.UTF_8);
                        case NUMERIC -> NumericCodec.decode(bytes);
                        default -> bytes;
                    };
                    pos += 4 + len;
                    continue;
                }
            }
            pos += t.typlen();
        }
        return out;
    }

    private static byte[] varlenaBytes(AttrType t, Object v) {
        return switch (t) {
            case TEXT -> ((String) v).getBytes(StandardCharsets.UTF_8);
            case NUMERIC -> NumericCodec.encode(v);
            default -> (byte[]) v;
        };
    }

    private static int align(int off, int alignment) {
        return (off + alignment - 1) & ~(alignment - 1);
    }

    private static void checkArity(TupleDesc desc, Object[] values) {
        if (values.length != desc.natts()) {
            throw new IllegalArgumentException("expected " + desc.natts() + " values, got " + values.length);
        }
    }
}
