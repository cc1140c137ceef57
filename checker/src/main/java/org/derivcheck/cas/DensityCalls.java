package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.List;
import org.derivcheck.notation.ParseException;
import org.derivcheck.notation.Syntax;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * {@link Resolver}'s calls of abstract densities: a joint p(x, z), a marginal p(x) (the other variables summed
 * out), a conditional p(z | x) = p(x, z) / p(x), KL(q || p), the derivative with respect to one table entry
 * D(F, q(z)), and K independent draws z(k) ~ q. Arguments are resolved by the resolver, in its scope.
 */
final class DensityCalls {
    private final Resolver r;

    DensityCalls(Resolver r) {
        this.r = r;
    }

    /** Sum over the finite support of a declared finite variable (which is bound inside). */
    static IExpr finiteSum(IExpr body, String var, Scope table) {
        return F.binaryAST2(Ops.FSUM, body, table.symbol(var).orElseThrow());
    }

    private IExpr finiteSum(IExpr body, String var) {
        return finiteSum(body, var, r.table);
    }

    /**
     * p(x, z) with all its variables; p(x) a marginal (the others summed out); p(z | x) a conditional,
     * p(x, z) / p(x). Arguments of marginals and conditionals must be the density's own variable names.
     */
    IExpr call(Syntax.Call c, Scope.Density d) {
        ISymbol head = r.table.densityHead(d.name()).orElseThrow();
        List<Syntax> args = c.args();
        if (c.given() < 0 && args.size() == d.variables().size()) {
            boolean byName = true;
            for (int i = 0; i < args.size(); i++) {
                if (!(args.get(i) instanceof Syntax.Name n) || !n.name().equals(d.variables().get(i))) {
                    byName = false;
                }
            }
            IExpr[] resolved = new IExpr[args.size()];
            for (int i = 0; i < args.size(); i++) {
                resolved[i] = r.resolve(args.get(i));
            }
            return F.function(head, resolved);
        }
        if (!d.normalized()) {
            throw new ParseException("'" + d.name() + "' is a function of " + d.variables() + ": give all its arguments",
                    c.column());
        }
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (!(args.get(i) instanceof Syntax.Name n) || !d.variables().contains(n.name())) {
                throw new ParseException("a marginal or conditional of '" + d.name() + "' names its variables "
                        + d.variables() + ", e.g. " + d.name() + "(" + d.variables().get(0) + ")", args.get(i).column());
            }
            (c.given() >= 0 && i >= c.given() ? right : left).add(n.name());
        }
        IExpr joint = marginal(head, d, union(left, right));
        if (right.isEmpty()) {
            return joint;
        }
        return F.Times(joint, F.Power(marginal(head, d, right), F.CN1));
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> u = new ArrayList<>(a);
        for (String x : b) {
            if (!u.contains(x)) {
                u.add(x);
            }
        }
        return u;
    }

    /** The density with the variables not in keep summed out. */
    private IExpr marginal(ISymbol head, Scope.Density d, List<String> keep) {
        IExpr[] all = new IExpr[d.variables().size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = r.table.symbol(d.variables().get(i)).orElseThrow();
        }
        IExpr e = F.function(head, all);
        for (String v : d.variables()) {
            if (!keep.contains(v)) {
                e = finiteSum(e, v);
            }
        }
        return e;
    }

    /** KL(A || B) = sum over A's variables of A (log A - log B). */
    IExpr kl(Syntax.Call c) {
        if (c.args().size() != 2 || !(c.args().get(0) instanceof Syntax.Call a) || r.table.density(a.name()).isEmpty()) {
            throw new ParseException("KL(q(z) || p(z | x)) compares two densities; the first must be a density call",
                    c.column());
        }
        IExpr qa = r.resolve(a);
        IExpr pb = r.resolve(c.args().get(1));
        IExpr body = F.Times(qa, F.Subtract(F.Log(qa), F.Log(pb)));
        int end = a.given() >= 0 ? a.given() : a.args().size();
        for (int i = 0; i < end; i++) {
            if (!(a.args().get(i) instanceof Syntax.Name n) || !r.isFinite(n.name())) {
                throw new ParseException("KL: the first density's arguments must be finite variables", a.args().get(i).column());
            }
            body = finiteSum(body, n.name());
        }
        return body;
    }

    /** D(F, q(z)): the derivative of F with respect to the table entry q(z), others held fixed. */
    IExpr entryDerivative(Syntax.Call c, Syntax.Call dc) {
        Scope.Density d = r.table.density(dc.name()).orElseThrow();
        if (dc.given() >= 0 || dc.args().size() != d.variables().size() || !d.params().isEmpty()) {
            throw new ParseException("D(F, q(z)) differentiates with respect to one table entry: give all of q's variables "
                    + "(and q may not have parameters)", dc.column());
        }
        List<IExpr> parts = new ArrayList<>();
        parts.add(r.resolve(c.args().get(0)));
        parts.add(r.table.densityHead(d.name()).orElseThrow());
        for (Syntax a : dc.args()) {
            parts.add(r.resolve(a));
        }
        return F.function(Ops.FD, parts.toArray(new IExpr[0]));
    }

    /** K independent draws z(1..K) from a density of one variable. */
    record IidSpec(ISymbol z, IExpr count, ISymbol density) {
    }

    IidSpec iidSpec(Syntax.Call zc, Syntax right, Syntax.ListLit it) {
        boolean indexed = r.table.declared(zc.name()).map(Scope.Declared::indexed).orElse(false);
        if (!indexed) {
            throw new ParseException("'" + zc.name() + "' must be declared {domain: finite, indexed: true} to draw "
                    + zc.name() + "(1), ..., " + zc.name() + "(K)", zc.column());
        }
        if (!(right instanceof Syntax.Name rn) || r.table.density(rn.name()).isEmpty()
                || r.table.density(rn.name()).get().variables().size() != 1) {
            throw new ParseException("independent draws z(k) ~ q need a density q of one variable", right.column());
        }
        if (!(it.items().get(1) instanceof Syntax.Num one) || !one.text().equals("1")) {
            throw new ParseException("draws are numbered from 1: {k, 1, K}", it.column());
        }
        IExpr count = r.resolve(it.items().get(2));
        return new IidSpec(r.table.symbol(zc.name()).orElseThrow(), count, r.table.densityHead(rn.name()).orElseThrow());
    }
}
