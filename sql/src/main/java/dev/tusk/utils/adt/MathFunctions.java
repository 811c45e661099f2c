package dev.tusk.utils.adt;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.FunctionImpl;
import dev.tusk.utils.fmgr.ImplTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Arithmetic and math functions for integers (int.c, int8.c), floats (float.c) and numeric (numeric.c), and
 * the casts among them. Integer and float operator bodies come from one pattern over their C names
 * ({@code int48pl}, {@code float84div}...).
 */
final class MathFunctions {
    private MathFunctions() {
    }

    private static final Pattern INT_OP = Pattern.compile("int([248])([248])?(pl|mi|mul|div|mod)");
    private static final Pattern FLOAT_OP = Pattern.compile("float([48])([48])?(pl|mi|mul|div)");

    static void register(ImplTable t) {
        t.resolver(MathFunctions::arith);
        // unary integer ops
        t.fn1("int2um", a -> IntTypes.int2(-(Short) a)).fn1("int4um", a -> IntTypes.int4(-(long) (Integer) a))
                .fn1("int8um", a -> IntTypes.int8Sub(0, (Long) a)).fn1("int2up", a -> a).fn1("int4up", a -> a)
                .fn1("int8up", a -> a).fn1("int2abs", a -> IntTypes.int2(Math.abs((long) (Short) a)))
                .fn1("int4abs", a -> IntTypes.int4(Math.abs((long) (Integer) a)))
                .fn1("int8abs", a -> {
                    if ((Long) a == Long.MIN_VALUE) {
                        throw AdtErrors.outOfRange("bigint out of range");
                    }
                    return Math.abs((Long) a);
                });
        // float unary + math
        t.fn1("float4um", a -> -(Float) a).fn1("float8um", a -> -(Double) a).fn1("float4up", a -> a)
                .fn1("float8up", a -> a).fn1("float4abs", a -> Math.abs((Float) a))
                .fn1("float8abs", a -> Math.abs((Double) a))
                .fn1("dround", a -> Math.rint((Double) a)).fn1("dtrunc", a -> trunc((Double) a))
                .fn1("dceil", a -> Math.ceil((Double) a)).fn1("dfloor", a -> Math.floor((Double) a))
                .fn1("dsign", a -> Math.signum((Double) a)).fn1("dcbrt", a -> Math.cbrt((Double) a))
                .fn1("dsqrt", a -> {
                    double d = (Double) a;
                    if (d < 0) {
                        throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                                "cannot take square root of a negative number");
                    }
                    return Math.sqrt(d);
                })
                .fn1("dexp", a -> {
                    double x = (Double) a;
                    if (Double.isNaN(x) || Double.isInfinite(x)) {
                        return x > 0 || Double.isNaN(x) ? x : 0.0;
                    }
                    return FloatTypes.check(Math.exp(x), false, false);
                })
                .fn1("dlog1", a -> {
                    double d = (Double) a;
                    checkLog(d);
                    return Math.log(d);
                })
                .fn1("dlog10", a -> {
                    double d = (Double) a;
                    checkLog(d);
                    return Math.log10(d);
                })
                .fn2("dpow", (a, b) -> dpow((Double) a, (Double) b))
                .fn("dpi", (c, ty, a) -> Math.PI)
                .fn("drandom", (c, ty, a) -> c.random().nextDouble())
                .fn1("degrees", a -> (Double) a / RADIANS_PER_DEGREE).fn1("radians", a -> (Double) a * RADIANS_PER_DEGREE)
                .fn1("dsin", a -> Math.sin((Double) a)).fn1("dcos", a -> Math.cos((Double) a))
                .fn1("dtan", a -> Math.tan((Double) a)).fn1("dcot", a -> 1.0 / Math.tan((Double) a))
                .fn1("dasin", a -> Math.asin(unitRange((Double) a))).fn1("dacos", a -> Math.acos(unitRange((Double) a)))
                .fn1("datan", a -> Math.atan((Double) a))
                .fn2("datan2", (a, b) -> Math.atan2((Double) a, (Double) b));
        // bitwise operators on integers (int.c int4and etc.)
        for (String w : new String[] {"2", "4", "8"}) {
            String p = "int" + w;
            int ret = w.equals("2") ? TypeOids.INT2 : w.equals("4") ? TypeOids.INT4 : TypeOids.INT8;
            t.fn2(p + "and", (a, b) -> narrow(((Number) a).longValue() & ((Number) b).longValue(), ret))
                    .fn2(p + "or", (a, b) -> narrow(((Number) a).longValue() | ((Number) b).longValue(), ret))
                    .fn2(p + "xor", (a, b) -> narrow(((Number) a).longValue() ^ ((Number) b).longValue(), ret))
                    .fn1(p + "not", a -> narrow(~((Number) a).longValue(), ret))
                    .fn2(p + "shl", (a, b) -> shift(((Number) a).longValue(), (Integer) b, true, ret))
                    .fn2(p + "shr", (a, b) -> shift(((Number) a).longValue(), (Integer) b, false, ret));
        }
        t.fn1("log10(1700)", a -> numericLog(BigDecimal.TEN, n(a)));
        // casts among numbers
        t.fn1("int28", a -> (long) (Short) a).fn1("int48", a -> (long) (Integer) a)
                .fn1("i2toi4", a -> (int) (Short) a).fn1("i4toi2", a -> IntTypes.int2((Integer) a))
                .fn1("int82", a -> IntTypes.int2((Long) a)).fn1("int84", a -> IntTypes.int4((Long) a))
                .fn1("i2tod", a -> (double) (Short) a).fn1("i4tod", a -> (double) (Integer) a)
                .fn1("i8tod", a -> (double) (Long) a).fn1("i2tof", a -> (float) (Short) a)
                .fn1("i4tof", a -> (float) (Integer) a).fn1("i8tof", a -> (float) (Long) a)
                .fn1("ftod", a -> (double) (Float) a)
                .fn1("dtof", a -> FloatTypes.check4((Double) a, Double.isInfinite((Double) a),
                        (Double) a == 0.0))
                .fn1("dtoi2", a -> (short) floatToInt(rint(a), Short.MIN_VALUE, Short.MAX_VALUE, "smallint"))
                .fn1("dtoi4", a -> (int) floatToInt(rint(a), Integer.MIN_VALUE, Integer.MAX_VALUE, "integer"))
                .fn1("dtoi8", a -> floatToInt(rint(a), Long.MIN_VALUE, Long.MAX_VALUE, "bigint"))
                .fn1("ftoi2", a -> (short) floatToInt(rint(a), Short.MIN_VALUE, Short.MAX_VALUE, "smallint"))
                .fn1("ftoi4", a -> (int) floatToInt(rint(a), Integer.MIN_VALUE, Integer.MAX_VALUE, "integer"))
                .fn1("ftoi8", a -> floatToInt(rint(a), Long.MIN_VALUE, Long.MAX_VALUE, "bigint"))
                .fn1("int2_numeric", NumericType::toNumeric).fn1("int4_numeric", NumericType::toNumeric)
                .fn1("int8_numeric", NumericType::toNumeric).fn1("float4_numeric", NumericType::toNumeric)
                .fn1("float8_numeric", NumericType::toNumeric)
                .fn1("numeric_int2", a -> (short) NumericType.toLong(n(a), Short.MIN_VALUE, Short.MAX_VALUE,
                        "smallint"))
                .fn1("numeric_int4", a -> (int) NumericType.toLong(n(a), Integer.MIN_VALUE, Integer.MAX_VALUE,
                        "integer"))
                .fn1("numeric_int8", a -> NumericType.toLong((BigDecimal) a, Long.MIN_VALUE, Long.MAX_VALUE, "bigint"))
                .fn1("numeric_float8", a -> NumericType.isSpecial(n(a)) ? NumericType.specialToDouble(n(a))
                        : Double.parseDouble(((BigDecimal) a).toString()))
                .fn1("numeric_float4", a -> NumericType.isSpecial(n(a)) ? (float) NumericType.specialToDouble(n(a))
                        : Float.parseFloat(((BigDecimal) a).toString()))
                .fn("numeric", (c, ty, a) -> NumericType.applyTypmod((BigDecimal) a[0], (Integer) a[1]))
                .fn1("int4_bool", a -> (Integer) a != 0).fn1("bool_int4", a -> (Boolean) a ? 1 : 0)
                .fn1("i8tooid", a -> {
                    long v = (Long) a;
                    if (v < 0 || v > 0xFFFF_FFFFL) {
                        throw AdtErrors.outOfRange("OID out of range");
                    }
                    return (int) v;
                })
                .fn1("oidtoi8", a -> Integer.toUnsignedLong((Integer) a));
        // numeric operators and functions
        t.fn2("numeric_add", (a, b) -> NumericType.add(n(a), n(b)))
                .fn2("numeric_sub", (a, b) -> NumericType.sub(n(a), n(b)))
                .fn2("numeric_mul", (a, b) -> NumericType.mul(n(a), n(b)))
                .fn2("numeric_div", (a, b) -> NumericType.div(n(a), n(b)))
                .fn2("numeric_mod", (a, b) -> NumericType.mod(n(a), n(b)))
                .fn2("numeric_div_trunc", (a, b) -> NumericType.divTrunc(n(a), n(b)))
                .fn1("numeric_uminus", a -> NumericType.negate(n(a)))
                .fn1("numeric_uplus", a -> a)
                .fn1("numeric_abs", a -> NumericType.isNaN(n(a)) ? a
                        : NumericType.isSpecial(n(a)) ? NumericType.POSITIVE_INFINITY : n(a).abs())
                .fn1("numeric_sign", a -> NumericType.isNaN(n(a)) ? a : BigDecimal.valueOf(n(a).signum()))
                .fn1("numeric_ceil", a -> NumericType.isSpecial(n(a)) ? a : n(a).setScale(0, RoundingMode.CEILING))
                .fn1("numeric_floor", a -> NumericType.isSpecial(n(a)) ? a : n(a).setScale(0, RoundingMode.FLOOR))
                .fn2("numeric_round", (a, b) -> roundTo(n(a), (Integer) b, RoundingMode.HALF_UP))
                .fn2("numeric_trunc", (a, b) -> roundTo(n(a), (Integer) b, RoundingMode.DOWN))
                .fn1("round(1700)", a -> roundTo(n(a), 0, RoundingMode.HALF_UP))
                .fn1("trunc(1700)", a -> roundTo(n(a), 0, RoundingMode.DOWN))
                .fn1("numeric_scale", a -> NumericType.isSpecial(n(a)) ? null : n(a).scale())
                .fn1("numeric_sqrt", a -> numericSqrt(n(a)))
                .fn1("numeric_exp", a -> numericExp(n(a)))
                .fn1("numeric_ln", a -> numericLn(n(a)))
                .fn2("numeric_log", (a, b) -> numericLog(n(a), n(b)))
                .fn1("log(1700)", a -> numericLog(BigDecimal.TEN, n(a)))
                .fn2("numeric_power", (a, b) -> numericPower(n(a), n(b)))
                .fn2("numeric_larger", (a, b) -> NumericType.compare(n(a), n(b)) >= 0 ? a : b)
                .fn2("numeric_smaller", (a, b) -> NumericType.compare(n(a), n(b)) <= 0 ? a : b)
                .fn1("numeric_trim_scale", a -> NumericType.isSpecial(n(a)) ? a
                        : NumericType.normalize(n(a).stripTrailingZeros()))
                .fn1("numeric_min_scale", a -> NumericType.isSpecial(n(a)) ? null
                        : NumericType.normalize(n(a).stripTrailingZeros()).scale())
                .fn2("int4gcd", (a, b) -> IntTypes.int4(gcd((Integer) a, (Integer) b)))
                .fn2("int8gcd", (a, b) -> gcd((Long) a, (Long) b));
    }

    private static Object narrow(long v, int type) {
        return switch (type) {
            case TypeOids.INT2 -> (short) v;
            case TypeOids.INT4 -> (int) v;
            default -> v;
        };
    }

    private static Object shift(long v, int by, boolean left, int type) {
        // C promotes int2 to int before shifting, and x86 masks the count: 31 for int2/int4, 63 for int8
        int s = by & (type == TypeOids.INT8 ? 63 : 31);
        long r = switch (type) {
            case TypeOids.INT2 -> left ? (short) (v << s) : (short) v >> s;
            case TypeOids.INT4 -> left ? (int) (v << s) : (int) v >> s;
            default -> left ? v << s : v >> s;
        };
        return narrow(r, type);
    }

    private static BigDecimal n(Object o) {
        return (BigDecimal) o;
    }

    private static long gcd(long a, long b) {
        a = Math.abs(a);
        b = Math.abs(b);
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** float.c's RADIANS_PER_DEGREE (degrees() divides by it, as PostgreSQL does, for the same last bit). */
    private static final double RADIANS_PER_DEGREE = 0.0174532925199432957692;

    private static double unitRange(double d) {
        if (d < -1 || d > 1) {
            throw AdtErrors.outOfRange("input is out of range");
        }
        return d;
    }

    private static double rint(Object floatOrDouble) {
        return Math.rint(((Number) floatOrDouble).doubleValue());
    }

    private static double trunc(double d) {
        return d < 0 ? Math.ceil(d) : Math.floor(d);
    }

    private static void checkLog(double d) {
        if (d == 0) {
            throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
        }
        if (d < 0) {
            throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
        }
    }

    /** float8_pow, including C99 pow()'s rules for NaN and infinite inputs that PostgreSQL spells out. */
    private static double dpow(double a, double b) {
        if (Double.isNaN(a)) {
            return Double.isNaN(b) || b != 0.0 ? Double.NaN : 1.0;
        }
        if (Double.isNaN(b)) {
            return a != 1.0 ? Double.NaN : 1.0;
        }
        if (a == 0 && b < 0) {
            throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "zero raised to a negative power is undefined");
        }
        if (a < 0 && b != Math.floor(b)) {
            throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        if (Double.isInfinite(b)) {
            double absx = Math.abs(a);
            if (absx == 1.0) {
                return 1.0;
            }
            return b > 0 ? (absx > 1.0 ? b : 0.0) : (absx > 1.0 ? 0.0 : -b);
        }
        if (Double.isInfinite(a)) {
            if (b == 0.0) {
                return 1.0;
            }
            if (a > 0) {
                return b > 0 ? a : 0.0;
            }
            double half = b / 2;
            boolean oddInteger = Math.floor(half) != half;
            return b > 0 ? (oddInteger ? a : -a) : (oddInteger ? -0.0 : 0.0);
        }
        double r = Math.pow(a, b);
        return FloatTypes.check(r, false, a == 0 || r != 0);
    }

    private static long floatToInt(double d, long min, long max, String type) {
        if (Double.isNaN(d) || d < min || d >= -(double) min) {
            throw AdtErrors.outOfRange(type + " out of range");
        }
        if (d > max) {
            throw AdtErrors.outOfRange(type + " out of range");
        }
        return (long) d;
    }

    private static BigDecimal roundTo(BigDecimal v, int scale, RoundingMode mode) {
        if (NumericType.isSpecial(v)) {
            return v;
        }
        scale = Math.max(Math.min(scale, NumericType.MAX_DISPLAY_SCALE), -NumericType.MAX_DISPLAY_SCALE);
        BigDecimal r = v.setScale(scale, mode);
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    private static int dscale(BigDecimal v) {
        return Math.max(v.scale(), 0);
    }

    private static int clampScale(int rscale) {
        return Math.min(Math.max(rscale, 0), NumericType.MAX_DISPLAY_SCALE);
    }

    static BigDecimal numericSqrt(BigDecimal a) {
        if (NumericType.isNaN(a) || a == NumericType.POSITIVE_INFINITY) {
            return a;
        }
        if (a.signum() < 0) {
            throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "cannot take square root of a negative number");
        }
        int weight = a.signum() == 0 ? 0 : NumericType.digits(a).weight();
        int sweight = (weight + 1) * NumericType.DEC_DIGITS / 2 - 1;
        int rscale = clampScale(Math.max(NumericType.MIN_SIG_DIGITS - sweight, dscale(a)));
        if (a.signum() == 0) {
            return BigDecimal.ZERO.setScale(rscale);
        }
        return a.sqrt(new java.math.MathContext(rscale + a.precision() + 10)).setScale(rscale, RoundingMode.HALF_UP);
    }

    static BigDecimal numericExp(BigDecimal a) {
        if (NumericType.isNaN(a) || a == NumericType.POSITIVE_INFINITY) {
            return a;
        }
        if (a == NumericType.NEGATIVE_INFINITY) {
            return BigDecimal.ZERO;
        }
        double val = a.doubleValue() * 0.434294481903252;
        val = Math.max(-NumericType.MAX_DISPLAY_SCALE, Math.min(NumericType.MAX_DISPLAY_SCALE, val));
        int rscale = clampScale(Math.max(NumericType.MIN_SIG_DIGITS - (int) val, dscale(a)));
        if (val > 1000) {
            throw AdtErrors.outOfRange("value overflows numeric format");
        }
        return BigMath.exp(a, rscale);
    }

    /** estimate_ln_dweight. */
    static int estimateLnDweight(BigDecimal v) {
        if (v.compareTo(new BigDecimal("0.9")) >= 0 && v.compareTo(new BigDecimal("1.1")) <= 0) {
            BigDecimal x = v.subtract(BigDecimal.ONE);
            if (x.signum() == 0) {
                return 0;
            }
            NumericType.Digits d = NumericType.digits(x);
            return d.weight() * NumericType.DEC_DIGITS + (int) Math.log10(d.digits()[0]);
        }
        if (v.signum() == 0) {
            return 0;
        }
        NumericType.Digits d = NumericType.digits(v);
        int digits = d.digits()[0];
        int dweight = d.weight() * NumericType.DEC_DIGITS;
        if (d.digits().length > 1) {
            digits = digits * NumericType.NBASE + d.digits()[1];
            dweight -= NumericType.DEC_DIGITS;
        }
        double lnVar = Math.log(digits) + dweight * 2.302585092994046;
        return (int) Math.log10(Math.abs(lnVar));
    }

    private static void checkLnArg(BigDecimal a) {
        if (a.signum() == 0) {
            throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
        }
        if (a.signum() < 0) {
            throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
        }
    }

    /** numeric_sign_internal: the sign of any numeric but NaN, infinities included. */
    static int sign(BigDecimal a) {
        if (a == NumericType.POSITIVE_INFINITY) {
            return 1;
        }
        if (a == NumericType.NEGATIVE_INFINITY) {
            return -1;
        }
        return a.signum();
    }

    static BigDecimal numericLn(BigDecimal a) {
        if (NumericType.isNaN(a) || a == NumericType.POSITIVE_INFINITY) {
            return a;
        }
        if (a == NumericType.NEGATIVE_INFINITY) {
            throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
        }
        checkLnArg(a);
        int rscale = clampScale(Math.max(NumericType.MIN_SIG_DIGITS - estimateLnDweight(a), dscale(a)));
        return BigMath.ln(a, rscale);
    }

    static BigDecimal numericLog(BigDecimal base, BigDecimal num) {
        if (NumericType.isSpecial(base) || NumericType.isSpecial(num)) {
            if (NumericType.isNaN(base) || NumericType.isNaN(num)) {
                return NumericType.NaN;
            }
            int s1 = sign(base);
            int s2 = sign(num);
            if (s1 < 0 || s2 < 0) {
                throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_LOG,
                        "cannot take logarithm of a negative number");
            }
            if (s1 == 0 || s2 == 0) {
                throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
            }
            if (base == NumericType.POSITIVE_INFINITY) {
                return num == NumericType.POSITIVE_INFINITY ? NumericType.NaN : BigDecimal.ZERO;
            }
            return NumericType.POSITIVE_INFINITY;
        }
        checkLnArg(base);
        checkLnArg(num);
        int rdw = estimateLnDweight(num) - estimateLnDweight(base);
        int rscale = clampScale(Math.max(Math.max(NumericType.MIN_SIG_DIGITS - rdw, dscale(base)), dscale(num)));
        int work = rscale + 20;
        BigDecimal lb = BigMath.ln(base, work);
        if (lb.signum() == 0) {
            throw AdtErrors.divisionByZero();
        }
        return BigMath.ln(num, work).divide(lb, rscale, RoundingMode.HALF_UP);
    }

    static BigDecimal numericPower(BigDecimal base, BigDecimal exp) {
        if (NumericType.isNaN(base) || NumericType.isNaN(exp)) {
            if (NumericType.isNaN(base) && !NumericType.isNaN(exp) && exp.signum() == 0) {
                return BigDecimal.ONE;
            }
            if (NumericType.isNaN(exp) && !NumericType.isNaN(base) && base.compareTo(BigDecimal.ONE) == 0) {
                return BigDecimal.ONE;
            }
            return NumericType.NaN;
        }
        int s1 = sign(base);
        int s2 = sign(exp);
        if (s1 == 0 && s2 < 0) {
            throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "zero raised to a negative power is undefined");
        }
        // numeric_is_integral: infinities count as integral, NaN does not
        boolean integral = NumericType.isSpecial(exp) || exp.stripTrailingZeros().scale() <= 0;
        if (s1 < 0 && !integral) {
            throw new TuskException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        if (NumericType.isSpecial(base) || NumericType.isSpecial(exp)) {
            return specialPower(base, exp, s2);
        }
        boolean odd = integral && exp.toBigInteger().testBit(0);
        BigDecimal absBase = base.abs();
        if (exp.signum() == 0) {
            int rscale = clampScale(Math.max(NumericType.MIN_SIG_DIGITS, dscale(base)));
            return BigDecimal.ONE.setScale(integral ? rscale : Math.max(rscale, dscale(exp)));
        }
        if (absBase.compareTo(BigDecimal.ONE) == 0) {
            int rscale = clampScale(Math.max(NumericType.MIN_SIG_DIGITS, dscale(base)));
            BigDecimal one = BigDecimal.ONE.setScale(integral ? rscale : Math.max(rscale, dscale(exp)));
            return s1 < 0 && odd ? one.negate() : one;
        }
        if (base.signum() == 0) {
            return BigDecimal.ZERO.setScale(integral ? clampScale(Math.max(NumericType.MIN_SIG_DIGITS,
                    dscale(base))) : NumericType.MIN_SIG_DIGITS);
        }
        // log10 of the result's magnitude decides overflow and underflow before any big arithmetic
        double mag = exp.doubleValue() * log10Abs(absBase);
        if (mag > NUMERIC_MAX_RESULT_DIGITS) {
            throw AdtErrors.outOfRange("value overflows numeric format");
        }
        if (integral && exp.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            int e = exp.intValueExact();
            int rscale = clampScale(Math.max(NumericType.MIN_SIG_DIGITS, dscale(base)));
            if (mag < -(rscale + 2)) {
                return BigDecimal.ZERO.setScale(rscale);
            }
            if (e >= 0) {
                return base.pow(e).setScale(rscale, RoundingMode.HALF_UP);
            }
            BigDecimal p = base.pow(-e);
            return BigDecimal.ONE.divide(p, rscale, RoundingMode.HALF_UP);
        }
        if (mag < -(NumericType.MAX_DISPLAY_SCALE + 2)) {
            return BigDecimal.ZERO.setScale(NumericType.MIN_SIG_DIGITS);
        }
        BigDecimal r = generalPower(absBase, exp);
        return s1 < 0 && odd ? r.negate() : r;
    }

    /** log10(|x|) for a nonzero finite numeric of any magnitude. */
    static double log10Abs(BigDecimal x) {
        String digits = x.unscaledValue().abs().toString();
        int lead = Math.min(digits.length(), 17);
        double mantissa = Double.parseDouble(digits.substring(0, lead)) / Math.pow(10, lead - 1);
        return Math.log10(mantissa) + (digits.length() - 1 - x.scale());
    }

    /** Decimal digits before the point a numeric may have (NUMERIC_WEIGHT_MAX + 1 base-10000 digits). */
    private static final int NUMERIC_MAX_RESULT_DIGITS = 131072;

    /** numeric_power's rules when either input is infinite (NaN already handled, errors already raised). */
    private static BigDecimal specialPower(BigDecimal base, BigDecimal exp, int s2) {
        if (!NumericType.isSpecial(base)) {
            int cmp = base.abs().compareTo(BigDecimal.ONE);
            if (cmp == 0) {
                return BigDecimal.ONE;
            }
            if (exp == NumericType.POSITIVE_INFINITY) {
                return cmp > 0 ? NumericType.POSITIVE_INFINITY : BigDecimal.ZERO;
            }
            return cmp > 0 ? BigDecimal.ZERO : NumericType.POSITIVE_INFINITY;
        }
        if (s2 == 0) {
            return BigDecimal.ONE;
        }
        if (base == NumericType.POSITIVE_INFINITY) {
            return s2 > 0 ? NumericType.POSITIVE_INFINITY : BigDecimal.ZERO;
        }
        if (s2 < 0) {
            return BigDecimal.ZERO;
        }
        boolean odd = !NumericType.isSpecial(exp) && exp.stripTrailingZeros().scale() <= 0
                && exp.toBigInteger().testBit(0);
        return odd ? NumericType.NEGATIVE_INFINITY : NumericType.POSITIVE_INFINITY;
    }

    /** power_var for a positive base and any finite exponent, through ln and exp. */
    private static BigDecimal generalPower(BigDecimal base, BigDecimal exp) {
        int lnw = 8 - estimateLnDweight(base);
        BigDecimal lnBase = BigMath.ln(base, Math.max(lnw, 20) + 10);
        double val = lnBase.multiply(exp).doubleValue() * 0.434294481903252;
        int rscale = clampScale(Math.max(Math.max(NumericType.MIN_SIG_DIGITS - (int) val, dscale(base)),
                dscale(exp)));
        BigDecimal lnFull = BigMath.ln(base, rscale + 20 + Math.max(0, (int) val));
        return BigMath.exp(lnFull.multiply(exp), rscale);
    }

    // ---- integer and float operators by C name -------------------------------------------------------------

    private static FunctionImpl arith(String name, String prosrc, List<Integer> args, int ret) {
        Matcher m = INT_OP.matcher(prosrc);
        if (m.matches() && args.size() == 2) {
            String op = m.group(3);
            String retName = IntTypes.sqlName(ret);
            return (c, ty, a) -> intOp(op, ((Number) a[0]).longValue(), ((Number) a[1]).longValue(), ret, retName);
        }
        m = FLOAT_OP.matcher(prosrc);
        if (m.matches() && args.size() == 2) {
            String op = m.group(3);
            boolean f4 = ret == TypeOids.FLOAT4;
            return (c, ty, a) -> floatOp(op, ((Number) a[0]).doubleValue(), ((Number) a[1]).doubleValue(), f4);
        }
        return null;
    }

    private static Object intOp(String op, long a, long b, int ret, String retName) {
        long r;
        switch (op) {
            case "pl" -> r = ret == TypeOids.INT8 ? IntTypes.int8Add(a, b) : a + b;
            case "mi" -> r = ret == TypeOids.INT8 ? IntTypes.int8Sub(a, b) : a - b;
            case "mul" -> r = ret == TypeOids.INT8 ? IntTypes.int8Mul(a, b) : a * b;
            case "div" -> {
                if (b == 0) {
                    throw AdtErrors.divisionByZero();
                }
                if (ret == TypeOids.INT8 && a == Long.MIN_VALUE && b == -1) {
                    throw AdtErrors.outOfRange("bigint out of range");
                }
                r = a / b;
            }
            default -> {
                if (b == 0) {
                    throw AdtErrors.divisionByZero();
                }
                r = b == -1 ? 0 : a % b;
            }
        }
        return switch (ret) {
            case TypeOids.INT2 -> IntTypes.int2(r);
            case TypeOids.INT4 -> IntTypes.int4(r);
            default -> r;
        };
    }

    private static Object floatOp(String op, double a, double b, boolean f4) {
        boolean inf = Double.isInfinite(a) || Double.isInfinite(b);
        double r = switch (op) {
            case "pl" -> a + b;
            case "mi" -> a - b;
            case "mul" -> a * b;
            default -> {
                if (b == 0.0 && !Double.isNaN(a)) {
                    throw AdtErrors.divisionByZero();
                }
                yield a / b;
            }
        };
        boolean zeroOk = switch (op) {
            case "mul" -> a == 0.0 || b == 0.0;
            case "div" -> a == 0.0 || Double.isInfinite(b);
            default -> true;
        };
        return f4 ? (Object) FloatTypes.check4(r, inf, zeroOk) : (Object) FloatTypes.check(r, inf, zeroOk);
    }
}
