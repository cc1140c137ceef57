package org.derivcheck.integrate;

import java.util.function.DoubleUnaryOperator;

/**
 * Expectations under discrete laws: an exact finite sum over a finite support, or a series summed until
 * a tail bound holds. The bound: once past the mode, when the terms' ratio has stayed below r &lt; 1 for
 * the last 20 terms, the rest is at most |t_k| r / (1 - r) (a geometric majorant, assuming the ratio stays
 * below r, which holds for polynomial and logarithmic bodies under Poisson and Geometric tails).
 */
public final class Series {
    private static final int MAX_TERMS = 2_000_000;

    private Series() {
    }

    public static DoubleExponential.Result sum(Laws.Law law, DoubleUnaryOperator body, double relTol) {
        double sum = 0;
        double abs = 0;
        int evals = 0;
        double prevAbs = Double.NaN;
        int belowRatio = 0;
        double worstRatio = 0;
        long hi = Double.isInfinite(law.hi()) ? Long.MAX_VALUE : (long) law.hi();
        for (long k = (long) law.lo(); k <= hi; k++) {
            if (evals >= MAX_TERMS) {
                return new DoubleExponential.Result(sum, Double.POSITIVE_INFINITY, abs, false, false, evals);
            }
            double w = law.pdf().at(k, k - law.lo(), law.hi() - k);
            double term = w == 0 ? 0 : w * body.applyAsDouble(k);
            evals++;
            if (!Double.isFinite(term)) {
                return new DoubleExponential.Result(Double.NaN, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, false,
                        false, evals);
            }
            sum += term;
            abs += Math.abs(term);
            if (hi != Long.MAX_VALUE) {
                continue;
            }
            double a = Math.abs(term);
            if (k > law.center() + 10 * law.scale() + 10 && !Double.isNaN(prevAbs)) {
                double ratio = prevAbs == 0 ? (a == 0 ? 0 : Double.POSITIVE_INFINITY) : a / prevAbs;
                if (ratio < 1) {
                    belowRatio++;
                    worstRatio = Math.max(worstRatio, ratio);
                } else {
                    belowRatio = 0;
                    worstRatio = 0;
                }
                if (belowRatio >= 20) {
                    double r = Math.max(worstRatio, 1e-300);
                    double tail = a * r / (1 - r);
                    if (tail <= relTol * abs * 1e-2 || a == 0 && belowRatio >= 50) {
                        return new DoubleExponential.Result(sum, tail + Math.ulp(abs) * evals, abs, true, true, evals);
                    }
                }
            }
            prevAbs = a;
        }
        return new DoubleExponential.Result(sum, Math.ulp(abs) * evals, abs, true, true, evals);
    }
}
