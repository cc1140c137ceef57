package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.derivcheck.math.Range;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The distribution families derivcheck knows: their names, parameters (in the order written), the
 * domain of every parameter and the support of every variable. The parameter conventions are those of
 * derivations/README.md.
 */
final class Families {
    static {
        SymjaRuntime.engine(); // configure Symja before F loads
    }

    /** A requirement on one parameter: {@code expr > 0} (strict), {@code >= 0}, or a whole number >= 0. */
    record Req(IExpr expr, boolean strict, boolean integer, String what) {
    }

    interface Reqs {
        List<Req> of(IAST params);
    }

    /** One family: head, names it is written with, parameter names, variables, support of each variable. */
    record Family(ISymbol head, String name, List<String> aliases, List<String> params, int nvars, List<Range> support,
            boolean discrete, Reqs reqs) {
        String usage() {
            return name + "(" + String.join(", ", params) + ")";
        }
    }

    static final ISymbol BETA = F.Dummy("BetaDist");
    static final ISymbol POISSON = F.Dummy("Poisson");
    static final ISymbol BINOMIAL = F.Dummy("BinomialDist");
    static final ISymbol GEOMETRIC = F.Dummy("Geometric");
    static final ISymbol LOGNORMAL = F.Dummy("LogNormal");
    static final ISymbol INVERSE_GAMMA = F.Dummy("InverseGamma");
    static final ISymbol STUDENT_T = F.Dummy("StudentT");
    static final ISymbol LAPLACE = F.Dummy("Laplace");
    static final ISymbol CATEGORICAL = F.Dummy("Categorical");
    static final ISymbol DIRICHLET = F.Dummy("Dirichlet");
    static final ISymbol ONE_HOT = F.Dummy("OneHotCategorical");
    static final ISymbol MULTINOMIAL = F.Dummy("Multinomial");
    static final ISymbol MV_NORMAL = F.Dummy("MvNormal");
    static final ISymbol WISHART = F.Dummy("Wishart");

    private static final Map<String, Family> BY_NAME = new LinkedHashMap<>();
    private static final Map<ISymbol, Family> BY_HEAD = new java.util.IdentityHashMap<>();

    private static Req pos(IExpr e, String what) {
        return new Req(e, true, false, what);
    }

    private static Req nonneg(IExpr e, String what) {
        return new Req(e, false, false, what);
    }

    private static void add(ISymbol head, String name, List<String> aliases, List<String> params, int nvars,
            List<Range> support, boolean discrete, Reqs reqs) {
        Family f = new Family(head, name, aliases, params, nvars, support, discrete, reqs);
        BY_HEAD.put(head, f);
        BY_NAME.put(name, f);
        for (String a : aliases) {
            BY_NAME.put(a, f);
        }
    }

    static {
        List<Range> real = List.of(Range.ALL);
        List<Range> positive = List.of(Range.POSITIVE);
        List<Range> counts = List.of(Range.NONNEGATIVE);
        add(Ops.NORMAL, "Normal", List.of("Gaussian", "N"), List.of("mean", "variance"), 1, real, false,
                p -> List.of(pos(p.arg2(), "the variance of Normal(mean, variance)")));
        add(Ops.GAMMA, "Gamma", List.of(), List.of("shape", "rate"), 1, positive, false,
                p -> List.of(pos(p.arg1(), "the shape of Gamma(shape, rate)"), pos(p.arg2(), "the rate of Gamma(shape, rate)")));
        add(Ops.NORMAL_GAMMA, "NormalGamma", List.of(), List.of("m", "lambda", "a", "b"), 2, List.of(Range.ALL, Range.POSITIVE),
                false, p -> List.of(pos(p.arg2(), "lambda of NormalGamma(m, lambda, a, b)"),
                        pos(p.arg3(), "a of NormalGamma(m, lambda, a, b)"), pos(p.getAt(4), "b of NormalGamma(m, lambda, a, b)")));
        add(Ops.EXPONENTIAL, "Exponential", List.of(), List.of("rate"), 1, positive, false,
                p -> List.of(pos(p.arg1(), "the rate of Exponential(rate)")));
        add(Ops.BERNOULLI, "Bernoulli", List.of(), List.of("p"), 1, List.of(Range.UNIT), true,
                p -> List.of(nonneg(p.arg1(), "p of Bernoulli(p)"), nonneg(F.Subtract(F.C1, p.arg1()), "1 - p of Bernoulli(p)")));
        add(Ops.UNIFORM, "Uniform", List.of(), List.of("lo", "hi"), 1, real, false,
                p -> List.of(pos(F.Subtract(p.arg2(), p.arg1()), "hi - lo of Uniform(lo, hi)")));
        add(BETA, "Beta", List.of(), List.of("a", "b"), 1, List.of(Range.UNIT_OPEN), false,
                p -> List.of(pos(p.arg1(), "a of Beta(a, b)"), pos(p.arg2(), "b of Beta(a, b)")));
        add(POISSON, "Poisson", List.of(), List.of("rate"), 1, counts, true,
                p -> List.of(pos(p.arg1(), "the rate of Poisson(rate)")));
        add(BINOMIAL, "Binomial", List.of(), List.of("n", "p"), 1, counts, true,
                p -> List.of(new Req(p.arg1(), false, true, "n of Binomial(n, p)"), nonneg(p.arg2(), "p of Binomial(n, p)"),
                        nonneg(F.Subtract(F.C1, p.arg2()), "1 - p of Binomial(n, p)")));
        add(GEOMETRIC, "Geometric", List.of(), List.of("p"), 1, counts, true,
                p -> List.of(pos(p.arg1(), "p of Geometric(p)"), nonneg(F.Subtract(F.C1, p.arg1()), "1 - p of Geometric(p)")));
        add(LOGNORMAL, "LogNormal", List.of("Lognormal"), List.of("mu", "sigma2"), 1, positive, false,
                p -> List.of(pos(p.arg2(), "sigma2 (the variance of log t) of LogNormal(mu, sigma2)")));
        add(INVERSE_GAMMA, "InverseGamma", List.of("InvGamma"), List.of("shape", "scale"), 1, positive, false,
                p -> List.of(pos(p.arg1(), "the shape of InverseGamma(shape, scale)"),
                        pos(p.arg2(), "the scale of InverseGamma(shape, scale)")));
        add(STUDENT_T, "StudentT", List.of("T"), List.of("nu", "mu", "sigma2"), 1, real, false,
                p -> List.of(pos(p.arg1(), "the degrees of freedom nu of StudentT(nu, mu, sigma2)"),
                        pos(p.arg3(), "sigma2 (the squared scale) of StudentT(nu, mu, sigma2)")));
        add(LAPLACE, "Laplace", List.of(), List.of("mu", "b"), 1, real, false,
                p -> List.of(pos(p.arg2(), "the scale b of Laplace(mu, b)")));
        add(CATEGORICAL, "Categorical", List.of("Cat"), List.of("{p1, ..., pK}"), 1,
                List.of(new Range(1, false, Double.POSITIVE_INFINITY, true)), true, Families::categorical);
        VectorFamilies.register();
    }

    /** Registers a family whose variable is a vector or a matrix (nvars 0: its size comes from the parameters). */
    static void addVector(ISymbol head, String name, List<String> aliases, List<String> params, List<Range> support,
            boolean discrete, Reqs reqs) {
        add(head, name, aliases, params, 0, support, discrete, reqs);
    }

    static Req positive(IExpr e, String what) {
        return pos(e, what);
    }

    static Req nonnegative(IExpr e, String what) {
        return nonneg(e, what);
    }

    /** Every probability >= 0 and the probabilities summing to 1. */
    static List<Req> categorical(IAST p) {
        List<Req> out = new ArrayList<>();
        if (!p.arg1().isList()) {
            return out;
        }
        IAST ps = (IAST) p.arg1();
        for (int i = 1; i <= ps.argSize(); i++) {
            out.add(nonneg(ps.getAt(i), "probability " + i + " of Categorical({p1, ..., pK})"));
        }
        IExpr[] terms = new IExpr[ps.argSize()];
        for (int i = 1; i <= ps.argSize(); i++) {
            terms[i - 1] = ps.getAt(i);
        }
        IExpr sum = F.Plus(terms);
        out.add(nonneg(F.ExpandAll(F.Subtract(sum, F.C1)), "the probabilities of Categorical({p1, ..., pK}) sum to 1, so sum - 1"));
        out.add(nonneg(F.ExpandAll(F.Subtract(F.C1, sum)), "the probabilities of Categorical({p1, ..., pK}) sum to 1, so 1 - sum"));
        return out;
    }

    private Families() {
    }

    static Optional<Family> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static Optional<Family> byHead(IExpr head) {
        return head instanceof ISymbol s ? Optional.ofNullable(BY_HEAD.get(s)) : Optional.empty();
    }

    static String catalogue() {
        List<String> out = new ArrayList<>();
        for (Family f : BY_HEAD.values()) {
            out.add(f.nvars() == 2 ? "{mu, tau} ~ " + f.usage() : f.nvars() == 0 ? VectorFamilies.usage(f) : f.usage());
        }
        return String.join(", ", out);
    }
}
