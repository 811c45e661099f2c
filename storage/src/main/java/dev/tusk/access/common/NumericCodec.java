package dev.tusk.access.common;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Storage form and ordering of {@link AttrType#NUMERIC} values. The varlena payload is one kind byte
 * ({@code 0} finite, {@code 1} NaN, {@code 2} +Infinity, {@code 3} -Infinity); a finite value continues with
 * its scale (4 bytes, little-endian) and its unscaled value as big-endian two's complement
 * ({@link BigInteger#toByteArray}). Trailing zeros are kept: {@code 1.50} stays {@code 1.50}, as numeric's
 * display scale does in PostgreSQL.
 */
public final class NumericCodec {
    private static final byte FINITE = 0;
    private static final byte NAN = 1;
    private static final byte PINF = 2;
    private static final byte NINF = 3;

    private NumericCodec() {
    }

    public static byte[] encode(Object v) {
        return switch (v) {
            case BigDecimal d -> {
                byte[] unscaled = d.unscaledValue().toByteArray();
                byte[] out = new byte[5 + unscaled.length];
                int scale = d.scale();
                out[0] = FINITE;
                out[1] = (byte) scale;
                out[2] = (byte) (scale >>> 8);
                out[3] = (byte) (scale >>> 16);
                out[4] = (byte) (scale >>> 24);
                System.arraycopy(unscaled, 0, out, 5, unscaled.length);
                yield out;
            }
            case NumericSpecial s -> new byte[] {switch (s) {
                case NAN -> NAN;
                case POSITIVE_INFINITY -> PINF;
                case NEGATIVE_INFINITY -> NINF;
            }};
            default -> throw new IllegalArgumentException("not a numeric value: " + v.getClass().getName());
        };
    }

    public static Object decode(byte[] b) {
        return switch (b[0]) {
            case FINITE -> {
                int scale = (b[1] & 0xFF) | (b[2] & 0xFF) << 8 | (b[3] & 0xFF) << 16 | (b[4] & 0xFF) << 24;
                byte[] unscaled = java.util.Arrays.copyOfRange(b, 5, b.length);
                yield new BigDecimal(new BigInteger(unscaled), scale);
            }
            case NAN -> NumericSpecial.NAN;
            case PINF -> NumericSpecial.POSITIVE_INFINITY;
            case NINF -> NumericSpecial.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("invalid numeric storage kind " + b[0]);
        };
    }

    /**
     * cmp_numerics: by value ({@link BigDecimal#compareTo}, so {@code 1.0 = 1.00}), with the special values
     * placed as {@link NumericSpecial} documents.
     */
    public static int compare(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return ra == 1 ? ((BigDecimal) a).compareTo((BigDecimal) b) : 0;
    }

    private static int rank(Object v) {
        return switch (v) {
            case BigDecimal d -> 1;
            case NumericSpecial s -> switch (s) {
                case NEGATIVE_INFINITY -> 0;
                case POSITIVE_INFINITY -> 2;
                case NAN -> 3;
            };
            default -> throw new IllegalArgumentException("not a numeric value: " + v.getClass().getName());
        };
    }
}
