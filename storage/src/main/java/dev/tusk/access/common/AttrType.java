package dev.tusk.access.common;

import java.util.Arrays;

/**
 * The storage-level types the access methods know (a slice of {@code pg_type}: OID, typlen, typalign,
 * typbyval). Java carriers: Boolean, Short, Integer, Long, Float, Double, String (UTF-8 varlena), byte[],
 * BigDecimal or {@link NumericSpecial} (numeric).
 * The SQL layer maps its richer types onto these.
 */
public enum AttrType {
    BOOL(16, 1, 1),
    INT2(21, 2, 2),
    INT4(23, 4, 4),
    INT8(20, 8, 8),
    FLOAT4(700, 4, 4),
    FLOAT8(701, 8, 8),
    OID(26, 4, 4),
    TEXT(25, -1, 4),
    BYTEA(17, -1, 4),
    /**
     * numeric (1700): carrier {@link java.math.BigDecimal}, or a {@link NumericSpecial} for NaN and the
     * infinities. Stored as a varlena in the compact form of {@link NumericCodec}.
     */
    NUMERIC(1700, -1, 4);

    private final int typeOid;
    private final int typlen;
    private final int align;

    AttrType(int typeOid, int typlen, int align) {
        this.typeOid = typeOid;
        this.typlen = typlen;
        this.align = align;
    }

    /** PostgreSQL's pg_type OID. */
    public int typeOid() {
        return typeOid;
    }

    /** Fixed length in bytes, or -1 for varlena. */
    public int typlen() {
        return typlen;
    }

    /** Alignment in bytes (typalign c/s/i/d). */
    public int align() {
        return align;
    }

    public boolean isVarlena() {
        return typlen < 0;
    }

    /** The btree comparison support function (BTORDER_PROC) of the type's default opclass. */
    public int compare(Object a, Object b) {
        return switch (this) {
            case BOOL -> Boolean.compare((Boolean) a, (Boolean) b);
            case INT2 -> Short.compare((Short) a, (Short) b);
            case INT4 -> Integer.compare((Integer) a, (Integer) b);
            case OID -> Integer.compareUnsigned((Integer) a, (Integer) b);
            case INT8 -> Long.compare((Long) a, (Long) b);
            case FLOAT4 -> Float.compare((Float) a, (Float) b);
            case FLOAT8 -> Double.compare((Double) a, (Double) b);
            case TEXT -> ((String) a).compareTo((String) b);
            case BYTEA -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
            case NUMERIC -> NumericCodec.compare(a, b);
        };
    }
}
