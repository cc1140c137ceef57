// Benchmark harness: BBVI iterations per second of derivcheck's org.derivcheck.vi.Bbvi, set up like
// ../../../shared/anchors/numpy_bbvi.py (Normal-Gamma model, N = 100 points from N(1, 1/0.5), prior
// mu0 = 1, lambda0 = 0.1, a0 = 1, b0 = 2, start q = (0, 1, 2, 2), AdaGrad eta = 0.5, S samples per step),
// plain and with control variates. Run by run.sh in source-file mode against the built jar:
//   java -cp checker/target/derivcheck.jar:experiments/target/derivcheck-experiments.jar:experiments/target/lib/* \
//     bench/bbvi/BbviBench.java ITERS S REPEATS
// Each variant runs ITERS iterations REPEATS times in one JVM; the last run is the steady-state rate (the
// JIT needs a few hundred thousand iterations on a busy 2-core machine), the first is reported as "cold".
// Prints one line per variant in the anchor's format ("... cv=False: 123,456 it/s ...").

import org.derivcheck.vi.Bbvi;
import org.derivcheck.vi.BbviConfig;
import org.derivcheck.vi.BbviTrace;
import org.derivcheck.vi.Cavi;
import org.derivcheck.vi.Estimator;
import org.derivcheck.vi.NormalData;
import org.derivcheck.vi.NormalGammaModel;
import org.derivcheck.vi.NormalGammaPrior;
import org.derivcheck.vi.ProgressListener;
import org.derivcheck.vi.Rng;
import org.derivcheck.vi.StepRule;

public final class BbviBench {
    public static void main(String[] args) {
        int iters = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Rng rng = Rng.of(0);
        NormalGammaModel model = NormalGammaModel.of(NormalGammaPrior.REPORT,
                NormalData.of(NormalData.sample(1.0, 0.5, 100, rng)));
        System.out.println("cavi   " + Cavi.of(model).fixedPoint());
        for (Estimator e : new Estimator[] {Estimator.PLAIN, Estimator.CONTROL_VARIATES}) {
            // Trace only the start and the end: the timed loop is the algorithm alone, as in the anchor.
            BbviConfig timed = new BbviConfig(samples, iters, e, new StepRule.AdaGrad(0.5), BbviConfig.ANCHOR_INIT, iters);
            double cold = 0;
            double rate = 0;
            BbviTrace t = null;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                t = Bbvi.of(model).run(timed, rng.split(), ProgressListener.NONE);
                rate = iters / ((System.nanoTime() - t0) / 1e9);
                if (r == 0) {
                    cold = rate;
                }
            }
            String cv = e == Estimator.PLAIN ? "False" : "True";
            System.out.printf("derivcheck cv=%s: %,.0f it/s  (cold, JIT included: %,.0f it/s)  S=%d  w=%s%n", cv, rate,
                    cold, samples, t.last());
        }
    }
}
