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
        out.printf("        %s%s%n", s.line() > 0 ? "line " + s.line() + ": " : "", abbreviate(s.claim(), 160));
        switch (s.verdict()) {
            case REFUTED -> {
                s.counterexample().ifPresent(cx -> out.println("        counterexample: " + counterexample(cx)));
                for (Diagnosis d : s.diagnoses()) {
                    out.println("        diagnosis: " + d.message());
                }
                if (s.diagnoses().isEmpty()) {
                    out.println("        diagnosis: none of the checked repairs (sign, factor, term signs, extra or "
                            + "missing term, function, swapped arguments) makes it hold");
                }
            }
            case INVALID, INCONCLUSIVE -> out.println("        " + s.message());
            default -> {
            }
        }
        if (verbose) {
            for (Evidence e : s.evidence()) {
                out.println("        [" + e.method() + "] " + e.detail());
            }
        }
    }

    private static String methodLine(StepResult s) {
        return switch (s.verdict()) {
            case PROVED -> s.method() + (s.evidence().stream().anyMatch(e -> e.detail().contains("numerically"))
                    ? " (and confirmed at random points)" : "");
            case CONFIRMED -> s.method() + evidenceSummary(s.evidence().stream()
                    .filter(e -> e.method().equals(s.method())).toList());
            case REFUTED -> s.method() + ": " + s.message();
            default -> s.method();
        };
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
        if (!cx.entry().isEmpty()) {
            sb.append(cx.entry()).append(" at ");
        } else {
            sb.append("at ");
        }
        boolean first = true;
        for (Map.Entry<String, Double> e : cx.point().entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append(" = ").append(num(e.getValue()));
            first = false;
        }
        for (Map.Entry<String, double[]> e : cx.data().entrySet()) {
            sb.append(", ").append(e.getKey()).append(" = [");
            double[] v = e.getValue();
            for (int i = 0; i < v.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(num(v[i]));
            }
            sb.append(']');
        }
        if (cx.instance().isPresent()) {
            if (sb.toString().endsWith("at ")) {
                sb.setLength(sb.length() - 3);
            }
            sb.append(cx.point().isEmpty() ? "" : ", ").append("with ").append(cx.instance().get());
        }
        if (sb.toString().endsWith("at ")) {
            sb.setLength(sb.length() - 3); // a claim without free symbols: no point to show
            sb.append(sb.length() == 0 ? "the constants" : "");
        }
        sb.append(": left side = ").append(num(cx.lhs())).append(", right side = ").append(num(cx.rhs()));
        if (cx.precise().isPresent()) {
            sb.append(" (").append(cx.precise().get()).append(')');
        } else if (cx.lhsHighPrecision().isPresent()) {
            sb.append(" (re-evaluated by the CAS at 30 digits: ").append(num(cx.lhsHighPrecision().get())).append(" vs ")
                    .append(num(cx.rhsHighPrecision().get())).append(')');
        }
        return sb.toString();
    }

    static String num(double v) {
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
