import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.derivcheck.cas.Cas;
import org.derivcheck.check.BatchChecker;
import org.derivcheck.check.CheckOptions;
import org.derivcheck.check.DerivationResult;

/**
 * Warm time per step of the family checks: Beta E[log(1 - t)] decided by quadrature (24 points, each an
 * integral to 1e-12) and by the table, and a Dirichlet step with K = 5 (the table). 5 warm-up runs, then
 * 15 timed runs; prints the median and quartiles.
 * Run from the project root: bench/families/run.sh
 */
public final class FamiliesBench {
    public static void main(String[] args) {
        String[] files = args.length > 0 ? args : new String[] {"bench/families/beta-log1m-quadrature.yaml",
                "bench/families/beta-log1m-table.yaml", "bench/families/dirichlet-k5.yaml"};
        try (Cas cas = Cas.start()) {
            cas.warmUp();
            BatchChecker batch = new BatchChecker(cas, CheckOptions.defaults(), 1);
            for (String f : files) {
                List<Double> ms = new ArrayList<>();
                String how = "";
                for (int i = 0; i < 20; i++) {
                    long t0 = System.nanoTime();
                    DerivationResult r = batch.checkOne(Path.of(f));
                    double t = (System.nanoTime() - t0) / 1e6 / r.steps().size();
                    if (!r.steps().get(0).verdict().holds()) {
                        throw new IllegalStateException("expected the step to hold: " + r);
                    }
                    how = r.steps().get(0).verdict() + " by " + r.steps().get(0).method();
                    if (i >= 5) {
                        ms.add(t);
                    }
                }
                double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf("%s (%s): median %.1f ms per step (quartiles %.1f-%.1f ms, %d runs after 5 warm-up); "
                        + "target <= 50 ms%n", f, how, a[a.length / 2], a[a.length / 4], a[3 * a.length / 4], a.length);
                System.out.println(Arrays.toString(a));
            }
        }
        System.exit(0);
    }
}
