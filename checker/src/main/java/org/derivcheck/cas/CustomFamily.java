package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.derivcheck.notation.ChainReader;
import org.derivcheck.notation.Link;
import org.derivcheck.notation.ParseException;
import org.derivcheck.notation.Relation;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * A family a derivation declares by its log-density (up to an additive constant), support and
 * parameters ({@code families:} in derivations/README.md). It has no closed forms: its expectations
 * are decided by the deterministic fallback ({@link CustomLaws}: quadrature over the support, or a
 * series with a tail bound when discrete), normalized numerically. Its domain conditions become
 * parameter conditions of every expectation over it, as for the built-in families.
 */
record CustomFamily(String name, ISymbol head, List<ISymbol> params, ISymbol variable, IExpr logDensity,
        Optional<IExpr> lo, Optional<IExpr> hi, boolean discrete, List<Families.Req> domain) {

    /** Resolves a declaration in the table's names (the parameters and the variable are local to it). */
    static CustomFamily declare(Scope table, String name, List<String> params, String variable, String logDensity,
            Optional<String> min, Optional<String> max, boolean discrete, List<String> domain) {
        if (Families.byName(name).isPresent()) {
            throw new ParseException("'" + name + "' is a built-in family; give a declared family a name of its own", 1);
        }
        Map<String, ISymbol> scope = new LinkedHashMap<>();
        List<ISymbol> ps = new ArrayList<>();
        for (String p : params) {
            if (!p.matches("[A-Za-z][A-Za-z0-9_]*") || scope.containsKey(p)) {
                throw new ParseException("family '" + name + "': '" + p + "' is not a valid (or is a repeated) parameter name", 1);
            }
            ISymbol s = F.Dummy(p);
            table.nameBound(s, p);
            scope.put(p, s);
            ps.add(s);
        }
        if (!variable.matches("[A-Za-z][A-Za-z0-9_]*") || scope.containsKey(variable)) {
            throw new ParseException("family '" + name + "': the variable '" + variable + "' must be a name other than "
                    + "the parameters", 1);
        }
        Map<String, ISymbol> withParams = new LinkedHashMap<>(scope);
        Optional<IExpr> lo = min.map(t -> expression(table, withParams, t, name, "min"));
        Optional<IExpr> hi = max.map(t -> expression(table, withParams, t, name, "max"));
        List<Families.Req> reqs = new ArrayList<>();
        for (String d : domain) {
            reqs.add(requirement(table, withParams, d, name));
        }
        ISymbol x = F.Dummy(variable);
        table.nameBound(x, variable);
        Map<String, ISymbol> all = new LinkedHashMap<>(scope);
        all.put(variable, x);
        IExpr ld = expression(table, all, logDensity, name, "log_density");
        if (ld.isFree(x, true)) {
            throw new ParseException("family '" + name + "': the log-density does not depend on its variable '" + variable
                    + "'", 1);
        }
        if (!ld.isFree(e -> e == Ops.EXPECTATION, true)) {
            throw new ParseException("family '" + name + "': the log-density may not contain an expectation", 1);
        }
        return new CustomFamily(name, F.Dummy(name), List.copyOf(ps), x, ld, lo, hi, discrete, List.copyOf(reqs));
    }

    private static IExpr expression(Scope table, Map<String, ISymbol> scope, String text, String family, String what) {
        try {
            return new Resolver(table).withScope(scope).resolveSingle(text);
        } catch (ParseException e) {
            throw new ParseException("family '" + family + "', " + what + ": " + e.getMessage(), e.column());
        }
    }

    /** 'a > b' (strict), 'a >= b', 'a < b', 'a <= b' as a requirement expr > 0 or >= 0. */
    private static Families.Req requirement(Scope table, Map<String, ISymbol> scope, String text, String family) {
        List<Link> links = ChainReader.chain(text, "", 0).links();
        if (links.size() != 2 || links.get(1).relation().isEmpty() || links.get(1).relation().get() == Relation.EQUAL) {
            throw new ParseException("family '" + family + "', domain: '" + text + "' must be one inequality, e.g. 'l > 0'", 1);
        }
        Resolver r = new Resolver(table).withScope(scope);
        IExpr left = r.resolve(links.get(0).expr());
        IExpr right = new Resolver(table).withScope(scope).resolve(links.get(1).expr());
        Relation rel = links.get(1).relation().get();
        boolean greater = rel == Relation.GREATER || rel == Relation.GREATER_EQUAL;
        boolean strict = rel == Relation.GREATER || rel == Relation.LESS;
        IExpr e = greater ? F.Subtract(left, right) : F.Subtract(right, left);
        return new Families.Req(e, strict, false, "the domain '" + text.trim() + "' of " + family + ", i.e. "
                + (greater ? links.get(0).text().trim() + " - (" + links.get(1).text().trim() + ")"
                        : links.get(1).text().trim() + " - (" + links.get(0).text().trim() + ")") + ",");
    }

    String usage() {
        List<String> ns = new ArrayList<>();
        for (ISymbol p : params) {
            ns.add(p.getSymbolName());
        }
        return name + "(" + String.join(", ", ns) + ")";
    }

    /** The declaration's expression with the actual parameters in place of its own. */
    IExpr at(IExpr e, IAST fam) {
        Map<IExpr, IExpr> subst = new java.util.IdentityHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            subst.put(params.get(i), fam.getAt(i + 1));
        }
        return Resolver.substitute(e, subst);
    }

    /** The domain conditions at the actual parameters. */
    List<Families.Req> reqs(IAST fam) {
        List<Families.Req> out = new ArrayList<>();
        for (Families.Req r : domain) {
            out.add(new Families.Req(at(r.expr(), fam), r.strict(), r.integer(), r.what()));
        }
        return out;
    }
}
