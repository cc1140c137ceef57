package org.derivcheck.cas;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.ISymbol;

/** derivcheck's own heads, as symbols outside Symja's symbol table so no built-in rule ever fires on them. */
final class Ops {
    static {
        SymjaRuntime.engine(); // configure Symja before F loads
    }

    /** Expectation(f, Dist({vars}, family)). */
    static final ISymbol EXPECTATION = F.Dummy("Expectation");
    static final ISymbol DIST = F.Dummy("Distributed");
    static final ISymbol NORMAL = F.Dummy("Normal");
    static final ISymbol GAMMA = F.Dummy("GammaDist");
    static final ISymbol NORMAL_GAMMA = F.Dummy("NormalGamma");
    static final ISymbol EXPONENTIAL = F.Dummy("Exponential");
    static final ISymbol BERNOULLI = F.Dummy("Bernoulli");
    static final ISymbol UNIFORM = F.Dummy("Uniform");

    /** Weight of an expectation over abstract densities: DIST({vars}, ABSTRACT(weight)). */
    static final ISymbol ABSTRACT = F.Dummy("Abstract");
    /** FSUM(body, v): the sum of body over the finite support of variable v. */
    static final ISymbol FSUM = F.Dummy("FiniteSum");
    /** IID(body, z, K, density): expectation over K independent draws z(1..K) from a one-variable density. */
    static final ISymbol IID = F.Dummy("IidExpectation");
    /** FD(f, density, index...): derivative of f with respect to one table entry of a density. */
    static final ISymbol FD = F.Dummy("EntryDerivative");

    private static final java.util.Set<ISymbol> ALL = java.util.Set.of(EXPECTATION, DIST, NORMAL, GAMMA, NORMAL_GAMMA,
            EXPONENTIAL, BERNOULLI, UNIFORM, ABSTRACT, FSUM, IID, FD);

    private Ops() {
    }

    /** One of derivcheck's own heads (expectations, distributions, finite sums and draws, entry derivatives). */
    static boolean isOp(ISymbol h) {
        return ALL.contains(h) || Families.byHead(h).isPresent();
    }

    /** The family's user-facing name for messages. */
    static String familyName(ISymbol head) {
        return Families.byHead(head).map(Families.Family::name).orElse(head.getSymbolName());
    }
}
