package dev.tusk.utils.adt;

import dev.tusk.utils.fmgr.AggregateDef;
import dev.tusk.utils.fmgr.ImplTable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The statistical aggregates: variance/var_samp/var_pop/stddev/stddev_samp/stddev_pop (numeric result, computed
 * exactly as numeric_stddev_internal does, for integer and numeric input; float8 result through the
 * Youngs-Cramer sums of float8_accum for float input) and the two-argument float8 aggregates regr_*,
 * covar_pop/covar_samp and corr (float8_regr_accum and its final functions).
 */
final class StatisticAggregates {
    private StatisticAggregates() {
    }

    /** Exact sums for integer and numeric input. */
    static final class NumericSums {
        long n;
        BigDecimal sumX = BigDecimal.ZERO;
        BigDecimal sumX2 = BigDecimal.ZERO;
        boolean nan;
    }

    /** float8_accum / float8_regr_accum state: N, Sx, Sxx, Sy, Syy, Sxy. */
    static final class FloatSums {
        double n;
        double sx;
        double sxx;
        double sy;
        double syy;
        double sxy;
    }

    static void register(ImplTable t) {
        String[] exactTypes = {"20", "21", "23", "1700"};
        for (String ty : exactTypes) {
            t.agg("var_pop(" + ty + ")", exact(false, true)).agg("var_samp(" + ty + ")", exact(true, true))
                    .agg("variance(" + ty + ")", exact(true, true))
                    .agg("stddev_pop(" + ty + ")", exact(false, false))
                    .agg("stddev_samp(" + ty + ")", exact(true, false))
                    .agg("stddev(" + ty + ")", exact(true, false));
        }
        for (String ty : new String[] {"700", "701"}) {
            t.agg("var_pop(" + ty + ")", floatVar(false, true)).agg("var_samp(" + ty + ")", floatVar(true, true))
                    .agg("variance(" + ty + ")", floatVar(true, true))
                    .agg("stddev_pop(" + ty + ")", floatVar(false, false))
                    .agg("stddev_samp(" + ty + ")", floatVar(true, false))
                    .agg("stddev(" + ty + ")", floatVar(true, false));
        }
        t.agg("regr_count(701 701)", regr(s -> (long) s.n))
                .agg("regr_sxx(701 701)", regr(s -> s.n < 1 ? null : s.sxx))
                .agg("regr_syy(701 701)", regr(s -> s.n < 1 ? null : s.syy))
                .agg("regr_sxy(701 701)", regr(s -> s.n < 1 ? null : s.sxy))
                .agg("regr_avgx(701 701)", regr(s -> s.n < 1 ? null : s.sx / s.n))
                .agg("regr_avgy(701 701)", regr(s -> s.n < 1 ? null : s.sy / s.n))
                .agg("covar_pop(701 701)", regr(s -> s.n < 1 ? null : s.sxy / s.n))
                .agg("covar_samp(701 701)", regr(s -> s.n < 2 ? null : s.sxy / (s.n - 1.0)))
                .agg("corr(701 701)", regr(s -> s.n < 1 || s.sxx == 0 || s.syy == 0 ? null
                        : s.sxy / Math.sqrt(s.sxx * s.syy)))
                .agg("regr_r2(701 701)", regr(s -> s.n < 1 || s.sxx == 0 ? null
                        : s.syy == 0 ? 1.0 : s.sxy * s.sxy / (s.sxx * s.syy)))
                .agg("regr_slope(701 701)", regr(s -> s.n < 1 || s.sxx == 0 ? null : s.sxy / s.sxx))
                .agg("regr_intercept(701 701)", regr(s -> s.n < 1 || s.sxx == 0 ? null
                        : (s.sy - s.sx * s.sxy / s.sxx) / s.n));
    }

    private static AggregateDef exact(boolean sample, boolean variance) {
        return new AggregateDef(TypeOids.INTERNAL, true, (c, types) -> new NumericSums(), (c, st, a) -> {
            NumericSums s = (NumericSums) st;
            BigDecimal v = NumericType.toNumeric(a[0]);
            s.n++;
            if (NumericType.isSpecial(v)) {
                s.nan = true;
            } else if (!s.nan) {
                s.sumX = s.sumX.add(v);
                s.sumX2 = s.sumX2.add(v.multiply(v));
            }
            return s;
        }, (c, st) -> stddevInternal((NumericSums) st, sample, variance));
    }

    /** numeric_stddev_internal. */
    static BigDecimal stddevInternal(NumericSums s, boolean sample, boolean variance) {
        if (s.n == 0 || sample && s.n <= 1) {
            return null;
        }
        if (s.nan) {
            return NumericType.NaN;
        }
        BigDecimal n = BigDecimal.valueOf(s.n);
        BigDecimal numerator = n.multiply(s.sumX2).subtract(s.sumX.multiply(s.sumX));
        if (numerator.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal denominator = sample ? n.multiply(BigDecimal.valueOf(s.n - 1)) : n.multiply(n);
        int rscale = NumericType.selectDivScale(numerator, denominator);
        BigDecimal var = numerator.divide(denominator, rscale, RoundingMode.HALF_UP);
        if (variance) {
            return var;
        }
        return var.sqrt(new MathContext(var.precision() + rscale + 10)).setScale(rscale, RoundingMode.HALF_UP);
    }

    private static AggregateDef floatVar(boolean sample, boolean variance) {
        return new AggregateDef(TypeOids.INTERNAL, true, (c, types) -> new FloatSums(), (c, st, a) -> {
            FloatSums s = (FloatSums) st;
            double x = ((Number) a[0]).doubleValue();
            double oldN = s.n;
            s.n += 1.0;
            s.sx += x;
            if (oldN > 0.0) {
                double tmp = x * s.n - s.sx;
                s.sxx += tmp * tmp / (s.n * oldN);
                if (Double.isInfinite(s.sx) || Double.isInfinite(s.sxx)) {
                    s.sxx = Double.NaN;
                }
            } else if (Double.isNaN(x) || Double.isInfinite(x)) {
                s.sxx = Double.NaN;
            }
            return s;
        }, (c, st) -> {
            FloatSums s = (FloatSums) st;
            if (s.n == 0 || sample && s.n <= 1) {
                return null;
            }
            double var = s.sxx / (sample ? s.n - 1.0 : s.n);
            return variance ? var : Math.sqrt(var);
        });
    }

    private static AggregateDef regr(java.util.function.Function<FloatSums, Object> fin) {
        return new AggregateDef(TypeOids.INTERNAL, true, (c, types) -> new FloatSums(), (c, st, a) -> {
            FloatSums s = (FloatSums) st;
            double y = ((Number) a[0]).doubleValue();
            double x = ((Number) a[1]).doubleValue();
            double oldN = s.n;
            s.n += 1.0;
            s.sx += x;
            s.sy += y;
            if (oldN > 0.0) {
                double tmpX = x * s.n - s.sx;
                double tmpY = y * s.n - s.sy;
                double scale = 1.0 / (s.n * oldN);
                s.sxx += tmpX * tmpX * scale;
                s.syy += tmpY * tmpY * scale;
                s.sxy += tmpX * tmpY * scale;
                if (Double.isInfinite(s.sx) || Double.isInfinite(s.sxx)) {
                    s.sxx = Double.NaN;
                    s.sxy = Double.NaN;
                }
                if (Double.isInfinite(s.sy) || Double.isInfinite(s.syy)) {
                    s.syy = Double.NaN;
                    s.sxy = Double.NaN;
                }
            } else {
                if (Double.isNaN(x) || Double.isInfinite(x)) {
                    s.sxx = Double.NaN;
                    s.sxy = Double.NaN;
                }
                if (Double.isNaN(y) || Double.isInfinite(y)) {
                    s.syy = Double.NaN;
                    s.sxy = Double.NaN;
                }
            }
            return s;
        }, (c, st) -> fin.apply((FloatSums) st));
    }
}
