package org.derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.function.DoubleSupplier;

/**
 * The Monte Carlo side of the tests of the moment tables (MomentsTest, MomentsMoreTest, MomentsVectorTest,
 * VectorFallbackTest): the mean of n independent draws and its standard error. A closed form agrees when it lies
 * within 5 standard errors of the mean (two-sided p = 6e-7 per entry for a normal mean).
 */
record MonteCarloMean(double mean, double se) {
    static MonteCarloMean of(int n, DoubleSupplier draw) {
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double v = draw.getAsDouble();
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / n;
        return new MonteCarloMean(mean, Math.sqrt(Math.max(0, sumSq / n - mean * mean) / n));
    }

    /** Whether {@code exact} is within 5 standard errors of the mean, plus {@code slack} (a rounding allowance). */
    boolean agrees(double exact, double slack) {
        return Math.abs(mean - exact) <= 5 * se + slack;
    }

    @Override
    public String toString() {
        return mean + " +- " + se;
    }

    /** The table's closed form of an expectation without free symbols; it must have one (no expectation left). */
    static Expr closedForm(Cas cas, String expectation, long millis) {
        Expr closed = cas.reduce(Cas.parse(expectation, Scope.empty()), millis);
        assertFalse(closed.hasExpectation(), () -> "the table has no closed form for " + expectation + ": " + closed);
        return closed;
    }

    /** The value of an expression without free symbols. */
    static double value(Expr closed) {
        return Cas.compile(closed).eval(new double[0], new double[0][], null);
    }
}
