package dev.tusk.utils.adt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** exp/ln/power over BigDecimal with guard digits, for numeric.c's exp_var/ln_var/power_var. */
final class BigMath {
    private BigMath() {
    }

    static BigDecimal exp(BigDecimal x, int scale) {
        // digits of the result before the point, plus guard digits for the k squarings below (each doubles
        // the relative error)
        double ax = Math.abs(x.doubleValue());
        int resultDigits = x.signum() > 0 ? (int) Math.ceil(ax * 0.4342944819032518) : 0;
        int squarings = ax > 0.01 ? (int) Math.ceil(Math.log(ax / 0.01) / Math.log(2)) : 0;
        int prec = Math.max(20, scale + resultDigits + Math.max(0, x.precision() - x.scale()) + 20
                + squarings / 3);
        MathContext mc = new MathContext(prec + 10, RoundingMode.HALF_EVEN);
        // reduce: x / 2^k with |x/2^k| < 0.01
        int k = 0;
        BigDecimal r = x;
        while (r.abs().compareTo(new BigDecimal("0.01")) > 0) {
            r = r.divide(BigDecimal.valueOf(2), mc);
            k++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(prec + 5);
        for (int n = 1; n < 10_000; n++) {
            term = term.multiply(r, mc).divide(BigDecimal.valueOf(n), mc);
            sum = sum.add(term, mc);
            if (term.abs().compareTo(eps) < 0) {
                break;
            }
        }
        for (int i = 0; i < k; i++) {
            sum = sum.multiply(sum, mc);
        }
        return sum.setScale(scale, RoundingMode.HALF_UP);
    }

    /** Natural log of a positive x. */
    static BigDecimal ln(BigDecimal x, int scale) {
        int prec = scale + Math.max(0, x.precision() - x.scale()) + 25;
        MathContext mc = new MathContext(prec, RoundingMode.HALF_EVEN);
        // x = m * 10^e with m in [0.1, 1): ln x = ln m + e ln 10
        int e = x.precision() - x.scale();
        BigDecimal m = x.movePointLeft(e);
        BigDecimal lnm = lnNear1(m, mc);
        BigDecimal ln10 = lnNear1(new BigDecimal("0.1"), mc).negate();
        return lnm.add(ln10.multiply(BigDecimal.valueOf(e), mc), mc).setScale(scale, RoundingMode.HALF_UP);
    }

    /** ln(m) for m in (0, 10) via repeated square roots then the atanh series. */
    private static BigDecimal lnNear1(BigDecimal m, MathContext mc) {
        int k = 0;
        BigDecimal y = m;
        BigDecimal lo = new BigDecimal("0.99");
        BigDecimal hi = new BigDecimal("1.01");
        while (y.compareTo(lo) < 0 || y.compareTo(hi) > 0) {
            y = y.sqrt(mc);
            k++;
        }
        // ln y = 2 atanh((y-1)/(y+1))
        BigDecimal z = y.subtract(BigDecimal.ONE).divide(y.add(BigDecimal.ONE), mc);
        BigDecimal z2 = z.multiply(z, mc);
        BigDecimal term = z;
        BigDecimal sum = z;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
        for (int n = 3; n < 100_000; n += 2) {
            term = term.multiply(z2, mc);
            BigDecimal t = term.divide(BigDecimal.valueOf(n), mc);
            sum = sum.add(t, mc);
            if (t.abs().compareTo(eps) < 0) {
                break;
            }
        }
        return sum.multiply(BigDecimal.valueOf(2).pow(k + 1), mc);
    }
}
