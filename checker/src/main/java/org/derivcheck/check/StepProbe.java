package org.derivcheck.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hipparchus.random.RandomGenerator;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.Expr;
import org.derivcheck.diagnose.Probe;
import org.derivcheck.notation.Relation;

/** The numeric probes a diagnosis asks for, at fresh points of the step's sampler and on fresh finite instances. */
final class StepProbe implements Probe {
    private final StepContext ctx;

    StepProbe(StepContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public List<Ratio> ratios(Expr lhs, Expr rhs) {
        List<Ratio> out = new ArrayList<>();
        CompiledSides f;
        try {
            f = CompiledSides.of(lhs, rhs);
        } catch (CasException e) {
            return out;
        }
        if (f.random()) {
            return out;
        }
        RandomGenerator rng = ctx.rng(9191L);
        for (int i = 0; i < 80 && out.size() < 16; i++) {
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                break;
            }
            double l = f.lhs().eval(p.values(), p.data(), rng);
            double r = f.rhs().eval(p.values(), p.data(), rng);
            double q = l / r;
            if (Double.isFinite(q) && q != 0) {
                out.add(new Ratio(p.values(), q));
            }
        }
        return out;
    }

    @Override
    public List<String> scalarNames() {
        List<String> names = new ArrayList<>();
        for (var s : ctx.sampler.scalars()) {
            names.add(s.name());
        }
        return names;
    }

    @Override
    public long remainingMillis() {
        try {
            return ctx.remainingMillis();
        } catch (CasException e) {
            return 1;
        }
    }

    @Override
    public boolean timeLeft() {
        return ctx.timeLeft();
    }

    /** A quick numeric agreement test for diagnoses: 40 points, same tolerances as the random-point checker. */
    @Override
    public boolean holds(Expr lhs, Expr candidate) {
        if (lhs.isAbstract() || candidate.isAbstract()) {
            return agreesOnInstances(lhs, candidate);
        }
        try {
            Expr c = ctx.cas.reduce(candidate, Math.min(3_000, ctx.remainingMillis()));
            if (!Arrays.equals(lhs.shape(), c.shape()) || !lhs.isScalar()) {
                return false;
            }
            CompiledSides f = CompiledSides.of(lhs, c);
            if (f.random()) {
                return false;
            }
            RandomGenerator rng = ctx.rng(424242L);
            int valid = 0;
            List<PointSampler.Point> recheck = new ArrayList<>();
            List<Double> scales = new ArrayList<>();
            for (int i = 0; i < 60 && valid < 40; i++) {
                PointSampler.Point p = ctx.sampler.next(rng);
                if (p == null) {
                    return false;
                }
                double lv = f.lhs().eval(p.values(), p.data(), rng);
                double rv = f.rhs().eval(p.values(), p.data(), rng);
                if (!Double.isFinite(lv) || !Double.isFinite(rv)) {
                    continue;
                }
                valid++;
                double scale = f.scale(p, lv, rv, rng);
                if (Math.abs(lv - rv) > RandomPointChecker.AGREE * 100 * scale + 1e-300) {
                    return false;
                }
                if (recheck.size() < 2) {
                    recheck.add(p);
                    scales.add(scale);
                }
            }
            if (valid < 20) {
                return false;
            }
            // a repair is named only if it holds beyond double precision too
            Optional<PreciseCheck> precise = PreciseCheck.of(lhs, c, Relation.EQUAL);
            for (int i = 0; i < recheck.size() && precise.isPresent(); i++) {
                if (precise.get().at(recheck.get(i), scales.get(i)).state() == PreciseCheck.State.FAILS) {
                    return false;
                }
            }
            return true;
        } catch (CasException e) {
            return false;
        }
    }

    /** Agreement on 40 finite instances, for diagnoses of abstract claims. */
    private boolean agreesOnInstances(Expr lhs, Expr candidate) {
        if (!lhs.isScalar() || !candidate.isScalar()) {
            return false;
        }
        try {
            org.derivcheck.cas.NumericFunction l = Cas.compile(lhs);
            org.derivcheck.cas.NumericFunction r = Cas.compile(candidate);
            double tol = l.approximate() || r.approximate() ? 1e-6 : 1e-9;
            RandomGenerator rng = ctx.rng(5151L);
            int valid = 0;
            for (int i = 0; i < 60 && valid < 40; i++) {
                org.derivcheck.cas.NumericFunction.FiniteModel m = ctx.instances.make(i, rng);
                PointSampler.Point p = ctx.sampler.next(rng);
                if (p == null) {
                    return false;
                }
                ctx.instances.observe(ctx.sampler, p, m, rng);
                double lv = l.eval(p.values(), p.data(), rng, m);
                double rv = r.eval(p.values(), p.data(), rng, m);
                if (!Double.isFinite(lv) || !Double.isFinite(rv)) {
                    continue;
                }
                valid++;
                if (Math.abs(lv - rv) > tol * Math.max(1, Math.max(Math.abs(lv), Math.abs(rv)))) {
                    return false;
                }
            }
            return valid >= 20;
        } catch (CasException e) {
            return false;
        }
    }

}
