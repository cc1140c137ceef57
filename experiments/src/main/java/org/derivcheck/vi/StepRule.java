package org.derivcheck.vi;

/** How BBVI turns a gradient estimate into a step on the unconstrained parameters. */
public sealed interface StepRule {
    /** The short name used on the command line and in file names. */
    String id();

    /** Robbins-Monro: rho_t = 1/(offset + t), t = 1, 2, ... (the report uses offset 1000). */
    record RobbinsMonro(double offset) implements StepRule {
        public RobbinsMonro {
            Checks.finite("offset", offset);
            if (offset < 0) {
                throw new IllegalArgumentException("offset must be >= 0, got " + offset);
            }
        }

        @Override
        public String id() {
            return "robbins-monro";
        }
    }

    /**
     * AdaGrad (Duchi et al. 2011), as in the BBVI paper's experiments: rho_{t,j} = eta / sqrt(G_j + 1e-8)
     * with G_j the running sum of squared gradient components.
     */
    record AdaGrad(double eta) implements StepRule {
        public AdaGrad {
            Checks.positive("eta", eta);
        }

        @Override
        public String id() {
            return "adagrad";
        }
    }
}
