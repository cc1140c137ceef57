package org.derivcheck.cas;

import java.util.Optional;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Tries to reduce a difference to exactly 0. Only an exact 0 counts: a result that is unevaluated, held,
 * floating-point or merely small proves nothing (see the Symja notes).
 */
final class Simplification {
    private Simplification() {
    }

    /** The name of the rule set that reached 0, or empty. */
    static Optional<String> provesZero(IExpr d, Scope table, EvalEngine engine) {
        IExpr e = engine.evaluate(d);
        if (isExactZero(e)) {
            return Optional.of("evaluation");
        }
        // sums over data are atoms for the algebra: an identity that holds for every value of the atoms
        // holds for the sums (sound, and much faster than letting the CAS reason about Sum)
        // the log of a density inside a sum (a log-likelihood) is split by the sound log rules first, so that
        // linearity brings its terms out of the sum
        if (hasLogInSum(e)) {
            e = engine.evaluate(new LogRules(table).expand(e));
        }
        e = atomizeSums(engine.evaluate(linearSums(e, engine)));
        IExpr shifted = engine.evaluate(shiftPolyGamma(e));
        if (!shifted.equals(e) && isExactZero(engine.evaluate(F.Together(F.ExpandAll(shifted))))) {
            return Optional.of("psi recurrence + ExpandAll + Together");
        }
        e = shifted;
        IExpr fixed = e;
        // a difference with logarithms the sound log rules can split is tried with them first: Together over the
        // unsplit logs fails on such claims only after expanding everything (0.2-0.7 s each on the log-densities of
        // derivations/), and the log rules are tried anyway when it does
        // (the log rules act on logarithms only: without one there is nothing to expand or evaluate again)
        boolean withLogs = hasLog(e);
        IExpr logs = withLogs ? engine.evaluate(new LogRules(table).expand(e)) : e;
        boolean logsTried = false;
        if (withLogs && !logs.equals(e)) {
            logsTried = true;
            if (zeroWithin(() -> engine.evaluate(F.Together(F.ExpandAll(logs))))) {
                return Optional.of("log rules for declared positive/real symbols + Together");
            }
        }
        if (zeroWithin(() -> engine.evaluate(F.Together(F.ExpandAll(fixed))))) {
            return Optional.of("ExpandAll + Together");
        }
        // Symja's Together can exceed its size limit on a sum of many fractions over expanded denominators (a
        // moment of the table, expanded): the terms grouped by their factored denominator first
        if (zeroWithin(() -> engine.evaluate(F.Together(groupByDenominator(fixed, engine))))) {
            return Optional.of("terms grouped by factored denominator + Together");
        }
        // Beta(p, q) = Gamma(p) Gamma(q) / Gamma(p + q), an identity wherever both sides are defined; with the Gammas
        // as atoms, a ratio of Beta functions (a marginal likelihood) meets the Gamma form of the table's moments
        IExpr gammas = betaAsGamma(e);
        if (!gammas.equals(e) && isExactZero(engine.evaluate(F.Together(F.ExpandAll(engine.evaluate(gammas)))))) {
            return Optional.of("Beta(p, q) = Gamma(p) Gamma(q)/Gamma(p + q) + ExpandAll + Together");
        }
        if (!logsTried && !logs.equals(e) && isExactZero(engine.evaluate(F.Together(F.ExpandAll(logs))))) {
            return Optional.of("log rules for declared positive/real symbols + Together");
        }
        if (isExactZero(engine.evaluate(F.Simplify(logs)))) {
            return Optional.of("Simplify");
        }
        if (isExactZero(engine.evaluate(F.Simplify(F.FunctionExpand(logs))))) {
            return Optional.of("FunctionExpand + Simplify");
        }
        if (allPositive(e, table)) {
            // PowerExpand uses log(ab) = log a + log b, (ab)^c = a^c b^c and (a^b)^c = a^(bc): sound only when the
            // bases and log arguments themselves are positive, which positive symbols alone do not make so
            // (Sqrt((20 - a)^2) is |20 - a|, not 20 - a)
            IExpr expanded = engine.evaluate(F.FunctionExpand(e));
            if (powerExpandSound(expanded, new LogRules(table))
                    && isExactZero(engine.evaluate(F.Together(F.ExpandAll(F.PowerExpand(expanded)))))) {
                return Optional.of("FunctionExpand + PowerExpand + Together (every power base and log argument positive)");
            }
        }
        return Optional.empty();
    }

    private static boolean hasLogInSum(IExpr e) {
        return !e.isFree(x -> x.isAST(org.matheclipse.core.expression.S.Sum) && hasLog(x.first()), true);
    }

    private static boolean hasLog(IExpr e) {
        return !e.isFree(x -> x.isAST(org.matheclipse.core.expression.S.Log), true);
    }

    /** Whether the computed value is exactly 0; false when Symja exceeds a size limit computing it. */
    private static boolean zeroWithin(java.util.function.Supplier<IExpr> f) {
        try {
            return isExactZero(f.get());
        } catch (org.matheclipse.core.eval.exception.LimitException e) {
            return false;
        }
    }

    /** The expanded terms of e summed per factored denominator: sum over d of (sum of numerators over d) / d. */
    static IExpr groupByDenominator(IExpr e, EvalEngine engine) {
        IExpr ex = engine.evaluate(F.ExpandAll(e));
        if (!ex.isPlus()) {
            return ex;
        }
        java.util.Map<IExpr, java.util.List<IExpr>> groups = new java.util.LinkedHashMap<>();
        for (IExpr t : (org.matheclipse.core.interfaces.IAST) ex) {
            IExpr den = engine.evaluate(F.Factor(engine.evaluate(F.Denominator(t))));
            groups.computeIfAbsent(den, k -> new java.util.ArrayList<>()).add(engine.evaluate(F.Numerator(t)));
        }
        java.util.List<IExpr> parts = new java.util.ArrayList<>();
        groups.forEach((den, nums) -> parts.add(F.Divide(engine.evaluate(F.Factor(F.Plus(nums.toArray(new IExpr[0])))), den)));
        return F.Plus(parts.toArray(new IExpr[0]));
    }

    /** Every Beta(p, q) written as Gamma(p) Gamma(q) / Gamma(p + q). */
    static IExpr betaAsGamma(IExpr e) {
        return e.replaceAll(x -> x.isAST(org.matheclipse.core.expression.S.Beta, 3)
                ? F.Divide(F.Times(F.Gamma(x.first()), F.Gamma(x.second())), F.Gamma(F.Plus(x.first(), x.second())))
                : F.NIL).orElse(e);
    }

    /**
     * Sound recurrences of the polygamma functions: psi(x + k) = psi(x) + sum_{i<k} 1/(x + i) and
     * psi1(x + k) = psi1(x) - sum_{i<k} 1/(x + i)^2 for whole k from 1 to 8 (and the inverse for negative k).
     */
    static IExpr shiftPolyGamma(IExpr e) {
        return e.replaceAll(x -> {
            if (!x.isAST(org.matheclipse.core.expression.S.PolyGamma, 3) || !x.first().isInteger()) {
                return F.NIL;
            }
            int order = x.first().toIntDefault();
            IExpr arg = x.second();
            if ((order != 0 && order != 1) || !arg.isPlus() || !arg.first().isInteger()) {
                return F.NIL;
            }
            int k = arg.first().toIntDefault();
            if (k == 0 || Math.abs(k) > 8) {
                return F.NIL;
            }
            IExpr base = arg.argSize() == 2 ? ((org.matheclipse.core.interfaces.IAST) arg).arg2() : ((org.matheclipse.core.interfaces.IAST) arg).rest().oneIdentity0();
            java.util.List<IExpr> terms = new java.util.ArrayList<>();
            terms.add(F.PolyGamma(F.ZZ(order), base));
            for (int i = 0; i < Math.abs(k); i++) {
                IExpr xi = F.Plus(base, F.ZZ(k > 0 ? i : -(i + 1)));
                IExpr t = order == 0 ? F.Power(xi, F.CN1) : F.Power(xi, F.CN2);
                boolean plus = (order == 0) == (k > 0);
                terms.add(plus ? t : F.Times(F.CN1, t));
            }
            return F.Plus(terms.toArray(new IExpr[0]));
        }).orElse(e);
    }

    /**
     * Sums are linear: Sum(a + b) = Sum(a) + Sum(b), Sum(c f(n)) = c Sum(f(n)) for c free of n, and
     * Sum(c) = c (hi - lo + 1). Applied to expanded bodies so that equal sums become equal atoms.
     */
    static IExpr linearSums(IExpr e, EvalEngine engine) {
        return e.replaceAll(x -> {
            if (!x.isAST(org.matheclipse.core.expression.S.Sum, 3) || !x.second().isList() || x.second().argSize() != 3) {
                return F.NIL;
            }
            org.matheclipse.core.interfaces.IAST it = (org.matheclipse.core.interfaces.IAST) x.second();
            IExpr n = it.arg1();
            IExpr body = engine.evaluate(F.ExpandAll(linearSums(x.first(), engine)));
            java.util.List<IExpr> terms = new java.util.ArrayList<>();
            if (body.isPlus()) {
                for (IExpr t : (org.matheclipse.core.interfaces.IAST) body) {
                    terms.add(t);
                }
            } else {
                terms.add(body);
            }
            java.util.List<IExpr> out = new java.util.ArrayList<>();
            for (IExpr t : terms) {
                java.util.List<IExpr> free = new java.util.ArrayList<>();
                java.util.List<IExpr> bound = new java.util.ArrayList<>();
                if (t.isTimes()) {
                    for (IExpr f : (org.matheclipse.core.interfaces.IAST) t) {
                        (f.isFree(n, true) ? free : bound).add(f);
                    }
                } else {
                    (t.isFree(n, true) ? free : bound).add(t);
                }
                IExpr c = free.isEmpty() ? F.C1 : F.Times(free.toArray(new IExpr[0]));
                if (bound.isEmpty()) {
                    out.add(F.Times(c, F.Plus(F.Subtract(it.arg3(), it.arg2()), F.C1)));
                } else {
                    IExpr b = bound.size() == 1 ? bound.get(0) : F.Times(bound.toArray(new IExpr[0]));
                    out.add(F.Times(c, F.Sum(b, it)));
                }
            }
            return F.Plus(out.toArray(new IExpr[0]));
        }).orElse(e);
    }

    /** Replaces every Sum(...) and Product(...) by a symbol of its own (equal sums share one). */
    static IExpr atomizeSums(IExpr e) {
        java.util.Map<IExpr, IExpr> atoms = new java.util.HashMap<>();
        return e.replaceAll(x -> {
            if (x.isAST(org.matheclipse.core.expression.S.Sum) || x.isAST(org.matheclipse.core.expression.S.Product)) {
                return atoms.computeIfAbsent(x, k -> F.Dummy("sum" + atoms.size()));
            }
            return F.NIL;
        }).orElse(e);
    }

    /** l = r: the difference, and for two provably positive sides also log l - log r with the sound log rules. */
    static Optional<String> provesEqual(IExpr l, IExpr r, Scope table, EvalEngine engine) {
        IExpr le = engine.evaluate(l);
        IExpr re = engine.evaluate(r);
        LogRules rules = new LogRules(table);
        if (!le.isList() && !re.isList() && rules.positive(le) && rules.positive(re) && !(le.isNumber() && re.isNumber())) {
            IExpr logs = engine.evaluate(F.Subtract(rules.expand(F.Log(le)), rules.expand(F.Log(re))));
            if (isExactZero(engine.evaluate(F.Together(F.ExpandAll(shiftPolyGamma(atomizeSums(logs))))))) {
                return Optional.of("log of both (positive) sides, log rules + Together");
            }
        }
        return provesZero(F.Subtract(le, re), table, engine);
    }

    private static boolean isExactZero(IExpr r) {
        return r.isZero() && (r.isInteger() || r.isRational());
    }

    /**
     * True when PowerExpand's rewrites are identities on e: every base of a power with a non-integer exponent and
     * every argument of a log is provably positive as an expression (not merely built from positive symbols).
     */
    static boolean powerExpandSound(IExpr e, LogRules rules) {
        boolean[] ok = {true};
        e.isFree(x -> {
            if (x.isPower() && !x.exponent().isInteger() && !rules.positive(x.base())) {
                ok[0] = false;
            }
            if ((x.isAST(org.matheclipse.core.expression.S.Log, 2) || x.isAST(org.matheclipse.core.expression.S.Sqrt, 2))
                    && !rules.positive(x.first())) {
                ok[0] = false;
            }
            return false;
        }, true);
        return ok[0];
    }

    /** True when every symbol in d is declared positive (indexed positive data included). */
    static boolean allPositive(IExpr d, Scope table) {
        boolean[] ok = {true};
        d.isFree(x -> {
            if (x instanceof ISymbol s && table.nameOf(s) != null && !table.isPositive(s)) {
                ok[0] = false;
            }
            return false;
        }, true);
        return ok[0];
    }
}
