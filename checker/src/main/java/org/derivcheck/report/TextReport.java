package org.derivcheck.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.derivcheck.check.Counterexample;
import org.derivcheck.check.DerivationResult;
import org.derivcheck.check.Evidence;
import org.derivcheck.check.StepResult;
import org.derivcheck.diagnose.Diagnosis;

/** The human-readable report: every derivation and step with verdict and method, then a summary line. */
public final class TextReport {
    private final boolean verbose;

    public TextReport(boolean verbose) {
        this.verbose = verbose;
    }

    public void derivation(DerivationResult d, PrintWriter out) {
        out.printf("%s  %s%s%s%n", d.file(), d.id(), d.title().isEmpty() ? "" : " - " + d.title(),
                d.source().isEmpty() ? "" : "  [" + d.source() + "]");
        if (d.error().isPresent()) {
            out.printf("  %-12s %s%n", d.verdict(), d.error().get());
        }
        for (StepResult s : d.steps()) {
            step(s, out);
        }
        out.println();
        out.flush();
    }

    private void step(StepResult s, PrintWriter out) {
        out.printf("  step %-5s %-12s %s%n", s.index(), s.verdict(), methodLine(s));
        if (!s.name().isEmpty()) {
            out.printf("        %s%n", abbreviate(s.name(), 160));
        }
        out.printf("        %s%s%n", s.line() > 0 ? "line " + s.line() + ": " : "", abbreviate(s.claim(), 160));
        if (verbose && !s.readAs().isEmpty()) {
            out.printf("        as derivcheck read it: %s%n", s.readAs());
        }
        switch (s.verdict()) {
            case REFUTED -> {
                s.counterexample().ifPresent(cx -> out.println("        counterexample: " + counterexample(cx)));
                for (Diagnosis d : s.diagnoses()) {
                    out.println("        diagnosis: " + d.readable());
                }
                if (s.diagnoses().isEmpty()) {
                    out.println("        diagnosis: none: repairs are tried for '=' relations only, within the step's "
                            + "time limit");
                }
            }
            case INVALID -> out.println("        " + s.message());
            case INCONCLUSIVE -> {
                out.println("        " + s.message());
                if (!verbose) {
                    for (String r : reasons(s)) {
                        out.println("        reason: " + r);
                    }
                }
            }
            default -> {
            }
        }
        if (verbose) {
            for (Evidence e : s.evidence()) {
                out.println("        [" + e.method() + "] " + e.detail());
            }
        }
    }

    /** Why a step is undecided: the evidence of the methods that tried, each once. */
    static List<String> reasons(StepResult s) {
        List<String> out = new java.util.ArrayList<>();
        for (Evidence e : s.evidence()) {
            String r = "[" + e.method() + "] " + e.detail();
            if (!out.contains(r) && !s.message().contains(e.detail())) {
                out.add(r);
            }
        }
        if (out.isEmpty() && s.message().equals("undecided")) {
            out.add("no method could decide it");
        }
        return out;
    }

    private static String methodLine(StepResult s) {
        return switch (s.verdict()) {
            case PROVED -> s.method().equals("proof") ? proofLine(s) : s.method() + (s.evidence().stream().anyMatch(e -> e.detail().contains("numerically"))
                    ? " (and confirmed at random points)" : "");
            case CONFIRMED -> s.method() + evidenceSummary(s.evidence().stream()
                    .filter(e -> e.method().equals(s.method())).toList());
            case REFUTED -> s.method() + ": " + s.message();
            default -> s.method();
        };
    }

    /** "proof by linearity, marginal, ... (and confirmed on finite instances)". */
    private static String proofLine(StepResult s) {
        for (Evidence e : s.evidence()) {
            int at = e.detail().contains("proof by ") ? e.detail().indexOf("proof by ") + 5 : e.detail().indexOf(" by ");
            int end = e.detail().indexOf(" (densities positive");
            if (e.method().equals("proof") && at >= 0 && end > at) {
                return "proof by " + e.detail().substring(at + 4, end) + (e.detail().contains("numerically")
                        ? " (and confirmed on finite instances)" : "");
            }
        }
        return s.method();
    }

    private static String evidenceSummary(List<Evidence> ev) {
        if (ev.isEmpty()) {
            return "";
        }
        String d = ev.get(0).detail();
        int cut = d.indexOf(';');
        return " (" + (cut > 0 ? d.substring(0, cut) : d) + (ev.size() > 1 ? "; likewise " + (ev.size() - 1)
                + (ev.size() == 2 ? " more entry" : " more entries") : "") + ")";
    }

    public static String counterexample(Counterexample cx) {
        StringBuilder sb = new StringBuilder();
        List<String> at = new java.util.ArrayList<>();
        for (Map.Entry<String, Double> e : cx.point().entrySet()) {
            at.add(e.getKey() + " = " + num(e.getValue()));
        }
        for (Map.Entry<String, double[]> e : cx.data().entrySet()) {
            at.add(e.getKey() + " = " + data(e.getValue()));
        }
        sb.append(cx.entry());
        if (!at.isEmpty()) {
            sb.append(cx.entry().isEmpty() ? "" : " ").append("at ").append(String.join(", ", at));
        }
        if (cx.instance().isPresent()) {
            sb.append(sb.length() == 0 ? "" : ", ").append("with ").append(cx.instance().get());
        }
        sb.append(sb.length() == 0 ? "" : ": ").append("left side = ").append(num(cx.lhs())).append(", right side = ").append(num(cx.rhs()));
        if (cx.precise().isPresent()) {
            sb.append(" (").append(cx.precise().get()).append(')');
        } else if (cx.lhsHighPrecision().isPresent()) {
            sb.append(" (re-evaluated by the CAS at 30 digits: ").append(num(cx.lhsHighPrecision().get())).append(" vs ")
                    .append(num(cx.rhsHighPrecision().get())).append(')');
        }
        return sb.toString();
    }

    /** Data compactly: up to ten values, else the first eight and how many there are. */
    static String data(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        int shown = v.length <= 10 ? v.length : 8;
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(num(v[i]));
        }
        if (shown < v.length) {
            sb.append(", ... (").append(v.length).append(" values)");
        }
        return sb.append(']').toString();
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "undefined (no real value)";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
