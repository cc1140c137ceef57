package org.derivcheck.check;

import java.util.ArrayList;
import java.util.List;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.Expr;
import org.derivcheck.cas.NumericFunction;
import org.hipparchus.random.RandomGenerator;

/** Compiled sides with their top-level terms, for the scale of rounding errors. */
record CompiledSides(NumericFunction lhs, NumericFunction rhs, List<NumericFunction> terms) {
    static CompiledSides of(Expr l, Expr r) {
        List<NumericFunction> terms = new ArrayList<>();
        for (Expr side : List.of(l, r)) {
            List<Expr> ts = side.terms();
            if (ts.size() > 1 && ts.size() <= 40) {
                for (Expr t : ts) {
                    terms.add(Cas.compile(t));
                }
            }
        }
        return new CompiledSides(Cas.compile(l), Cas.compile(r), terms);
    }

    boolean random() {
        return lhs.random() || rhs.random();
    }

    double scale(PointSampler.Point p, double lv, double rv, RandomGenerator rng) {
        double s = Math.max(Math.abs(lv), Math.abs(rv));
        for (NumericFunction t : terms) {
            double v = Math.abs(t.eval(p.values(), p.data(), rng));
            if (Double.isFinite(v)) {
                s = Math.max(s, v);
            }
        }
        return s;
    }
}
