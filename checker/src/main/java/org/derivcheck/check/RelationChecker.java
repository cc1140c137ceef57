package org.derivcheck.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hipparchus.random.RandomGenerator;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.Expr;
import org.derivcheck.cas.Scope;
import org.derivcheck.notation.Relation;
import org.derivcheck.diagnose.Diagnosis;
import org.derivcheck.diagnose.Diagnostics;
import org.derivcheck.diagnose.Refutation;

/**
 * Decides one relation {@code lhs REL rhs} between two lines: reduces both sides, compares their shapes,
 * runs the symbolic, random-point and Monte Carlo checkers on every entry, combines their verdicts and,
 * for a refuted relation, asks the diagnoser what is wrong.
 */
final class RelationChecker {
    private final List<Checker> checkers;
    private final RandomPointChecker randomPoints;
    private final Scope table;
    private final ConditionChecker conditions;

    RelationChecker(Scope table, CheckOptions options) {
        this.table = table;
        this.conditions = new ConditionChecker(table);
        // numeric first: a refuted claim needs no proof attempt, a confirmed one gets the rest of the time
        // exact or high-precision arithmetic first where it applies (constant claims, rational functions)
        this.randomPoints = new RandomPointChecker(options.points());
        this.checkers = List.of(new RealDomainChecker(), new ExactChecker(options.points()), new InstantiationChecker(options.points()), randomPoints,
                new QuadratureChecker(), new MonteCarloChecker(options.draws()), new SymbolicChecker(),
                new ProofChecker());
    }

    /** The verdict and what backs it, before it is wrapped in a StepResult. */
    record Decision(Verdict verdict, String method, List<Evidence> evidence, Optional<Counterexample> counterexample,
            List<Diagnosis> diagnoses, String message) {
    }

    Decision decide(Expr lhsWritten, Expr rhsWritten, Relation rel, StepContext ctx) {
        if (!Cas.sizeSymbols(lhsWritten).isEmpty() || !Cas.sizeSymbols(rhsWritten).isEmpty()) {
            // a vector family of symbolic size K: exact instances at concrete K, and a proof with symbolic sums
            return new SizedChecker(this).decide(lhsWritten, rhsWritten, rel, ctx);
        }
        Expr lhs;
        Expr rhs;
        List<String> unproved;
        try {
            // abstract densities are never given to the CAS: finite instances decide them as written
            Cas.Reduced l = lhsWritten.isAbstract() ? new Cas.Reduced(lhsWritten, List.of())
                    : ctx.cas.reduceChecked(lhsWritten, ctx.remainingMillis());
            Cas.Reduced r = rhsWritten.isAbstract() ? new Cas.Reduced(rhsWritten, List.of())
                    : ctx.cas.reduceChecked(rhsWritten, ctx.remainingMillis());
            lhs = l.value();
            rhs = r.value();
            ConditionChecker.Result cond = conditions.check(l.conditions(), r.conditions(), lhs, rhs, ctx);
            if (cond.forced().isPresent()) {
                return cond.forced().get();
            }
            unproved = cond.unproved();
        } catch (CasException e) {
            Optional<Decision> precise = e.kind() == CasException.Kind.LIMIT ? asWritten(lhsWritten, rhsWritten, rel, ctx)
                    : Optional.empty();
            return precise.orElseGet(() -> new Decision(Verdict.INCONCLUSIVE, "none", List.of(new Evidence("CAS",
                    e.getMessage())), Optional.empty(), List.of(), "could not evaluate the sides: " + e.getMessage()));
        }
        int[] ls = lhs.shape();
        int[] rs = rhs.shape();
        if (!Arrays.equals(ls, rs)) {
            String msg = "the left side is " + shapeName(ls) + " but the right side is " + shapeName(rs);
            if (ls.length == 2 && rs.length == 2 && ls[0] == rs[1] && ls[1] == rs[0]) {
                msg += " (transposed?)";
            }
            return new Decision(Verdict.REFUTED, "shape", List.of(new Evidence("shape", msg)), Optional.empty(),
                    List.of(new Diagnosis(Diagnosis.Kind.WRONG_COMPONENT, "", msg, "")), msg);
        }
        if (rel != Relation.EQUAL && ls.length > 0) {
            return new Decision(Verdict.INVALID, "none", List.of(), Optional.empty(), List.of(),
                    "an inequality compares numbers, not vectors or matrices");
        }
        List<Expr.Entry> le = lhs.entries();
        List<Expr.Entry> re = rhs.entries();
        List<Expr.Entry> we = Arrays.equals(rhsWritten.shape(), rs) ? rhsWritten.entries() : re;
        List<Expr.Entry> lw = Arrays.equals(lhsWritten.shape(), ls) ? lhsWritten.entries() : null;
        List<Expr.Entry> rw = Arrays.equals(rhsWritten.shape(), rs) ? rhsWritten.entries() : null;
        Verdict verdict = Verdict.PROVED;
        List<Evidence> evidence = new ArrayList<>();
        Optional<Counterexample> cx = Optional.empty();
        List<Integer> refuted = new ArrayList<>();
        String method = "symbolic";
        for (int i = 0; i < le.size(); i++) {
            Claim claim = new Claim(le.get(i).label(), le.get(i).value(), re.get(i).value(), rel,
                    lw == null ? lhsWritten : lw.get(i).value(), rw == null ? rhsWritten : rw.get(i).value());
            Outcome o = decideEntry(claim, ctx);
            Verdict before = verdict;
            verdict = Verdict.combine(verdict, o.verdict());
            if (verdict != before || i == 0) {
                method = o.evidence().method();
            }
            String prefix = claim.entry().isEmpty() ? "" : claim.entry() + ": ";
            evidence.add(new Evidence(o.evidence().method(), prefix + o.evidence().detail()));
            if (o.verdict() == Verdict.REFUTED) {
                refuted.add(i);
                if (cx.isEmpty()) {
                    java.util.Set<String> free = new java.util.LinkedHashSet<>(claim.lhs().freeSymbols());
                    free.addAll(claim.rhs().freeSymbols());
                    cx = o.counterexample().map(x -> x.over(free));
                }
            }
        }
        if (!unproved.isEmpty() && verdict == Verdict.PROVED) {
            // the claim holds where it is defined; that it is defined everywhere rests on points only
            verdict = Verdict.CONFIRMED;
            method = "symbolic, conditions at points";
        }
        if (!unproved.isEmpty()) {
            evidence.add(new Evidence("conditions", String.join("; ", unproved)));
        }
        List<Diagnosis> diagnoses = new ArrayList<>();
        String message;
        if (verdict == Verdict.REFUTED) {
            Refutation refutation = new Refutation(rel, lhsWritten, rhsWritten, le, re, we, refuted);
            diagnoses.addAll(Diagnostics.standard(ctx.cas, table).diagnose(refutation, new StepProbe(ctx)));
            message = refuted.size() == 1 && !le.get(refuted.get(0)).label().isEmpty()
                    ? le.get(refuted.get(0)).label() + " does not hold" : "the relation does not hold";
        } else {
            message = switch (verdict) {
                case PROVED -> "proved symbolically";
                case CONFIRMED -> "confirmed numerically";
                case INCONCLUSIVE -> "undecided";
                default -> verdict.name().toLowerCase();
            };
        }
        if (le.size() > 1 && verdict != Verdict.REFUTED) {
            message += " (" + le.size() + " entries)";
        }
        return new Decision(verdict, method, evidence, cx, diagnoses, message);
    }

    /**
     * When the CAS hits a size limit reducing the sides (2^(2^31) as an exact integer has 2^31 bits), the sides as
     * written may still be plain numbers: the exact and high-precision checker decides them without the CAS.
     */
    private Optional<Decision> asWritten(Expr lhs, Expr rhs, Relation rel, StepContext ctx) {
        if (lhs.isAbstract() || rhs.isAbstract() || !lhs.isScalar() || !rhs.isScalar()) {
            return Optional.empty();
        }
        Optional<Outcome> o = checkers.get(0).check(new Claim("", lhs, rhs, rel), ctx);
        if (o.isEmpty()) {
            return Optional.empty();
        }
        Outcome x = o.get();
        String note = " (the CAS hit a size limit reducing the sides; decided as written)";
        return Optional.of(new Decision(x.verdict(), x.evidence().method(), List.of(new Evidence(x.evidence().method(),
                x.evidence().detail() + note)), x.counterexample(), List.of(), switch (x.verdict()) {
                    case REFUTED -> "the relation does not hold";
                    case INCONCLUSIVE -> "undecided: " + x.evidence().detail();
                    default -> "confirmed numerically";
                }));
    }

    private Outcome decideEntry(Claim claim, StepContext ctx) {
        Outcome symbolic = null;
        Outcome numeric = null;
        for (Checker c : checkers) {
            boolean proof = c instanceof SymbolicChecker || c instanceof ProofChecker;
            if (proof && numeric != null && numeric.verdict() == Verdict.REFUTED) {
                break;
            }
            if (numeric != null && !proof || proof && symbolic != null && symbolic.verdict() == Verdict.PROVED) {
                continue;
            }
            Optional<Outcome> o = c.check(claim, ctx);
            if (o.isEmpty()) {
                continue;
            }
            if (proof) {
                symbolic = symbolic == null || o.get().verdict() == Verdict.PROVED ? o.get() : symbolic;
            } else if (numeric == null) {
                numeric = o.get();
            }
        }
        if (numeric != null && numeric.verdict() == Verdict.REFUTED) {
            return numeric;
        }
        if (symbolic != null && symbolic.verdict() == Verdict.REFUTED) {
            return symbolic; // a strict relation between sides the CAS showed equal
        }
        if (symbolic != null && symbolic.verdict() == Verdict.PROVED) {
            if (numeric != null && numeric.verdict() == Verdict.CONFIRMED) {
                return new Outcome(Verdict.PROVED, new Evidence(symbolic.evidence().method(), symbolic.evidence().detail()
                        + "; numerically " + numeric.evidence().detail()), Optional.empty());
            }
            if (numeric == null) {
                return symbolic;
            }
            // a rewriting proof is trusted only where admissible points agree: none (an assumption nothing
            // satisfies, overflow everywhere) means the proof may rest on a rule outside its domain
            if (ctx.agreeingPoints(claim.entry()) > 0) {
                // too few for a numeric confirmation (time, a narrow domain), but admissible points agreed
                return new Outcome(Verdict.PROVED, new Evidence("symbolic", symbolic.evidence().detail() + "; numerically "
                        + ctx.agreeingPoints(claim.entry()) + " valid random points agreed (" + numeric.evidence().detail()
                        + ")"), Optional.empty());
            }
            Optional<String> checked = precisePoints(claim, ctx);
            if (checked.isPresent()) {
                return new Outcome(Verdict.PROVED, new Evidence("symbolic", symbolic.evidence().detail() + "; numerically "
                        + checked.get()), Optional.empty());
            }
            return Outcome.of(Verdict.INCONCLUSIVE, numeric.evidence().method(), "the CAS reduced lhs - rhs to 0, but no "
                    + "admissible point could check it (" + numeric.evidence().detail() + "); a proof without a single "
                    + "valid point is not trusted");
        }
        if (numeric != null && numeric.verdict() == Verdict.CONFIRMED && numeric.evidence().method().equals("random points")) {
            return randomPoints.recheck(claim, ctx, numeric);
        }
        if (numeric != null && symbolic != null && symbolic.evidence().method().equals("proof")
                && numeric.verdict() == Verdict.CONFIRMED) {
            return new Outcome(numeric.verdict(), new Evidence(numeric.evidence().method(), numeric.evidence().detail()
                    + "; " + symbolic.evidence().detail()), numeric.counterexample());
        }
        if (numeric != null) {
            return numeric;
        }
        return symbolic != null ? symbolic : Outcome.of(Verdict.INCONCLUSIVE, "none", "no method applies");
    }

    /** Agreement at a few points in high precision, when double precision could not evaluate the claim. */
    private static Optional<String> precisePoints(Claim claim, StepContext ctx) {
        Optional<PreciseCheck> pc = PreciseCheck.of(claim.lhs(), claim.rhs(), claim.relation());
        if (pc.isEmpty()) {
            return Optional.empty();
        }
        RandomGenerator rng = ctx.rng(777L);
        int held = 0;
        for (int i = 0; i < 20 && held < 5 && ctx.timeLeft(); i++) {
            PointSampler.Point p = ctx.sampler.next(rng);
            if (p == null) {
                return Optional.empty();
            }
            PreciseCheck.At at = pc.get().at(p, 0);
            if (at.state() == PreciseCheck.State.FAILS) {
                return Optional.empty();
            }
            if (at.state() == PreciseCheck.State.HOLDS) {
                held++;
            }
        }
        return held >= 3 ? Optional.of("equal at " + held + " random points " + (pc.get().exact() ? "in exact arithmetic"
                : "at " + PreciseCheck.DIGITS + " digits") + " (double precision could not evaluate it)") : Optional.empty();
    }

    private static String shapeName(int[] s) {
        return switch (s.length) {
            case 0 -> "a scalar";
            case 1 -> "a vector of " + s[0];
            default -> "a " + s[0] + "x" + s[1] + " matrix";
        };
    }
}
