package org.derivcheck.report;

import java.util.List;
import java.util.Locale;
import org.derivcheck.check.DerivationResult;
import org.derivcheck.check.StepResult;
import org.derivcheck.check.Verdict;
import org.derivcheck.diagnose.Diagnosis;

/**
 * JUnit XML as CI systems read it: one {@code testsuite} per derivation, one {@code testcase} per step;
 * REFUTED is a {@code failure} (with the counterexample and diagnoses), INVALID and INCONCLUSIVE are an
 * {@code error}, PROVED and CONFIRMED pass. A derivation that could not be read is one testcase in error.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    public static String render(String name, List<DerivationResult> results) {
        int tests = 0;
        int failures = 0;
        int errors = 0;
        long millis = 0;
        for (DerivationResult d : results) {
            int[] c = counts(d);
            tests += c[0];
            failures += c[1];
            errors += c[2];
            millis += d.millis();
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuites name=\"").append(xml(name)).append("\" tests=\"").append(tests).append("\" failures=\"")
                .append(failures).append("\" errors=\"").append(errors).append("\" time=\"").append(seconds(millis)).append("\">\n");
        for (DerivationResult d : results) {
            suite(d, b);
        }
        return b.append("</testsuites>\n").toString();
    }

    private static int[] counts(DerivationResult d) {
        if (d.error().isPresent() && d.steps().isEmpty()) {
            return new int[] {1, 0, 1};
        }
        int f = 0;
        int e = 0;
        for (StepResult s : d.steps()) {
            if (s.verdict() == Verdict.REFUTED) {
                f++;
            } else if (!s.verdict().holds()) {
                e++;
            }
        }
        return new int[] {d.steps().size(), f, e};
    }

    private static void suite(DerivationResult d, StringBuilder b) {
        int[] c = counts(d);
        b.append("  <testsuite name=\"").append(xml(d.id())).append("\" tests=\"").append(c[0]).append("\" failures=\"")
                .append(c[1]).append("\" errors=\"").append(c[2]).append("\" skipped=\"0\" time=\"").append(seconds(d.millis()))
                .append("\" file=\"").append(xml(d.file().toString())).append("\">\n");
        if (d.error().isPresent() && d.steps().isEmpty()) {
            b.append("    <testcase classname=\"").append(xml(d.id())).append("\" name=\"read\" time=\"0\">\n")
                    .append("      <error type=\"").append(d.verdict()).append("\" message=\"").append(xml(d.error().get()))
                    .append("\"/>\n    </testcase>\n");
        }
        for (StepResult s : d.steps()) {
            String name = "step " + s.index() + (s.line() > 0 ? " (line " + s.line() + ")" : "") + ": " + abbreviate(s.claim());
            b.append("    <testcase classname=\"").append(xml(d.id())).append("\" name=\"").append(xml(name))
                    .append("\" time=\"").append(seconds(s.millis())).append("\"");
            if (s.verdict().holds()) {
                b.append(">\n      <system-out>").append(xml(s.verdict() + " by " + s.method() + ": " + s.message()))
                        .append("</system-out>\n    </testcase>\n");
                continue;
            }
            String tag = s.verdict() == Verdict.REFUTED ? "failure" : "error";
            StringBuilder detail = new StringBuilder(s.message());
            s.counterexample().ifPresent(cx -> detail.append("\ncounterexample: ").append(TextReport.counterexample(cx)));
            for (Diagnosis dg : s.diagnoses()) {
                detail.append("\ndiagnosis: ").append(dg.readable());
            }
            b.append(">\n      <").append(tag).append(" type=\"").append(s.verdict()).append("\" message=\"")
                    .append(xml(s.verdict() + ": " + s.message())).append("\">").append(xml(detail.toString())).append("</")
                    .append(tag).append(">\n    </testcase>\n");
        }
        b.append("  </testsuite>\n");
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Escapes for XML 1.0 text and attributes; characters XML cannot hold become U+FFFD. */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '\n' -> sb.append("&#10;");
                default -> sb.append(c < 32 && c != '\t' || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }
}
