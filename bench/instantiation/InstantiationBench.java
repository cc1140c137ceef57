import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.derivcheck.cas.Cas;
import org.derivcheck.check.BatchChecker;
import org.derivcheck.check.CheckOptions;
import org.derivcheck.check.DerivationResult;

/**
 * Times the finite-instantiation checker on the IWELBO bound with K = 5 over a support of size 3
 * (200 instances + 3 edge cases, 243 terms each), warm: 5 warm-up runs, then 15 timed runs; prints the
 * median and the quartiles. Run from the project root: bench/instantiation/run.sh
 */
public final class InstantiationBench {
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "bench/instantiation/iwelbo-k5.yaml");
        try (Cas cas = Cas.start()) {
            cas.warmUp();
            BatchChecker batch = new BatchChecker(cas, CheckOptions.defaults(), 1);
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long t0 = System.nanoTime();
                DerivationResult r = batch.checkOne(file);
                double t = (System.nanoTime() - t0) / 1e6;
                if (!r.steps().get(0).verdict().holds()) {
                    throw new IllegalStateException("expected the bound to hold: " + r);
                }
                if (i >= 5) {
                    ms.add(t);
                }
            }
            double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("IWELBO K=5, support 3, 203 instances: median %.1f ms per step (quartiles %.1f-%.1f ms, "
                    + "%d runs after 5 warm-up); target < 50 ms%n", a[a.length / 2], a[a.length / 4], a[3 * a.length / 4],
                    a.length);
            System.out.println(Arrays.toString(a));
        }
        System.exit(0);
    }
}
