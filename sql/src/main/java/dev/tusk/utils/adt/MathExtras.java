package dev.tusk.utils.adt;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.ImplTable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;

/**
 * float.c's hyperbolic and degree-based trigonometric functions (dsinh... datanh, dsind... datan2d, with
 * PostgreSQL's tricks that make sind(30) exactly 0.5), width_bucket for float8 and numeric, gcd/lcm,
 * factorial, numeric_inc and the float send functions.
 */
final class MathExtras {
    private MathExtras() {
    }

    private static final double RADIANS_PER_DEGREE = 0.0174532925199432957692;
    private static final double SIN_30 = Math.sin(30.0 * RADIANS_PER_DEGREE);
    private static final double ONE_MINUS_COS_60 = 1.0 - Math.cos(60.0 * RADIANS_PER_DEGREE);
    private static final double ASIN_0_5 = Math.asin(0.5);
    private static final double ACOS_0_5 = Math.acos(0.5);
    private static final double ATAN_1_0 = Math.atan(1.0);
    private static final double TAN_45 = sindQ1(45.0) / cosdQ1(45.0);
    private static final double COT_45 = cosdQ1(45.0) / sindQ1(45.0);

    static void register(ImplTable t) {
        t.fn1("dsinh", a -> Math.sinh((Double) a))
                .fn1("dcosh", a -> {
                    double r = Math.cosh((Double) a);
                    return Double.isNaN(r) ? r : FloatTypes.check(r, true, false);
                })
                .fn1("dtanh", a -> Math.tanh((Double) a))
                .fn1("dasinh", a -> asinh((Double) a))
                .fn1("dacosh", a -> {
                    double x = (Double) a;
                    if (x < 1.0) {
                        throw outOfRange();
                    }
                    return Double.isInfinite(x) ? x : Math.log(x + Math.sqrt(x * x - 1.0));
                })
                .fn1("datanh", a -> {
                    double x = (Double) a;
                    if (x < -1.0 || x > 1.0) {
                        throw outOfRange();
                    }
                    if (x == 1.0 || x == -1.0) {
                        return x * Double.POSITIVE_INFINITY;
                    }
                    return 0.5 * Math.log1p(2.0 * x / (1.0 - x));
                })
                .fn1("dsind", a -> sind((Double) a)).fn1("dcosd", a -> cosd((Double) a))
                .fn1("dtand", a -> tand((Double) a, false)).fn1("dcotd", a -> tand((Double) a, true))
                .fn1("dasind", a -> asind((Double) a)).fn1("dacosd", a -> acosd((Double) a))
                .fn1("datand", a -> {
                    double x = (Double) a;
                    return Double.isNaN(x) ? x : Math.atan(x) / ATAN_1_0 * 45.0;
                })
                .fn2("datan2d", (a, b) -> {
                    double y = (Double) a;
                    double x = (Double) b;
                    return Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.atan2(y, x) / ATAN_1_0 * 45.0;
                })
                .fn("width_bucket_float8", (c, ty, a) -> widthBucket((Double) a[0], (Double) a[1], (Double) a[2],
                        (Integer) a[3]))
                .fn("width_bucket_numeric", (c, ty, a) -> widthBucket((BigDecimal) a[0], (BigDecimal) a[1],
                        (BigDecimal) a[2], (Integer) a[3]))
                .fn2("int4gcd", (a, b) -> (int) gcd((Integer) a, (Integer) b, Integer.MIN_VALUE, "integer"))
                .fn2("int8gcd", (a, b) -> gcd((Long) a, (Long) b, Long.MIN_VALUE, "bigint"))
                .fn2("int4lcm", (a, b) -> (int) lcm((Integer) a, (Integer) b, Integer.MIN_VALUE,
                        Integer.MAX_VALUE, "integer"))
                .fn2("int8lcm", (a, b) -> lcm((Long) a, (Long) b, Long.MIN_VALUE, Long.MAX_VALUE, "bigint"))
                .fn2("numeric_gcd", (a, b) -> numericGcdLcm((BigDecimal) a, (BigDecimal) b, false))
                .fn2("numeric_lcm", (a, b) -> numericGcdLcm((BigDecimal) a, (BigDecimal) b, true))
                .fn1("numeric_fac", a -> factorial((Long) a))
                .fn1("numeric_inc", a -> NumericType.add((BigDecimal) a, BigDecimal.ONE))
                .fn1("float8send", a -> ByteBuffer.allocate(8).putDouble((Double) a).array())
                .fn1("float4send", a -> ByteBuffer.allocate(4).putFloat((Float) a).array());
    }

    private static TuskException outOfRange() {
        return AdtErrors.outOfRange("input is out of range");
    }

    static double asinh(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0.0) {
            return x;
        }
        double ax = Math.abs(x);
        double r = ax > 1e8 ? Math.log(ax) + Math.log(2.0) : Math.log1p(ax + ax * ax / (1.0 + Math.sqrt(1.0 + ax * ax)));
        return x < 0 ? -r : r;
    }

    // ---- degree-based trigonometry (float.c sind_q1 and friends) -------------------------------------------

    private static double sind0To30(double x) {
        return Math.sin(x * RADIANS_PER_DEGREE) / SIN_30 / 2.0;
    }

    private static double cosd0To60(double x) {
        return 1.0 - ((1.0 - Math.cos(x * RADIANS_PER_DEGREE)) / ONE_MINUS_COS_60) / 2.0;
    }

    private static double sindQ1(double x) {
        return x <= 30.0 ? sind0To30(x) : cosd0To60(90.0 - x);
    }

    private static double cosdQ1(double x) {
        return x <= 60.0 ? cosd0To60(x) : sind0To30(90.0 - x);
    }

    private static void checkFinite(double x) {
        if (Double.isInfinite(x)) {
            throw outOfRange();
        }
    }

    static double sind(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        checkFinite(x);
        x = x % 360.0;
        double sign = 1.0;
        if (x < 0.0) {
            x = -x;
            sign = -sign;
        }
        if (x > 180.0) {
            x = 360.0 - x;
            sign = -sign;
        }
        if (x > 90.0) {
            x = 180.0 - x;
        }
        return sign * sindQ1(x);
    }

    static double cosd(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        checkFinite(x);
        x = x % 360.0;
        if (x < 0.0) {
            x = -x;
        }
        if (x > 180.0) {
            x = 360.0 - x;
        }
        double sign = 1.0;
        if (x > 90.0) {
            x = 180.0 - x;
            sign = -sign;
        }
        return sign * cosdQ1(x);
    }

    /** dtand, or dcotd when {@code cot}. */
    static double tand(double x, boolean cot) {
        if (Double.isNaN(x)) {
            return x;
        }
        checkFinite(x);
        x = x % 360.0;
        double sign = 1.0;
        if (x < 0.0) {
            x = -x;
            sign = -sign;
        }
        if (x > 180.0) {
            x = 360.0 - x;
            sign = -sign;
        }
        if (x > 90.0) {
            x = 180.0 - x;
            sign = -sign;
        }
        double r = cot ? sign * (cosdQ1(x) / sindQ1(x) / COT_45) : sign * (sindQ1(x) / cosdQ1(x) / TAN_45);
        return r == 0.0 ? 0.0 : r;
    }

    private static double asindQ1(double x) {
        return x <= 0.5 ? Math.asin(x) / ASIN_0_5 * 30.0 : 90.0 - Math.acos(x) / ACOS_0_5 * 60.0;
    }

    private static double acosdQ1(double x) {
        return x <= 0.5 ? 90.0 - Math.asin(x) / ASIN_0_5 * 30.0 : Math.acos(x) / ACOS_0_5 * 60.0;
    }

    static double asind(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x < -1.0 || x > 1.0) {
            throw outOfRange();
        }
        return x >= 0 ? asindQ1(x) : -asindQ1(-x);
    }

    static double acosd(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x < -1.0 || x > 1.0) {
            throw outOfRange();
        }
        return x >= 0 ? acosdQ1(x) : 90.0 + asindQ1(-x);
    }

    // ---- width_bucket --------------------------------------------------------------------------------------

    private static TuskException wbError(String message) {
        return new TuskException(SqlState.INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION, message);
    }

    static int widthBucket(double operand, double b1, double b2, int count) {
        if (count <= 0) {
            throw wbError("count must be greater than zero");
        }
        if (Double.isNaN(operand) || Double.isNaN(b1) || Double.isNaN(b2)) {
            throw wbError("operand, lower bound, and upper bound cannot be NaN");
        }
        if (Double.isInfinite(b1) || Double.isInfinite(b2)) {
            throw wbError("lower and upper bounds must be finite");
        }
        double frac;
        if (b1 < b2) {
            if (operand < b1) {
                return 0;
            }
            if (operand >= b2) {
                return countPlusOne(count);
            }
            frac = Double.isInfinite(b2 - b1) ? (operand / 2 - b1 / 2) / (b2 / 2 - b1 / 2)
                    : (operand - b1) / (b2 - b1);
        } else if (b1 > b2) {
            if (operand > b1) {
                return 0;
            }
            if (operand <= b2) {
                return countPlusOne(count);
            }
            frac = Double.isInfinite(b1 - b2) ? (b1 / 2 - operand / 2) / (b1 / 2 - b2 / 2)
                    : (b1 - operand) / (b1 - b2);
        } else {
            throw wbError("lower bound cannot equal upper bound");
        }
        int r = (int) (count * frac);
        return Math.min(r, count - 1) + 1;
    }

    private static int countPlusOne(int count) {
        if (count == Integer.MAX_VALUE) {
            throw AdtErrors.outOfRange("integer out of range");
        }
        return count + 1;
    }

    static int widthBucket(BigDecimal operand, BigDecimal b1, BigDecimal b2, int count) {
        if (count <= 0) {
            throw wbError("count must be greater than zero");
        }
        if (NumericType.isNaN(operand) || NumericType.isNaN(b1) || NumericType.isNaN(b2)) {
            throw wbError("operand, lower bound, and upper bound cannot be NaN");
        }
        if (NumericType.isSpecial(b1) || NumericType.isSpecial(b2)) {
            throw wbError("lower and upper bounds must be finite");
        }
        int cmp = NumericType.compare(b1, b2);
        if (cmp == 0) {
            throw wbError("lower bound cannot equal upper bound");
        }
        boolean asc = cmp < 0;
        int lo = NumericType.compare(operand, b1);
        int hi = NumericType.compare(operand, b2);
        if (asc ? lo < 0 : lo > 0) {
            return 0;
        }
        if (asc ? hi >= 0 : hi <= 0) {
            return countPlusOne(count);
        }
        BigDecimal num = asc ? operand.subtract(b1) : b1.subtract(operand);
        BigDecimal den = asc ? b2.subtract(b1) : b1.subtract(b2);
        BigDecimal q = num.multiply(BigDecimal.valueOf(count)).divide(den, 0, RoundingMode.FLOOR);
        return Math.min(q.intValue(), count - 1) + 1;
    }

    // ---- gcd / lcm / factorial -----------------------------------------------------------------------------

    /** int4gcd_internal/int8gcd_internal: Euclid on signed values, with MIN_VALUE's overflow cases. */
    static long gcd(long a, long b, long min, String type) {
        if (Math.abs(a) < Math.abs(b) && a != min || b == min) {
            long s = a;
            a = b;
            b = s;
        }
        if (a == min) {
            if (b == 0 || b == min) {
                throw AdtErrors.outOfRange(type + " out of range");
            }
            if (b == -1) {
                return 1;
            }
        }
        while (b != 0) {
            long s = b;
            b = a % b;
            a = s;
        }
        return a < 0 ? -a : a;
    }

    static long lcm(long a, long b, long min, long max, String type) {
        if (a == 0 || b == 0) {
            return 0;
        }
        long g = gcd(a, b, min, type);
        BigInteger r = BigInteger.valueOf(a / g).multiply(BigInteger.valueOf(b)).abs();
        if (r.compareTo(BigInteger.valueOf(max)) > 0) {
            throw AdtErrors.outOfRange(type + " out of range");
        }
        return r.longValue();
    }

    static BigDecimal numericGcdLcm(BigDecimal a, BigDecimal b, boolean lcm) {
        if (NumericType.isSpecial(a) || NumericType.isSpecial(b)) {
            return NumericType.NaN;
        }
        int scale = Math.max(Math.max(a.scale(), b.scale()), 0);
        BigInteger x = a.setScale(scale).unscaledValue().abs();
        BigInteger y = b.setScale(scale).unscaledValue().abs();
        BigInteger g = x.gcd(y);
        if (!lcm) {
            return new BigDecimal(g, scale);
        }
        if (x.signum() == 0 || y.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        BigDecimal r = new BigDecimal(x.divide(g).multiply(y), scale);
        if (r.precision() - r.scale() > NUMERIC_MAX_INT_DIGITS) {
            throw AdtErrors.outOfRange("value overflows numeric format");
        }
        return r;
    }

    /** Decimal digits a numeric may have before the point (NUMERIC_WEIGHT_MAX + 1 base-10000 digits). */
    private static final int NUMERIC_MAX_INT_DIGITS = 131072;

    static BigDecimal factorial(long n) {
        if (n < 0) {
            throw AdtErrors.invalidParameter("factorial of a negative number is undefined");
        }
        if (n > 32177) {
            throw AdtErrors.outOfRange("value overflows numeric format");
        }
        BigInteger r = BigInteger.ONE;
        for (long i = 2; i <= n; i++) {
            r = r.multiply(BigInteger.valueOf(i));
        }
        return new BigDecimal(r);
    }
}
