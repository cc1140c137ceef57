package org.derivcheck.integrate;

import java.util.function.DoubleUnaryOperator;

/** E[body(x)] under a one-dimensional law, deterministically: a series for a discrete law, double-exponential quadrature otherwise. */
public final class Expectations {
    private Expectations() {
    }

    public static DoubleExponential.Result of(Laws.Law law, DoubleUnaryOperator body, double relTol) {
        return of(law, body, relTol, new double[0]);
    }

    /** The same, the quadrature split also at the cuts (points where the body has a kink or a jump). */
    public static DoubleExponential.Result of(Laws.Law law, DoubleUnaryOperator body, double relTol, double[] cuts) {
        if (law.discrete()) {
            return Series.sum(law, body, relTol);
        }
        return DoubleExponential.integrate((x, dLo, dHi) -> {
            double w = law.pdf().at(x, dLo, dHi);
            return w == 0 ? 0 : w * body.applyAsDouble(x);
        }, law.lo(), law.hi(), law.center(), law.scale(), relTol, cuts);
    }
}
