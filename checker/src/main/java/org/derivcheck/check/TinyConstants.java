package org.derivcheck.check;

import java.util.Locale;

/**
 * The precision a claim's own constants call for: sides that agree to 40 digits say nothing about a term of
 * 10^-100 or e^-1000 that the claim names ({@code Log(a*(1 + 10^(-100))) = Log(a)}, {@code Sin(x)^2 + Cos(x)^2 +
 * Exp(-1000) = 1}). Agreement is re-checked with the digits of the claim's smallest constant and 40 more; where
 * that is beyond what is carried (Exp(-10^5) has 43430 digits below 1), agreement at points is no confirmation.
 */
final class TinyConstants {
    /** Digits carried beyond those of the smallest constant. */
    static final int EXTRA = 40;
    /** Constants with fewer digits below 1 than this are resolved at the ordinary precision. */
    static final int ORDINARY = 20;
    /** The most digits a re-check of agreeing points carries. */
    static final int MAX_POINT_DIGITS = 1_000;

    private TinyConstants() {
    }

    /** The digits below 1 of the claim's smallest constant (0 when none is below 1). */
    static double digits(Claim c) {
        return ClaimScales.smallestConstantDigits(c.lhs(), c.rhs());
    }

    /** Digits for re-checking agreeing points: 0 for the ordinary precision, -1 when more than the most carried. */
    static int pointDigits(Claim c) {
        double t = digits(c);
        if (t < ORDINARY) {
            return 0;
        }
        double d = Math.ceil(t) + EXTRA;
        return d > MAX_POINT_DIGITS ? -1 : (int) d;
    }

    /** Why agreement cannot confirm a claim whose constants are below every precision carried. */
    static String beyond(Claim c, int carried) {
        return String.format(Locale.ROOT, "the claim names a constant of about 10^-%.0f, below the %d digits that the "
                + "sides can be compared to: agreement to that precision does not show that they are equal", digits(c),
                carried);
    }

    /** The claim at a point with {@code digits} digits; a difference must hold at twice as many, and be the same. */
    static PreciseCheck.At at(PreciseCheck pc, PointSampler.Point p, int digits, double scale) {
        PreciseCheck.At first = pc.at(p, digits, scale);
        if (first.state() != PreciseCheck.State.FAILS) {
            return first;
        }
        PreciseCheck.At second = pc.at(p, 2 * digits, scale);
        return second.state() == PreciseCheck.State.FAILS ? second
                : new PreciseCheck.At(PreciseCheck.State.CLOSE, second.lhs(), second.rhs(), second.how());
    }
}
