package dev.tusk.utils.adt;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * numeric (numeric.c): exact decimals carried as {@link BigDecimal} with scale = PostgreSQL's display scale
 * (dscale, never negative), {@link #NaN} for 'NaN'. Rounding is half away from zero (RoundingMode.HALF_UP).
 * The binary form is PostgreSQL's base-10000 digits (numeric_send).
 */
public final class NumericType implements TypeHandler {
    static final NumericType INSTANCE = new NumericType();
    static final int NBASE = 10000;
    static final int DEC_DIGITS = 4;
    static final int MIN_SIG_DIGITS = 16;
    static final int MAX_DISPLAY_SCALE = 1000;

    /** The numeric NaN. Compare by identity ({@link #isNaN}); it sorts above every number, as in PostgreSQL. */
    public static final BigDecimal NaN = new NaNDecimal();

    /** numeric 'Infinity' (PostgreSQL 14+). Compare by identity. */
    public static final BigDecimal POSITIVE_INFINITY = new NaNDecimal("Infinity");

    /** numeric '-Infinity'. */
    public static final BigDecimal NEGATIVE_INFINITY = new NaNDecimal("-Infinity");

    /** The special values; instances are singletons compared by identity. */
    private static final class NaNDecimal extends BigDecimal {
        private static final long serialVersionUID = 1L;
        private final String text;

        NaNDecimal() {
            this("NaN");
        }

        NaNDecimal(String text) {
            super(0);
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public String toPlainString() {
            return text;
        }

        @Override
        public int signum() {
            return text.equals("Infinity") ? 1 : text.equals("-Infinity") ? -1 : 0;
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    /** True for NaN only. */
    public static boolean isNaN(BigDecimal d) {
        return d == NaN;
    }

    /** True for NaN and the infinities (values without digits). */
    public static boolean isSpecial(BigDecimal d) {
        return d instanceof NaNDecimal;
    }

    /** The value as a double (specials included), for arithmetic involving specials. */
    static double specialToDouble(BigDecimal d) {
        return d == NaN ? Double.NaN : d == POSITIVE_INFINITY ? Double.POSITIVE_INFINITY
                : d == NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : d.doubleValue();
    }

    /** Maps a double result of special arithmetic back: NaN/±Inf to the specials, finite to an exact value. */
    static BigDecimal fromSpecialDouble(double d) {
        if (Double.isNaN(d)) {
            return NaN;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        return d == 0 ? BigDecimal.ZERO : normalize(new BigDecimal(d));
    }

    /** A numeric with non-negative scale (PostgreSQL never has a negative display scale). */
    static BigDecimal normalize(BigDecimal d) {
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    static BigDecimal parse(String text) {
        String s = text.strip();
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan": return NaN;
            case "infinity", "+infinity", "inf", "+inf": return POSITIVE_INFINITY;
            case "-infinity", "-inf": return NEGATIVE_INFINITY;
            default: break;
        }
        if (s.isEmpty() || !s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw AdtErrors.invalidSyntax("numeric", text);
        }
        try {
            return normalize(new BigDecimal(s));
        } catch (NumberFormatException | ArithmeticException e) {
            throw AdtErrors.invalidSyntax("numeric", text);
        }
    }

    @Override
    public Object in(int typeOid, String text, int typmod, SessionFormats f) {
        return applyTypmod(parse(text), typmod);
    }

    /** apply_typmod: round to the scale, then 22003 numeric field overflow if too many integer digits. */
    public static BigDecimal applyTypmod(BigDecimal v, int typmod) {
        if (typmod < Typmods.VARHDRSZ || isNaN(v)) {
            return v;
        }
        if (isSpecial(v)) {
            int p = Typmods.numericPrecision(typmod);
            int s = Typmods.numericScale(typmod);
            throw new TuskException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow")
                    .withDetail("A field with precision " + p + ", scale " + s + " cannot hold an infinite value.");
        }
        int p = Typmods.numericPrecision(typmod);
        int s = Typmods.numericScale(typmod);
        BigDecimal r = v.setScale(s, RoundingMode.HALF_UP);
        if (r.signum() != 0) {
            int intDigits = r.precision() - r.scale();
            if (intDigits > p - s) {
                throw new TuskException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow")
                        .withDetail("A field with precision " + p + ", scale " + s + " must round to an absolute value"
                                + " less than " + (p - s == 0 ? "1" : "10^" + (p - s)) + ".");
            }
        }
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    @Override
    public String out(int typeOid, Object value, SessionFormats f) {
        return ((BigDecimal) value).toPlainString();
    }

    /** The base-10000 digits of |v| (most significant first, no leading/trailing zero digits) and weight. */
    record Digits(short[] digits, int weight) {
    }

    static Digits digits(BigDecimal v) {
        BigDecimal abs = v.abs();
        if (abs.signum() == 0) {
            return new Digits(new short[0], 0);
        }
        int scale = Math.max(abs.scale(), 0);
        int s4 = (scale + DEC_DIGITS - 1) / DEC_DIGITS * DEC_DIGITS;
        BigInteger unscaled = abs.setScale(s4).unscaledValue();
        String dec = unscaled.toString();
        int pad = (DEC_DIGITS - dec.length() % DEC_DIGITS) % DEC_DIGITS;
        dec = "0".repeat(pad) + dec;
        int n = dec.length() / DEC_DIGITS;
        short[] all = new short[n];
        for (int i = 0; i < n; i++) {
            all[i] = Short.parseShort(dec.substring(i * DEC_DIGITS, i * DEC_DIGITS + DEC_DIGITS));
        }
        int weight = n - 1 - s4 / DEC_DIGITS;
        int end = n;
        while (end > 0 && all[end - 1] == 0) {
            end--;
        }
        return new Digits(java.util.Arrays.copyOf(all, end), weight);
    }

    @Override
    public byte[] send(int typeOid, Object value, SessionFormats f) {
        BigDecimal v = (BigDecimal) value;
        if (isSpecial(v)) {
            int sign = v == NaN ? 0xC000 : v == POSITIVE_INFINITY ? 0xD000 : 0xF000;
            // PostgreSQL 15 sends dscale 32 for the infinities (bits of its special-value header), 0 for NaN
            return ByteBuffer.allocate(8).putShort((short) 0).putShort((short) 0).putShort((short) sign)
                    .putShort((short) (v == NaN ? 0 : 0x20)).array();
        }
        Digits d = digits(v);
        ByteBuffer b = ByteBuffer.allocate(8 + 2 * d.digits().length);
        b.putShort((short) d.digits().length).putShort((short) d.weight())
                .putShort((short) (v.signum() < 0 ? 0x4000 : 0)).putShort((short) Math.max(v.scale(), 0));
        for (short s : d.digits()) {
            b.putShort(s);
        }
        return b.array();
    }

    @Override
    public Object recv(int typeOid, ByteBuffer buf, int typmod, SessionFormats f) {
        Bytes.requireRemaining(buf, 8);
        int ndigits = buf.getShort() & 0xffff;
        int weight = buf.getShort();
        int sign = buf.getShort() & 0xffff;
        int dscale = buf.getShort() & 0xffff;
        if (sign == 0xC000) {
            return NaN;
        }
        if (sign == 0xD000) {
            return POSITIVE_INFINITY;
        }
        if (sign == 0xF000) {
            return NEGATIVE_INFINITY;
        }
        if (sign != 0 && sign != 0x4000) {
            throw AdtErrors.badBinary("invalid sign in external \"numeric\" value");
        }
        BigInteger acc = BigInteger.ZERO;
        for (int i = 0; i < ndigits; i++) {
            Bytes.requireRemaining(buf, 2);
            int d = buf.getShort();
            if (d < 0 || d >= NBASE) {
                throw AdtErrors.badBinary("invalid digit in external \"numeric\" value");
            }
            acc = acc.multiply(BigInteger.valueOf(NBASE)).add(BigInteger.valueOf(d));
        }
        // value = acc * NBASE^(weight - ndigits + 1)
        int exp10 = (weight - ndigits + 1) * DEC_DIGITS;
        BigDecimal v = new BigDecimal(acc, -exp10);
        if (sign == 0x4000) {
            v = v.negate();
        }
        v = v.setScale(dscale, RoundingMode.HALF_UP);
        return applyTypmod(v, typmod);
    }

    @Override
    public int compare(int typeOid, Object a, Object b) {
        return compare((BigDecimal) a, (BigDecimal) b);
    }

    /** cmp_numerics: NaN equals NaN and sorts after all numbers. */
    public static int compare(BigDecimal a, BigDecimal b) {
        return Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b))
                : isSpecial(a) ? 0 : a.compareTo(b);
    }

    /** -Infinity &lt; finite &lt; Infinity &lt; NaN. */
    private static int rank(BigDecimal d) {
        return d == NEGATIVE_INFINITY ? 0 : d == POSITIVE_INFINITY ? 2 : d == NaN ? 3 : 1;
    }

    /** A Java number (or numeric) as numeric (int/long exact, float/double through their shortest text). */
    public static BigDecimal toNumeric(Object o) {
        return switch (o) {
            case BigDecimal d -> d;
            case Short s -> BigDecimal.valueOf(s);
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Float fl -> fromDouble(fl.doubleValue(), FloatTypes.FLT_DIG, "real");
            case Double d -> fromDouble(d, FloatTypes.DBL_DIG, "double precision");
            default -> throw new IllegalArgumentException("not a number: " + o);
        };
    }

    /** float8_numeric / float4_numeric: the value printed with DBL_DIG (FLT_DIG) significant digits. */
    static BigDecimal fromDouble(double d, int digits, String typeName) {
        if (Double.isNaN(d)) {
            return NaN;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        BigDecimal b = new BigDecimal(String.format(Locale.ROOT, "%." + (digits - 1) + "e", d));
        return normalize(b.stripTrailingZeros());
    }

    // ---- arithmetic ----------------------------------------------------------------------------------------

    static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (isSpecial(a) || isSpecial(b)) {
            if (a == NaN || b == NaN) {
                return NaN;
            }
            if (isSpecial(a) && isSpecial(b)) {
                return a == b ? a : NaN;
            }
            return isSpecial(a) ? a : b;
        }
        return a.add(b);
    }

    static BigDecimal negate(BigDecimal a) {
        return a == POSITIVE_INFINITY ? NEGATIVE_INFINITY : a == NEGATIVE_INFINITY ? POSITIVE_INFINITY
                : a == NaN ? NaN : a.negate();
    }

    static BigDecimal sub(BigDecimal a, BigDecimal b) {
        if (isSpecial(a) || isSpecial(b)) {
            return add(a, negate(b));
        }
        return a.subtract(b);
    }

    static BigDecimal mul(BigDecimal a, BigDecimal b) {
        if (isSpecial(a) || isSpecial(b)) {
            if (a == NaN || b == NaN || a.signum() == 0 || b.signum() == 0) {
                return NaN;
            }
            return a.signum() * b.signum() > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        BigDecimal r = a.multiply(b);
        return r.scale() > MAX_DISPLAY_SCALE ? r.setScale(MAX_DISPLAY_SCALE, RoundingMode.HALF_UP) : r;
    }

    /** numeric_div with select_div_scale's result scale. */
    static BigDecimal div(BigDecimal a, BigDecimal b) {
        if (isNaN(a) || isNaN(b)) {
            return NaN;
        }
        if (b.signum() == 0) {
            throw AdtErrors.divisionByZero();
        }
        if (isSpecial(a) && isSpecial(b)) {
            return NaN;
        }
        if (isSpecial(b)) {
            return BigDecimal.ZERO;
        }
        if (isSpecial(a)) {
            return a.signum() * b.signum() > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        return a.divide(b, selectDivScale(a, b), RoundingMode.HALF_UP);
    }

    /** select_div_scale: at least 16 significant digits, no less than either input's scale. */
    static int selectDivScale(BigDecimal a, BigDecimal b) {
        Digits d1 = digits(a);
        Digits d2 = digits(b);
        int w1 = d1.digits().length > 0 ? d1.weight() : 0;
        int f1 = d1.digits().length > 0 ? d1.digits()[0] : 0;
        int w2 = d2.digits().length > 0 ? d2.weight() : 0;
        int f2 = d2.digits().length > 0 ? d2.digits()[0] : 0;
        int qweight = w1 - w2;
        if (f1 <= f2) {
            qweight--;
        }
        int rscale = MIN_SIG_DIGITS - qweight * DEC_DIGITS;
        rscale = Math.max(rscale, Math.max(a.scale(), 0));
        rscale = Math.max(rscale, Math.max(b.scale(), 0));
        return Math.min(Math.max(rscale, 0), MAX_DISPLAY_SCALE);
    }

    /** numeric_mod: truncated remainder, scale of the wider input. */
    static BigDecimal mod(BigDecimal a, BigDecimal b) {
        if (isNaN(a) || isNaN(b)) {
            return NaN;
        }
        if (b.signum() == 0) {
            throw AdtErrors.divisionByZero();
        }
        if (isSpecial(a)) {
            return NaN;
        }
        if (isSpecial(b)) {
            return a;
        }
        return a.remainder(b);
    }

    /** numeric_div_trunc (div()). */
    static BigDecimal divTrunc(BigDecimal a, BigDecimal b) {
        if (isNaN(a) || isNaN(b)) {
            return NaN;
        }
        if (b.signum() == 0) {
            throw AdtErrors.divisionByZero();
        }
        if (isSpecial(a) || isSpecial(b)) {
            return isSpecial(a) && isSpecial(b) ? NaN : isSpecial(b) ? BigDecimal.ZERO
                    : a.signum() * b.signum() > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        return a.divideToIntegralValue(b).setScale(0, RoundingMode.DOWN);
    }

    /** numeric to integer types: round half away from zero, 22003 when out of range. */
    static long toLong(BigDecimal v, long min, long max, String typeName) {
        if (isNaN(v)) {
            throw AdtErrors.unsupported("cannot convert NaN to " + typeName);
        }
        if (isSpecial(v)) {
            throw AdtErrors.unsupported("cannot convert infinity to " + typeName);
        }
        BigDecimal r = v.setScale(0, RoundingMode.HALF_UP);
        if (r.compareTo(BigDecimal.valueOf(min)) < 0 || r.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw AdtErrors.outOfRange(typeName + " out of range");
        }
        return r.longValueExact();
    }
}
