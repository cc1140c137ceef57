package org.derivcheck.cas;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The functions user text may call, by every name derivcheck accepts for them, with their numbers of
 * arguments and the Symja expression each builds; and the names of the calls {@link Resolver} builds itself
 * (sums, expectations, gradients). Nothing else is reachable from user text.
 */
final class AllowList {
    private AllowList() {
    }

    record Fn(int minArgs, int maxArgs, Function<List<IExpr>, IExpr> build) {
    }

    private static final Map<String, Fn> FUNCTIONS = new HashMap<>();

    private static void fn(int min, int max, Function<List<IExpr>, IExpr> build, String... names) {
        for (String n : names) {
            FUNCTIONS.put(n, new Fn(min, max, build));
        }
    }

    static {
        fn(1, 2, a -> a.size() == 1 ? F.Log(a.get(0)) : F.Divide(F.Log(a.get(1)), F.Log(a.get(0))), "Log", "log", "ln", "Ln");
        fn(1, 1, a -> F.Exp(a.get(0)), "Exp", "exp");
        fn(1, 1, a -> F.Sqrt(a.get(0)), "Sqrt", "sqrt");
        fn(1, 1, a -> F.Abs(a.get(0)), "Abs", "abs");
        fn(1, 1, a -> F.Sin(a.get(0)), "Sin", "sin");
        fn(1, 1, a -> F.Cos(a.get(0)), "Cos", "cos");
        fn(1, 1, a -> F.Tan(a.get(0)), "Tan", "tan");
        fn(1, 1, a -> F.Sinh(a.get(0)), "Sinh", "sinh");
        fn(1, 1, a -> F.Cosh(a.get(0)), "Cosh", "cosh");
        fn(1, 1, a -> F.Tanh(a.get(0)), "Tanh", "tanh");
        fn(1, 1, a -> F.ArcTan(a.get(0)), "ArcTan", "arctan", "atan");
        fn(1, 1, a -> F.Erf(a.get(0)), "Erf", "erf");
        fn(1, 1, a -> F.Gamma(a.get(0)), "Gamma", "gamma", "GammaFunction");
        fn(1, 1, a -> F.LogGamma(a.get(0)), "LogGamma", "lgamma", "loggamma", "lnGamma", "gammaln");
        fn(2, 2, a -> F.PolyGamma(a.get(0), a.get(1)), "PolyGamma", "polygamma");
        fn(1, 1, a -> F.PolyGamma(F.C0, a.get(0)), "Digamma", "digamma", "psi", "Psi", "psi0");
        fn(1, 1, a -> F.PolyGamma(F.C1, a.get(0)), "Trigamma", "trigamma", "psi1");
        fn(2, 2, a -> F.Beta(a.get(0), a.get(1)), "Beta", "beta_fn");
        fn(2, 2, a -> F.Binomial(a.get(0), a.get(1)), "Binomial", "binomial");
        fn(1, 1, a -> F.Factorial(a.get(0)), "Factorial", "factorial");
        fn(2, 2, a -> F.Pochhammer(a.get(0), a.get(1)), "Pochhammer");
        fn(1, 1, a -> F.Divide(F.C1, F.Plus(F.C1, F.Exp(F.Negate(a.get(0))))), "Sigmoid", "sigmoid", "LogisticSigmoid");
        fn(1, 1, a -> F.Transpose(a.get(0)), "Transpose", "transpose");
        fn(1, 1, a -> F.Inverse(a.get(0)), "Inverse", "inverse", "inv");
        fn(1, 1, a -> F.Det(a.get(0)), "Det", "det");
        fn(1, 1, a -> F.Tr(a.get(0)), "Tr", "trace");
        fn(2, 8, a -> F.function(S.Dot, a.toArray(new IExpr[0])), "Dot");
        fn(1, 1, a -> F.DiagonalMatrix(a.get(0)), "DiagonalMatrix", "diag");
        fn(2, 2, a -> F.ternaryAST3(S.Outer, S.Times, a.get(0), a.get(1)), "Outer");
        fn(2, 8, a -> F.function(S.D, a.toArray(new IExpr[0])), "D");
        fn(2, 2, a -> F.Max(a.get(0), a.get(1)), "Max");
        fn(2, 2, a -> F.Min(a.get(0), a.get(1)), "Min");
        fn(1, 1, a -> F.IdentityMatrix(a.get(0).toIntDefault()), "IdentityMatrix");
    }

    private static final Set<String> SPECIAL = Set.of("Sum", "Product", "Expectation", "E", "Gradient", "Grad",
            "Hessian", "Jacobian", "Cov", "Var", "D", "IdentityMatrix");

    static boolean isReserved(String name) {
        return FUNCTIONS.containsKey(name) || SPECIAL.contains(name) || name.equals("Pi") || name.equals("Infinity");
    }

    /** Whether the name is a function user text may call (so not a symbol). */
    static boolean isFunction(String name) {
        return FUNCTIONS.containsKey(name) || SPECIAL.contains(name);
    }

    /** The allow-listed function of this name, or {@code null}. */
    static Fn function(String name) {
        return FUNCTIONS.get(name);
    }
}
