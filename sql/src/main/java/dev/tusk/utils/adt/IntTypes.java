package dev.tusk.utils.adt;

import java.nio.ByteBuffer;

/**
 * smallint, integer, bigint and the unsigned 32-bit OID-like types oid/xid/cid (int.c, int8.c, oid.c, xid.c):
 * I/O with PostgreSQL's errors, plus the overflow-checked arithmetic the operators use.
 */
final class IntTypes implements TypeHandler {
    static final IntTypes INSTANCE = new IntTypes();

    static String sqlName(int typeOid) {
        return switch (typeOid) {
            case TypeOids.INT2 -> "smallint";
            case TypeOids.INT4 -> "integer";
            case TypeOids.INT8 -> "bigint";
            case TypeOids.XID -> "xid";
            case TypeOids.CID -> "cid";
            default -> "oid";
        };
    }

    /** pg_strtoint*: optional whitespace and sign, decimal digits. */
    static long parseInteger(String text, int typeOid, long min, long max) {
        String s = text.strip();
        int i = 0;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            neg = s.charAt(0) == '-';
            i = 1;
        }
        if (i >= s.length()) {
            throw AdtErrors.invalidSyntax(sqlName(typeOid), text);
        }
        java.math.BigInteger acc = null;
        long v = 0;
        for (int k = i; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                throw AdtErrors.invalidSyntax(sqlName(typeOid), text);
            }
            if (acc == null && v > (Long.MAX_VALUE - 9) / 10) {
                acc = java.math.BigInteger.valueOf(v);
            }
            if (acc != null) {
                acc = acc.multiply(java.math.BigInteger.TEN).add(java.math.BigInteger.valueOf(c - '0'));
            } else {
                v = v * 10 + (c - '0');
            }
        }
        if (acc != null) {
            java.math.BigInteger r = neg ? acc.negate() : acc;
            if (r.compareTo(java.math.BigInteger.valueOf(min)) < 0
                    || r.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
                throw AdtErrors.valueOutOfRange(text, sqlName(typeOid));
            }
            return r.longValue();
        }
        long r = neg ? -v : v;
        if (r < min || r > max) {
            throw AdtErrors.valueOutOfRange(text, sqlName(typeOid));
        }
        return r;
    }

    @Override
    public Object in(int typeOid, String text, int typmod, SessionFormats f) {
        return switch (typeOid) {
            case TypeOids.INT2 -> (short) parseInteger(text, typeOid, Short.MIN_VALUE, Short.MAX_VALUE);
            case TypeOids.INT4 -> (int) parseInteger(text, typeOid, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case TypeOids.INT8 -> parseInteger(text, typeOid, Long.MIN_VALUE, Long.MAX_VALUE);
            default -> (int) parseInteger(text, typeOid, Integer.MIN_VALUE, 0xFFFF_FFFFL);
        };
    }

    @Override
    public String out(int typeOid, Object value, SessionFormats f) {
        return switch (typeOid) {
            case TypeOids.INT2, TypeOids.INT4, TypeOids.INT8 -> value.toString();
            default -> Integer.toUnsignedString((Integer) value);
        };
    }

    @Override
    public Object recv(int typeOid, ByteBuffer buf, int typmod, SessionFormats f) {
        return switch (typeOid) {
            case TypeOids.INT2 -> {
                Bytes.requireRemaining(buf, 2);
                yield buf.getShort();
            }
            case TypeOids.INT8 -> {
                Bytes.requireRemaining(buf, 8);
                yield buf.getLong();
            }
            default -> {
                Bytes.requireRemaining(buf, 4);
                yield buf.getInt();
            }
        };
    }

    @Override
    public byte[] send(int typeOid, Object value, SessionFormats f) {
        return switch (typeOid) {
            case TypeOids.INT2 -> Bytes.i2(((Number) value).shortValue());
            case TypeOids.INT8 -> Bytes.i8(((Number) value).longValue());
            default -> Bytes.i4(((Number) value).intValue());
        };
    }

    @Override
    public int compare(int typeOid, Object a, Object b) {
        return switch (typeOid) {
            case TypeOids.INT2, TypeOids.INT4, TypeOids.INT8 ->
                    Long.compare(((Number) a).longValue(), ((Number) b).longValue());
            default -> Integer.compareUnsigned((Integer) a, (Integer) b);
        };
    }

    static short int2(long v) {
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw AdtErrors.outOfRange("smallint out of range");
        }
        return (short) v;
    }

    static int int4(long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw AdtErrors.outOfRange("integer out of range");
        }
        return (int) v;
    }

    static long int8Add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw AdtErrors.outOfRange("bigint out of range");
        }
    }

    static long int8Sub(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw AdtErrors.outOfRange("bigint out of range");
        }
    }

    static long int8Mul(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw AdtErrors.outOfRange("bigint out of range");
        }
    }
}
