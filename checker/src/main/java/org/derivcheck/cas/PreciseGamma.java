package org.derivcheck.cas;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Aprational;

/**
 * log-gamma, gamma and the polygamma functions in apfloat arithmetic by the recurrences and Stirling's
 * asymptotic series: the argument is shifted up to x >= 0.4 p + 10 (p digits), where the series' terms
 * fall below 10^-p well before they start to grow (the error of the truncated series is below its first
 * omitted term). Apfloat's own digamma and zeta take seconds at 50 digits; these take milliseconds.
 */
final class PreciseGamma {
    /** B_0, B_1, ... as exact fractions {numerator, denominator}, extended on demand (B_m by the usual recurrence). */
    private static final java.util.List<java.math.BigInteger[]> BERNOULLI = new java.util.ArrayList<>();

    private PreciseGamma() {
    }

    private static synchronized Aprational bernoulli(int n) {
        while (BERNOULLI.size() <= n) {
            int m = BERNOULLI.size();
            if (m == 0) {
                BERNOULLI.add(new java.math.BigInteger[] {java.math.BigInteger.ONE, java.math.BigInteger.ONE});
                continue;
            }
            // B_m = -1/(m+1) sum_{k<m} C(m+1, k) B_k
            java.math.BigInteger num = java.math.BigInteger.ZERO;
            java.math.BigInteger den = java.math.BigInteger.ONE;
            java.math.BigInteger c = java.math.BigInteger.ONE; // C(m+1, k)
            for (int k = 0; k < m; k++) {
                java.math.BigInteger[] b = BERNOULLI.get(k);
                num = num.multiply(b[1]).add(c.multiply(b[0]).multiply(den));
                den = den.multiply(b[1]);
                java.math.BigInteger g = num.gcd(den);
                if (g.signum() != 0) {
                    num = num.divide(g);
                    den = den.divide(g);
                }
                c = c.multiply(java.math.BigInteger.valueOf(m + 1 - k)).divide(java.math.BigInteger.valueOf(k + 1));
            }
            num = num.negate();
            den = den.multiply(java.math.BigInteger.valueOf(m + 1));
            java.math.BigInteger g = num.gcd(den);
            if (g.signum() != 0 && !g.equals(java.math.BigInteger.ONE)) {
                num = num.divide(g);
                den = den.divide(g);
            }
            BERNOULLI.add(new java.math.BigInteger[] {num, den});
        }
        java.math.BigInteger[] b = BERNOULLI.get(n);
        return new Aprational(new org.apfloat.Apint(b[0]), new org.apfloat.Apint(b[1]));
    }

    private static long shiftTarget(long p) {
        return (long) Math.ceil(0.4 * p) + 10;
    }

    private static Apfloat num(long v, long p) {
        return new Apfloat(v, p);
    }

    /** log Gamma(x) for x > 0 (null otherwise). */
    static Apfloat logGamma(Apfloat x) {
        if (x.signum() <= 0) {
            return null;
        }
        long p = x.precision();
        Apfloat y = x;
        Apfloat prod = num(1, p);
        long target = shiftTarget(p);
        while (y.compareTo(num(target, p)) < 0) {
            prod = prod.multiply(y);
            y = y.add(num(1, p));
        }
        Apfloat half = num(1, p).divide(num(2, p));
        Apfloat s = y.subtract(half).multiply(PreciseElementary.log(y)).subtract(y).add(halfLog2Pi(p));
        Apfloat y2 = y.multiply(y);
        Apfloat pow = y; // y^(2k-1)
        Apfloat eps = ApfloatMath.scale(num(1, p), -p - 2);
        for (int k = 1; k < 4 * p; k++) {
            Apfloat b = bernoulli2k(k, p);
            Apfloat t = b.divide(num((2L * k) * (2L * k - 1), p).multiply(pow));
            s = s.add(t);
            if (ApfloatMath.abs(t).compareTo(eps) < 0) {
                break;
            }
            pow = pow.multiply(y2);
        }
        return prod.equals(num(1, p)) ? s : s.subtract(PreciseElementary.log(prod));
    }

    /** Gamma(x): exp(log Gamma) for x > 0, the reflection formula for negative non-integers, null at the poles. */
    static Apfloat gamma(Apfloat x) {
        long p = x.precision();
        if (x.signum() > 0) {
            return PreciseElementary.exp(logGamma(x));
        }
        if (PreciseFunction.isInteger(x)) {
            return null;
        }
        Apfloat one = num(1, p);
        Apfloat pi = ApfloatMath.pi(p);
        return pi.divide(ApfloatMath.sin(pi.multiply(x)).multiply(gamma(one.subtract(x))));
    }

    /** psi^(n)(x) for x > 0 and n >= 0 (null otherwise). */
    static Apfloat polygamma(int n, Apfloat x) {
        if (x.signum() <= 0) {
            return null;
        }
        long p = x.precision();
        Apfloat one = num(1, p);
        Apfloat y = x;
        Apfloat shift = num(0, p); // sum over k of 1/(x + k)^(n+1)
        long target = shiftTarget(p);
        while (y.compareTo(num(target, p)) < 0) {
            shift = shift.add(one.divide(ApfloatMath.pow(y, n + 1)));
            y = y.add(one);
        }
        Apfloat eps = ApfloatMath.scale(num(1, p), -p - 2);
        Apfloat y2 = y.multiply(y);
        Apfloat s;
        if (n == 0) {
            // psi(y) ~ log y - 1/(2y) - sum B_2k / (2k y^2k)
            s = PreciseElementary.log(y).subtract(one.divide(y.multiply(num(2, p))));
            Apfloat pow = y2;
            for (int k = 1; k < 4 * p; k++) {
                Apfloat t = bernoulli2k(k, p).divide(num(2L * k, p).multiply(pow));
                s = s.subtract(t);
                if (ApfloatMath.abs(t).compareTo(eps) < 0) {
                    break;
                }
                pow = pow.multiply(y2);
            }
            return s.subtract(shift);
        }
        // psi^(n)(y) ~ (-1)^(n+1) [(n-1)!/y^n + n!/(2 y^(n+1)) + sum B_2k (2k+n-1)!/((2k)! y^(2k+n))]
        Apfloat fnm1 = factorial(n - 1, p);
        Apfloat fn = fnm1.multiply(num(n, p));
        Apfloat yn = ApfloatMath.pow(y, n);
        s = fnm1.divide(yn).add(fn.divide(num(2, p).multiply(yn).multiply(y)));
        Apfloat pow = yn.multiply(y2); // y^(2k+n)
        Apfloat coef = fnm1; // (2k+n-1)!/(2k)!, starting from k = 0: (n-1)!
        for (int k = 1; k < 4 * p; k++) {
            coef = coef.multiply(num((2L * k + n - 2) * (2L * k + n - 1), p)).divide(num((2L * k - 1) * (2L * k), p));
            Apfloat t = bernoulli2k(k, p).multiply(coef).divide(pow);
            s = s.add(t);
            if (ApfloatMath.abs(t).compareTo(eps.multiply(ApfloatMath.abs(s))) < 0) {
                break;
            }
            pow = pow.multiply(y2);
        }
        if (n % 2 == 0) {
            s = s.negate();
        }
        // psi^(n)(x) = psi^(n)(x + m) - (-1)^n n! sum_k 1/(x + k)^(n+1)
        Apfloat corr = fn.multiply(shift);
        return n % 2 == 0 ? s.subtract(corr) : s.add(corr);
    }

    private static Apfloat factorial(int n, long p) {
        Apfloat r = num(1, p);
        for (int i = 2; i <= n; i++) {
            r = r.multiply(num(i, p));
        }
        return r;
    }

    private static Apfloat ratio(Aprational q, long p) {
        return new Apfloat(q.numerator().toBigInteger(), p).divide(new Apfloat(q.denominator().toBigInteger(), p));
    }

    /** B_2k at precision p, computed once per (k, p): the Stirling series asks for the same ones at every point. */
    private static final java.util.concurrent.ConcurrentHashMap<Long, java.util.List<Apfloat>> BERNOULLI_AT =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Apfloat bernoulli2k(int k, long p) {
        java.util.List<Apfloat> list = BERNOULLI_AT.computeIfAbsent(p, x -> new java.util.concurrent.CopyOnWriteArrayList<>());
        synchronized (list) {
            while (list.size() <= k) {
                list.add(ratio(bernoulli(2 * list.size()), p));
            }
            return list.get(k);
        }
    }

    /** log(2 pi)/2 at precision p, once per precision. */
    private static final java.util.concurrent.ConcurrentHashMap<Long, Apfloat> HALF_LOG_2PI =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Apfloat halfLog2Pi(long p) {
        return HALF_LOG_2PI.computeIfAbsent(p, x -> PreciseElementary.log(ApfloatMath.pi(x).multiply(num(2, x))).divide(num(2, x)));
    }
}
