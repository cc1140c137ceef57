package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.derivcheck.notation.ParseException;
import org.derivcheck.notation.Syntax;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * {@link Resolver}'s calls that are built from other calls: Sum and Product over an index, Gradient, Hessian,
 * Jacobian, Cov and Var (as expectations), IdentityMatrix, and psi'(a) (the trigamma function). Arguments are
 * resolved by the resolver, in its scope.
 */
final class OperatorCalls {
    private final Resolver r;

    OperatorCalls(Resolver r) {
        this.r = r;
    }

    IExpr prime(Syntax.Prime p) {
        Syntax.Call c = (Syntax.Call) p.fn();
        if (c.args().size() == 1 && (c.name().equals("psi") || c.name().equals("Psi") || c.name().equals("digamma")
                || c.name().equals("Digamma"))) {
            return F.PolyGamma(F.C1, r.resolve(c.args().get(0)));
        }
        if (c.args().size() == 1 && (c.name().equals("psi1") || c.name().equals("trigamma") || c.name().equals("Trigamma"))) {
            return F.PolyGamma(F.C2, r.resolve(c.args().get(0)));
        }
        throw new ParseException("a prime is only understood on psi (psi'(a) is the trigamma function); "
                + "write D(f, x) for other derivatives", p.column());
    }

    /** Sum(f, {n, lo, hi}): n is bound inside f. */
    IExpr sumOrProduct(Syntax.Call c) {
        if (c.args().size() != 2 || !(c.args().get(1) instanceof Syntax.ListLit it) || it.items().size() != 3
                || !(it.items().get(0) instanceof Syntax.Name idx)) {
            throw new ParseException(c.name() + "(f, {n, from, to}) expects a body and an iterator {n, from, to}", c.column());
        }
        // one symbol per index name and table, so that equal sums are equal expressions
        ISymbol n = r.table.symbol(idx.name()).orElseGet(() -> r.table.indexSymbol(idx.name()));
        IExpr lo = r.resolve(it.items().get(1));
        IExpr hi = r.resolve(it.items().get(2));
        Map<String, ISymbol> saved = r.scope;
        r.scope = new LinkedHashMap<>(r.scope);
        r.scope.put(idx.name(), n);
        try {
            IExpr body = r.resolve(c.args().get(0));
            return c.name().equals("Sum") ? F.Sum(body, F.List(n, lo, hi)) : F.Product(body, F.List(n, lo, hi));
        } finally {
            r.scope = saved;
        }
    }

    IExpr identity(Syntax.Call c) {
        if (c.args().size() != 1 || !(c.args().get(0) instanceof Syntax.Num n) || n.text().length() > 2) {
            throw new ParseException("IdentityMatrix(n) takes a small whole number", c.column());
        }
        return F.IdentityMatrix(Integer.parseInt(n.text()));
    }

    /** Cov(v, specs) = E[v v^T] - E[v] E[v]^T. */
    IExpr cov(Syntax.Call c) {
        if (c.args().size() < 2) {
            throw new ParseException("Cov(v, x ~ Family(...)) needs a vector and a distribution", c.column());
        }
        IExpr[] holder = new IExpr[1];
        IExpr outerExpectation = r.withSpecs(c, v -> {
            if (!v.isList()) {
                throw new ParseException("Cov(v, ...) needs a vector v; use Var(f, ...) for a scalar", c.column());
            }
            holder[0] = v;
            return F.ternaryAST3(S.Outer, S.Times, v, v);
        });
        IExpr mean = r.withSpecs(c, v -> v);
        return F.Subtract(outerExpectation, F.ternaryAST3(S.Outer, S.Times, mean, mean));
    }

    /** Var(f, specs) = E[f^2] - E[f]^2. */
    IExpr variance(Syntax.Call c) {
        if (c.args().size() < 2) {
            throw new ParseException("Var(f, x ~ Family(...)) needs an expression and a distribution", c.column());
        }
        IExpr second = r.withSpecs(c, f -> F.Sqr(f));
        IExpr mean = r.withSpecs(c, f -> f);
        return F.Subtract(second, F.Sqr(mean));
    }

    private List<IExpr> variables(Syntax s, String what) {
        if (!(s instanceof Syntax.ListLit l) || l.items().isEmpty()) {
            throw new ParseException(what + " needs a list of variables, e.g. {a, b}", s.column());
        }
        List<IExpr> vars = new ArrayList<>();
        for (Syntax item : l.items()) {
            IExpr v = r.resolve(item);
            if (!v.isSymbol()) {
                throw new ParseException(what + ": '" + item + "' is not a declared symbol", item.column());
            }
            vars.add(v);
        }
        return vars;
    }

    IExpr gradient(Syntax.Call c) {
        if (c.args().size() != 2) {
            throw new ParseException("Gradient(f, {x, y, ...}) takes a function and a list of variables", c.column());
        }
        IExpr f = r.resolve(c.args().get(0));
        IASTAppendable g = F.ListAlloc();
        for (IExpr v : variables(c.args().get(1), "Gradient")) {
            g.append(F.D(f, v));
        }
        return g;
    }

    IExpr hessian(Syntax.Call c) {
        if (c.args().size() != 2) {
            throw new ParseException("Hessian(f, {x, y, ...}) takes a function and a list of variables", c.column());
        }
        IExpr f = r.resolve(c.args().get(0));
        List<IExpr> vars = variables(c.args().get(1), "Hessian");
        IASTAppendable h = F.ListAlloc();
        for (IExpr vi : vars) {
            IASTAppendable row = F.ListAlloc();
            for (IExpr vj : vars) {
                row.append(F.D(F.D(f, vi), vj));
            }
            h.append(row);
        }
        return h;
    }

    IExpr jacobian(Syntax.Call c) {
        if (c.args().size() != 2) {
            throw new ParseException("Jacobian({f1, f2, ...}, {x, y, ...}) takes a vector and a list of variables", c.column());
        }
        IExpr f = r.resolve(c.args().get(0));
        if (!f.isList()) {
            throw new ParseException("Jacobian needs a vector of functions {f1, f2, ...}", c.args().get(0).column());
        }
        List<IExpr> vars = variables(c.args().get(1), "Jacobian");
        IASTAppendable j = F.ListAlloc();
        for (IExpr fi : (IAST) f) {
            IASTAppendable row = F.ListAlloc();
            for (IExpr v : vars) {
                row.append(F.D(fi, v));
            }
            j.append(row);
        }
        return j;
    }
}
