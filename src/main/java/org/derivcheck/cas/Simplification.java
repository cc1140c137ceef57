package org.derivcheck.cas;

import java.util.Optional;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Tries to reduce a difference to exactly 0. Only an exact 0 counts: a result that is unevaluated, held,
 * floating-point or merely small proves nothing (see the Symja notes).
 */
final class Simplification {
    private Simplification() {
    }

    /** The name of the rule set that reached 0, or empty. */
    static Optional<String> provesZero(IExpr d, SymbolTable table, EvalEngine engine) {
        IExpr e = engine.evaluate(d);
        if (isExactZero(e)) {
            return Optional.of("evaluation");
        }
        // sums over data are atoms for the algebra: an identity that holds for every value of the atoms
        // holds for the sums (sound, and much faster than letting the CAS reason about Sum)
        e = atomizeSums(e);
        if (isExactZero(engine.evaluate(F.Together(F.ExpandAll(e))))) {
            return Optional.of("ExpandAll + Together");
        }
        IExpr logs = engine.evaluate(new LogRules(table).expand(e));
        if (!logs.equals(e) && isExactZero(engine.evaluate(F.Together(F.ExpandAll(logs))))) {
            return Optional.of("log rules for declared positive/real symbols + Together");
        }
        if (isExactZero(engine.evaluate(F.Simplify(logs)))) {
            return Optional.of("Simplify");
        }
        if (isExactZero(engine.evaluate(F.Simplify(F.FunctionExpand(logs))))) {
            return Optional.of("FunctionExpand + Simplify");
        }
        if (allPositive(e, table)) {
            // PowerExpand uses log(ab) = log a + log b and (a^b)^c = a^(bc): sound only when every symbol is positive
            if (isExactZero(engine.evaluate(F.Together(F.ExpandAll(F.PowerExpand(F.FunctionExpand(e))))))) {
                return Optional.of("FunctionExpand + PowerExpand + Together (all symbols positive)");
            }
        }
        return Optional.empty();
    }

    /** Replaces every Sum(...) and Product(...) by a symbol of its own (equal sums share one). */
    static IExpr atomizeSums(IExpr e) {
        java.util.Map<IExpr, IExpr> atoms = new java.util.HashMap<>();
        return e.replaceAll(x -> {
            if (x.isAST(org.matheclipse.core.expression.S.Sum) || x.isAST(org.matheclipse.core.expression.S.Product)) {
                return atoms.computeIfAbsent(x, k -> F.Dummy("sum" + atoms.size()));
            }
            return F.NIL;
        }).orElse(e);
    }

    private static boolean isExactZero(IExpr r) {
        return r.isZero() && (r.isInteger() || r.isRational());
    }

    /** True when every symbol in d is declared positive (indexed positive data included). */
    static boolean allPositive(IExpr d, SymbolTable table) {
        boolean[] ok = {true};
        d.isFree(x -> {
            if (x instanceof ISymbol s && table.nameOf(s) != null && !table.isPositive(s)) {
                ok[0] = false;
            }
            return false;
        }, true);
        return ok[0];
    }
}
