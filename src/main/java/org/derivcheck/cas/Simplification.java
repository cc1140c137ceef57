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
        if (isExactZero(engine.evaluate(d))) {
            return Optional.of("evaluation");
        }
        if (isExactZero(engine.evaluate(F.Simplify(d)))) {
            return Optional.of("Simplify");
        }
        if (isExactZero(engine.evaluate(F.Together(F.ExpandAll(d))))) {
            return Optional.of("Together(ExpandAll)");
        }
        if (isExactZero(engine.evaluate(F.Simplify(F.FunctionExpand(d))))) {
            return Optional.of("FunctionExpand + Simplify");
        }
        IExpr logs = new LogRules(table).expand(engine.evaluate(d));
        if (isExactZero(engine.evaluate(F.Simplify(F.ExpandAll(logs))))) {
            return Optional.of("log rules for declared positive/real symbols + Simplify");
        }
        if (allPositive(d, table)) {
            // PowerExpand uses log(ab) = log a + log b and (a^b)^c = a^(bc): sound only when every symbol is positive
            if (isExactZero(engine.evaluate(F.Simplify(F.PowerExpand(d))))) {
                return Optional.of("PowerExpand + Simplify (all symbols positive)");
            }
            if (isExactZero(engine.evaluate(F.Together(F.ExpandAll(F.PowerExpand(F.FunctionExpand(d))))))) {
                return Optional.of("FunctionExpand + PowerExpand + Together (all symbols positive)");
            }
        }
        return Optional.empty();
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
