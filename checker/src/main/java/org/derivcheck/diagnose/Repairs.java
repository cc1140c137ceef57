package org.derivcheck.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.Expr;
import org.derivcheck.cas.Scope;
import org.derivcheck.notation.Relation;

/**
 * The standard diagnoses of a refuted {@code =} (other relations get none): first the structure of a vector or
 * matrix (swapped components, a transposed matrix, which entries are wrong), then each refuted entry by the repairs
 * of {@link Diagnoser}, with the constant or symbolic factors suggested by the sides' ratios at fresh points.
 */
final class Repairs implements Diagnostics {
    private final Cas cas;
    private final Scope table;

    Repairs(Cas cas, Scope table) {
        this.cas = cas;
        this.table = table;
    }

    @Override
    public List<Diagnosis> diagnose(Refutation r, Probe probe) {
        List<Expr.Entry> le = r.lhs();
        List<Expr.Entry> re = r.rhs();
        List<Expr.Entry> we = r.written();
        List<Integer> refuted = r.refuted();
        Relation rel = r.relation();
        List<Diagnosis> out = new ArrayList<>();
        if (rel != Relation.EQUAL) {
            return out;
        }
        Diagnoser diagnoser = new Diagnoser(cas, probe, Math.min(10_000, probe.remainingMillis()));
        // the whole relation as written: log E[x] for E[log x], the factors of a matrix product in the wrong order
        Optional<Diagnosis> whole = diagnoser.diagnoseWhole(r.lhsWritten(), r.rhsWritten(),
                le.stream().map(Expr.Entry::value).toList(), re.stream().map(Expr.Entry::value).toList());
        if (whole.isPresent()) {
            out.add(whole.get());
            return out;
        }
        // whole structure: permuted components or a transposed matrix
        if (le.size() > 1 && refuted.size() >= 2) {
            Optional<Diagnosis> perm = permutation(le, re, refuted, probe);
            if (perm.isPresent()) {
                out.add(perm.get());
                return out;
            }
        }
        if (le.size() > 1) {
            List<String> ok = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < le.size(); i++) {
                (refuted.contains(i) ? bad : ok).add(le.get(i).label());
            }
            if (!ok.isEmpty()) {
                out.add(new Diagnosis(Diagnosis.Kind.WRONG_COMPONENT, String.join(", ", bad), "wrong " + String.join(", ", bad)
                        + "; the other entries hold (" + String.join(", ", ok) + ")", ""));
            }
        }
        for (int i : refuted) {
            if (!probe.timeLeft()) {
                break;
            }
            Expr l = le.get(i).value();
            Expr written = we.get(i).value();
            List<Diagnoser.Factor> factors = factorCandidates(l, re.get(i).value(), probe);
            Optional<Diagnosis> d = diagnoser.diagnose(le.get(i).label(), l, written, factors);
            if (d.isEmpty() && written != re.get(i).value()) {
                d = diagnoser.diagnose(le.get(i).label(), l, re.get(i).value(), factors);
            }
            if (d.isEmpty() && probe.timeLeft()) {
                // a part of the reference side as written that the student left out; for a vector or matrix, a part of
                // the same entry (a gradient's component is the derivative of a sum: each term's derivative is a part)
                List<Expr.Entry> lw = le.size() == 1 ? List.of() : r.lhsWritten().entries();
                if (le.size() == 1) {
                    d = diagnoser.missingPart(r.lhsWritten(), l, re.get(i).value());
                } else if (lw.size() == le.size()) {
                    d = diagnoser.missingPart(lw.get(i).value(), l, re.get(i).value()).map(x -> x.in(le.get(i).label()));
                }
            }
            out.add(d.orElse(Diagnoser.noLocalRepair(le.get(i).label())));
        }
        return out;
    }

    private Optional<Diagnosis> permutation(List<Expr.Entry> le, List<Expr.Entry> re, List<Integer> refuted,
            Probe probe) {
        boolean matrix = le.get(0).index().size() == 2;
        if (matrix) {
            boolean transposed = true;
            for (int i : refuted) {
                List<Integer> idx = le.get(i).index();
                Expr l = le.get(i).value();
                Expr other = null;
                for (Expr.Entry e : re) {
                    if (e.index().get(0).equals(idx.get(1)) && e.index().get(1).equals(idx.get(0))) {
                        other = e.value();
                    }
                }
                if (other == null || !probe.holds(l, other)) {
                    transposed = false;
                    break;
                }
            }
            if (transposed) {
                return Optional.of(new Diagnosis(Diagnosis.Kind.TRANSPOSED, "", "the matrix is transposed: entry (i, j) "
                        + "holds what belongs in entry (j, i)", ""));
            }
            return Optional.empty();
        }
        if (refuted.size() == 2) {
            int a = refuted.get(0);
            int b = refuted.get(1);
            if (probe.holds(le.get(a).value(), re.get(b).value()) && probe.holds(le.get(b).value(), re.get(a).value())) {
                return Optional.of(new Diagnosis(Diagnosis.Kind.COMPONENTS_SWAPPED, le.get(a).label() + ", "
                        + le.get(b).label(), le.get(a).label() + " and " + le.get(b).label() + " are swapped", ""));
            }
        }
        return Optional.empty();
    }

    /**
     * Ratios lhs/rhs at fresh points: a constant, or a constant times one or two symbol powers (N, 1/N,
     * a/b, ...), is a factor to try. The diagnoser still checks every candidate.
     */
    private List<Diagnoser.Factor> factorCandidates(Expr lhs, Expr rhs, Probe probe) {
        List<Diagnoser.Factor> out = new ArrayList<>();
        if (lhs.isAbstract() || rhs.isAbstract()) {
            return out;
        }
        List<Probe.Ratio> samples = probe.ratios(lhs, rhs);
        if (samples.size() < 6) {
            return out;
        }
        List<double[]> pts = new ArrayList<>();
        for (Probe.Ratio s : samples) {
            pts.add(s.point());
        }
        double[] ratio = samples.stream().mapToDouble(Probe.Ratio::ratio).toArray();
        if (constant(ratio)) {
            Optional<long[]> pq = rational(ratio[0]);
            if (pq.isPresent() && pq.get()[0] != pq.get()[1]) {
                long p = pq.get()[0];
                long q = pq.get()[1];
                String text = q == 1 ? String.valueOf(p) : p + "/" + q;
                out.add(new Diagnoser.Factor(Cas.parse("(" + text + ")", table), p == -q ? "-1 (the sign)" : text));
            }
            return out;
        }
        List<String> names = probe.scalarNames();
        int[] powers = {1, -1, 2, -2};
        for (int k = 0; k < names.size(); k++) {
            for (int pk : powers) {
                tryFactor(out, ratio, pts, names, new int[] {k}, new int[] {pk});
            }
        }
        for (int k = 0; k < names.size() && out.isEmpty(); k++) {
            for (int j = k + 1; j < names.size(); j++) {
                for (int pk : new int[] {1, -1}) {
                    for (int pj : new int[] {1, -1}) {
                        tryFactor(out, ratio, pts, names, new int[] {k, j}, new int[] {pk, pj});
                    }
                }
            }
        }
        return out;
    }

    private void tryFactor(List<Diagnoser.Factor> out, double[] ratio, List<double[]> pts, List<String> names, int[] idx,
            int[] pow) {
        double[] adj = new double[ratio.length];
        for (int i = 0; i < ratio.length; i++) {
            double m = 1;
            for (int t = 0; t < idx.length; t++) {
                m *= Math.pow(pts.get(i)[idx[t]], pow[t]);
            }
            adj[i] = ratio[i] / m;
        }
        if (!constant(adj)) {
            return;
        }
        Optional<long[]> pq = rational(adj[0]);
        if (pq.isEmpty()) {
            return;
        }
        String c = pq.get()[1] == 1 ? String.valueOf(pq.get()[0]) : pq.get()[0] + "/" + pq.get()[1];
        List<String> parts = new ArrayList<>();
        for (int t = 0; t < idx.length; t++) {
            String n = names.get(idx[t]);
            parts.add(switch (pow[t]) {
                case 1 -> n;
                case -1 -> "1/" + n;
                case 2 -> n + "^2";
                default -> "1/" + n + "^2";
            });
        }
        List<String> num = new ArrayList<>();
        List<String> den = new ArrayList<>();
        for (String part : parts) {
            if (part.startsWith("1/")) {
                den.add(part.substring(2));
            } else {
                num.add(part);
            }
        }
        String sym = (num.isEmpty() ? "1" : String.join("*", num)) + (den.isEmpty() ? "" : "/"
                + (den.size() == 1 ? den.get(0) : "(" + String.join("*", den) + ")"));
        String text = c.equals("1") ? sym : "(" + c + ")*" + sym;
        out.add(new Diagnoser.Factor(Cas.parse(text, table), text));
    }

    private static boolean constant(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x) || Math.abs(x - v[0]) > 1e-7 * Math.max(1, Math.abs(v[0]))) {
                return false;
            }
        }
        return true;
    }

    /** p/q with q <= 24 within 1e-9, else empty. */
    static Optional<long[]> rational(double x) {
        for (long q = 1; q <= 24; q++) {
            double p = Math.rint(x * q);
            if (Math.abs(p / q - x) <= 1e-9 * Math.max(1, Math.abs(x)) && p != 0) {
                return Optional.of(new long[] {(long) p, q});
            }
        }
        return Optional.empty();
    }

}
