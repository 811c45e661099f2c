package dev.tusk.utils.adt;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * real and double precision (float.c). Output follows PostgreSQL 12+: with extra_float_digits &gt; 0 the
 * shortest text that reads back exactly (Java's Double/Float.toString digits, which are shortest since JDK 19),
 * laid out like PostgreSQL's Ryu code: plain notation for decimal exponents -4..14 (float4: -4..5), else
 * {@code 1e+100}. With extra_float_digits &lt;= 0, C's {@code %.Ng} with N = 15 (6) + extra_float_digits.
 */
final class FloatTypes implements TypeHandler {
    static final FloatTypes INSTANCE = new FloatTypes();
    static final int DBL_DIG = 15;
    static final int FLT_DIG = 6;

    static String typeName(int typeOid) {
        return typeOid == TypeOids.FLOAT4 ? "real" : "double precision";
    }

    static double parse(String text, int typeOid) {
        String s = text.strip();
        String l = s.toLowerCase(Locale.ROOT);
        switch (l) {
            case "nan", "+nan", "-nan": return Double.NaN;
            case "infinity", "+infinity", "inf", "+inf": return Double.POSITIVE_INFINITY;
            case "-infinity", "-inf": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw AdtErrors.invalidSyntax(typeName(typeOid), text);
        }
        double d = Double.parseDouble(s);
        boolean zeroText = new BigDecimal(s).signum() == 0;
        if (typeOid == TypeOids.FLOAT4) {
            float f = (float) d;
            if (Float.isInfinite(f) || (f == 0.0f && !zeroText)) {
                throw new TuskException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                        "\"" + text + "\" is out of range for type real");
            }
            return f;
        }
        if (Double.isInfinite(d) || (d == 0.0 && !zeroText)) {
            throw new TuskException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "\"" + text + "\" is out of range for type double precision");
        }
        return d;
    }

    @Override
    public Object in(int typeOid, String text, int typmod, SessionFormats f) {
        double d = parse(text, typeOid);
        return typeOid == TypeOids.FLOAT4 ? (Object) (float) d : (Object) d;
    }

    @Override
    public String out(int typeOid, Object value, SessionFormats f) {
        int efd = f == null ? 1 : f.extraFloatDigits();
        if (typeOid == TypeOids.FLOAT4) {
            return format4(((Number) value).floatValue(), efd);
        }
        return format8(((Number) value).doubleValue(), efd);
    }

    static String special(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return null;
    }

    static String format8(double d, int extraFloatDigits) {
        String sp = special(d);
        if (sp != null) {
            return sp;
        }
        if (extraFloatDigits > 0) {
            return shortest(Double.toString(d), d, DBL_DIG);
        }
        return formatG(new BigDecimal(d), Math.max(1, DBL_DIG + extraFloatDigits), d);
    }

    static String format4(float f, int extraFloatDigits) {
        String sp = special(f);
        if (sp != null) {
            return sp;
        }
        if (extraFloatDigits > 0) {
            return shortest(Float.toString(f), f, FLT_DIG);
        }
        return formatG(new BigDecimal(f), Math.max(1, FLT_DIG + extraFloatDigits), f);
    }

    /** Layout of shortest digits as PostgreSQL's d2s/f2s (exponential outside -4 .. digLimit-1). */
    private static String shortest(String javaText, double d, int expLimit) {
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal b = new BigDecimal(javaText).stripTrailingZeros();
        return layout(b, expLimit);
    }

    private static String layout(BigDecimal b, int expLimit) {
        String digits = b.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - b.scale();
        String sign = b.signum() < 0 ? "-" : "";
        if (exp < -4 || exp >= expLimit) {
            StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) {
                sb.append('0');
            }
            return sb.append(ae).toString();
        }
        return sign + b.abs().toPlainString();
    }

    /** C's %.{precision}g. */
    private static String formatG(BigDecimal exact, int precision, double d) {
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal r = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return layout(r, precision);
    }

    @Override
    public Object recv(int typeOid, ByteBuffer buf, int typmod, SessionFormats f) {
        if (typeOid == TypeOids.FLOAT4) {
            Bytes.requireRemaining(buf, 4);
            return buf.getFloat();
        }
        Bytes.requireRemaining(buf, 8);
        return buf.getDouble();
    }

    @Override
    public byte[] send(int typeOid, Object value, SessionFormats f) {
        if (typeOid == TypeOids.FLOAT4) {
            return ByteBuffer.allocate(4).putFloat(((Number) value).floatValue()).array();
        }
        return ByteBuffer.allocate(8).putDouble(((Number) value).doubleValue()).array();
    }

    @Override
    public int compare(int typeOid, Object a, Object b) {
        return compareDouble(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }

    /** float8_cmp_internal: NaN = NaN, NaN sorts last, -0 = 0. */
    static int compareDouble(double a, double b) {
        if (Double.isNaN(a)) {
            return Double.isNaN(b) ? 0 : 1;
        }
        if (Double.isNaN(b)) {
            return -1;
        }
        return a < b ? -1 : a > b ? 1 : 0;
    }

    /** float8 result checks (float_overflow_error / float_underflow_error). */
    static double check(double result, boolean infInput, boolean zeroAllowed) {
        if (Double.isInfinite(result) && !infInput) {
            throw new TuskException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        if (result == 0.0 && !zeroAllowed) {
            throw new TuskException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
        }
        return result;
    }

    static float check4(double result, boolean infInput, boolean zeroAllowed) {
        float f = (float) result;
        if (Float.isInfinite(f) && !infInput) {
            throw new TuskException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        if (f == 0.0f && !zeroAllowed) {
            throw new TuskException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
        }
        return f;
    }
}
