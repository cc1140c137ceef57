package org.derivcheck.cas;

import org.derivcheck.notation.ParseException;
import org.derivcheck.notation.Syntax;
import org.derivcheck.notation.ChainReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Turns a {@link Syntax} tree into a Symja expression, resolving every name against the scope,
 * the local scope and an allow-list of functions ({@link AllowList}). Nothing outside the allow-list can be
 * expressed, so no file, network, process or reflection function of Symja is ever reachable from user input.
 * Calls of densities ({@link DensityCalls}) and of the operators built from other calls ({@link OperatorCalls})
 * are resolved by helpers that resolve their arguments here.
 */
final class Resolver {
    /** Largest literal exponent accepted: larger ones are a resource attack, not mathematics. */
    static final int MAX_EXPONENT = 1000;

    final Scope table;
    /** Names bound where they are used (function parameters, summation indices, integration variables). */
    Map<String, ISymbol> scope = new LinkedHashMap<>();
    /** Vector and matrix variables of an expectation (VectorFamilies): the name stands for its components. */
    Map<String, IExpr> vectors = new LinkedHashMap<>();
    /** Variables of a vector family of symbolic size K (SizedFamilies): the name's head applied to an index. */
    Map<String, ISymbol> sized = new LinkedHashMap<>();
    private final DensityCalls densities = new DensityCalls(this);
    private final FamilyCalls families = new FamilyCalls(this);
    private final OperatorCalls operators = new OperatorCalls(this);

    Resolver(Scope table) {
        this.table = table;
    }

    Resolver withScope(Map<String, ISymbol> s) {
        this.scope = new LinkedHashMap<>(s);
        return this;
    }

    IExpr resolveSingle(String text) {
        return resolve(ChainReader.single(text));
    }

    IExpr resolve(Syntax s) {
        if (s instanceof Syntax.Num n) {
            return number(n);
        }
        if (s instanceof Syntax.Name n) {
            return name(n);
        }
        if (s instanceof Syntax.Neg n) {
            return F.Negate(resolve(n.arg()));
        }
        if (s instanceof Syntax.ListLit l) {
            IASTAppendable list = F.ListAlloc(l.items().size());
            for (Syntax item : l.items()) {
                list.append(resolve(item));
            }
            return list;
        }
        if (s instanceof Syntax.Bin b) {
            return binary(b);
        }
        if (s instanceof Syntax.Prime p) {
            return operators.prime(p);
        }
        return call((Syntax.Call) s);
    }

    private IExpr number(Syntax.Num n) {
        String t = n.text();
        if (t.length() > 30) {
            throw new ParseException("number literal too long: " + t.substring(0, 12) + "...", n.column());
        }
        BigDecimal d = new BigDecimal(t);
        if (d.scale() <= 0) {
            BigInteger i = d.toBigIntegerExact();
            return F.ZZ(i);
        }
        // decimals are exact rationals: 0.5 is 1/2, so that Simplify can reach 0
        return F.QQ(F.ZZ(d.unscaledValue()), F.ZZ(BigInteger.TEN.pow(d.scale())));
    }

    private IExpr name(Syntax.Name n) {
        String name = n.name();
        IExpr vector = vectors.get(name);
        if (vector != null) {
            return vector;
        }
        if (sized.containsKey(name)) {
            throw new ParseException("'" + name + "' is a vector of K components (K a symbol): write " + name
                    + "(k), or sum over its components", n.column());
        }
        ISymbol local = scope.get(name);
        if (local != null) {
            return local;
        }
        var sym = table.symbol(name);
        if (sym.isPresent()) {
            if (table.declared(name).map(Scope.Declared::indexed).orElse(false)) {
                throw new ParseException("'" + name + "' is indexed data: write " + name + "(n) with an index", n.column());
            }
            return sym.get();
        }
        var def = table.definition(name);
        if (def.isPresent()) {
            if (!def.get().params().isEmpty()) {
                throw new ParseException("'" + name + "' is a function of " + def.get().params().size()
                        + " argument(s): write " + name + "(...)", n.column());
            }
            return def.get().body();
        }
        switch (name) {
            case "Pi", "pi":
                return S.Pi;
            case "E":
                return S.E;
            case "EulerGamma":
                return S.EulerGamma; // Euler's constant, for a context that maps \gamma to it
            default:
                break;
        }
        if (AllowList.isFunction(name)) {
            throw new ParseException("'" + name + "' is a function: write " + name + "(...)", n.column());
        }
        throw new ParseException("unknown symbol '" + name + "': declare it under 'symbols:' or define it under 'define:'",
                n.column());
    }

    private IExpr binary(Syntax.Bin b) {
        if (b.op().equals("~")) {
            throw new ParseException("'~' (distributed as) may only appear inside Expectation(f, x ~ Family(...)), "
                    + "Cov or Var", b.column());
        }
        if (b.op().equals("+") || b.op().equals("-") || b.op().equals("*")) {
            return chain(b);
        }
        IExpr l = resolve(b.left());
        IExpr r = resolve(b.right());
        return switch (b.op()) {
            case "+" -> flat(S.Plus, l, r);
            case "-" -> flat(S.Plus, l, F.Times(F.CN1, r));
            case "*" -> flat(S.Times, l, r);
            case "/" -> F.Divide(l, r);
            case "." -> F.Dot(l, r);
            case "^" -> {
                if (r.isInteger() && r.toIntDefault() == Integer.MIN_VALUE || r.isInteger() && Math.abs(r.toIntDefault()) > MAX_EXPONENT
                        || r.isRational() && !r.isInteger() && r.leafCount() > 3) {
                    throw new ParseException("exponent " + r + " is too large (the limit is " + MAX_EXPONENT + ")", b.column());
                }
                yield F.Power(l, r);
            }
            default -> throw new ParseException("unknown operator '" + b.op() + "'", b.column());
        };
    }

    /**
     * A left-nested run of sums (a + b - c + ...) or products, resolved without recursion along the run, so a
     * line of 50,000 terms needs no deeper stack than a short one.
     */
    private IExpr chain(Syntax.Bin b) {
        boolean sum = !b.op().equals("*");
        java.util.ArrayDeque<Syntax.Bin> spine = new java.util.ArrayDeque<>();
        Syntax s = b;
        while (s instanceof Syntax.Bin x && (sum ? x.op().equals("+") || x.op().equals("-") : x.op().equals("*"))) {
            spine.push(x);
            s = x.left();
        }
        IExpr acc = resolve(s);
        org.matheclipse.core.interfaces.IBuiltInSymbol head = sum ? S.Plus : S.Times;
        IASTAppendable out = F.ast(head);
        appendFlat(out, head, acc);
        while (!spine.isEmpty()) {
            Syntax.Bin x = spine.pop();
            IExpr r = resolve(x.right());
            appendFlat(out, head, x.op().equals("-") ? F.Times(F.CN1, r) : r);
        }
        return out;
    }

    private static void appendFlat(IASTAppendable out, IExpr head, IExpr x) {
        if (x.isAST(head)) {
            out.appendArgs((IAST) x);
        } else {
            out.append(x);
        }
    }

    /** a + b with nested sums (products) flattened, keeping the order written, so terms are numbered as written. */
    private static IExpr flat(org.matheclipse.core.interfaces.IBuiltInSymbol head, IExpr l, IExpr r) {
        IASTAppendable out = F.ast(head);
        for (IExpr x : new IExpr[] {l, r}) {
            if (x.isAST(head)) {
                out.appendArgs((IAST) x);
            } else {
                out.append(x);
            }
        }
        return out;
    }

    private IExpr call(Syntax.Call c) {
        String name = c.name();
        List<Syntax> args = c.args();
        if (vectors.containsKey(name)) {
            return families.component(c, vectors.get(name));
        }
        if (sized.containsKey(name)) {
            return families.sizedComponent(c, sized.get(name));
        }
        // local function parameters and user definitions come first
        var def = table.definition(name);
        if (def.isPresent() && !scope.containsKey(name)) {
            var d = def.get();
            if (d.params().size() != args.size()) {
                throw new ParseException("'" + name + "' takes " + d.params().size() + " argument(s), not " + args.size(), c.column());
            }
            if (d.params().isEmpty()) {
                throw new ParseException("'" + name + "' is not a function: write it without (...)", c.column());
            }
            Map<IExpr, IExpr> subst = new IdentityHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                subst.put(d.params().get(i), resolve(args.get(i)));
            }
            return substitute(d.body(), subst);
        }
        var dens = table.density(name);
        if (dens.isPresent() && !scope.containsKey(name)) {
            return densities.call(c, dens.get());
        }
        if (c.given() >= 0) {
            throw new ParseException("'|' (given) is only understood in a density, e.g. p(z | x)", c.column());
        }
        if (name.equals("KL")) {
            return densities.kl(c);
        }
        if (name.equals("Sum") && args.size() == 2 && args.get(1) instanceof Syntax.Name v && isFinite(v.name())) {
            return DensityCalls.finiteSum(resolve(args.get(0)), v.name(), table);
        }
        if (name.equals("D") && args.size() == 2 && args.get(1) instanceof Syntax.Call dc && table.density(dc.name()).isPresent()) {
            return densities.entryDerivative(c, dc);
        }
        var sym = table.symbol(name);
        if (sym.isPresent() && !scope.containsKey(name)) {
            boolean indexed = table.declared(name).map(Scope.Declared::indexed).orElse(false);
            if (!indexed) {
                throw new ParseException("'" + name + "' is a symbol, not a function: write " + name + "*(...) for a product",
                        c.column());
            }
            if (args.size() != 1) {
                throw new ParseException("indexed data '" + name + "' takes one index, e.g. " + name + "(n)", c.column());
            }
            return F.unaryAST1(sym.get(), resolve(args.get(0)));
        }
        switch (name) {
            case "Sum", "Product":
                return operators.sumOrProduct(c);
            case "Expectation", "E":
                return expectation(c);
            case "Gradient", "Grad":
                return operators.gradient(c);
            case "Hessian":
                return operators.hessian(c);
            case "Jacobian":
                return operators.jacobian(c);
            case "Cov":
                return operators.cov(c);
            case "Var":
                return operators.variance(c);
            case "IdentityMatrix":
                return operators.identity(c);
            default:
                break;
        }
        AllowList.Fn fn = AllowList.function(name);
        if (fn == null) {
            throw new ParseException("unknown function '" + name + "': it is not among the functions derivcheck evaluates "
                    + "(see derivations/README.md)", c.column());
        }
        if (args.size() < fn.minArgs() || args.size() > fn.maxArgs()) {
            String want = fn.minArgs() == fn.maxArgs() ? String.valueOf(fn.minArgs()) : fn.minArgs() + " to " + fn.maxArgs();
            throw new ParseException("'" + name + "' takes " + want + " argument(s), not " + args.size(), c.column());
        }
        List<IExpr> resolved = new ArrayList<>();
        for (Syntax a : args) {
            resolved.add(resolve(a));
        }
        if (name.equals("D")) {
            for (int i = 1; i < resolved.size(); i++) {
                IExpr v = resolved.get(i);
                IExpr var = v.isList() && v.argSize() == 2 ? v.first() : v;
                if (!var.isSymbol() && !(var.isAST() && var.head().isSymbol() && table.nameOf((ISymbol) var.head()) != null)) {
                    throw new ParseException("D(f, x): x must be a declared symbol", args.get(i).column());
                }
            }
        }
        return fn.build().apply(resolved);
    }

    boolean isFinite(String name) {
        return table.declared(name).map(Scope.Declared::finite).orElse(false);
    }

    private ISymbol finiteSymbol(String name, int column) {
        if (!isFinite(name)) {
            throw new ParseException("'" + name + "' is not a declared finite variable", column);
        }
        return table.symbol(name).orElseThrow();
    }

    static IExpr substitute(IExpr body, Map<IExpr, IExpr> subst) {
        return body.replaceAll(e -> subst.containsKey(e) ? subst.get(e) : F.NIL).orElse(body);
    }

    /** One 'vars ~ Family(params)' spec, resolved; vars are bound for what follows. */
    record Spec(List<ISymbol> vars, List<String> names, IExpr family) {
    }

    private Spec spec(Syntax s) {
        if (!(s instanceof Syntax.Bin b) || !b.op().equals("~")) {
            throw new ParseException("expected 'x ~ Family(params)', e.g. x ~ Gamma(a, b)", s.column());
        }
        List<Syntax.Name> varNames = new ArrayList<>();
        if (b.left() instanceof Syntax.Name n) {
            varNames.add(n);
        } else if (b.left() instanceof Syntax.ListLit l) {
            for (Syntax item : l.items()) {
                if (!(item instanceof Syntax.Name n)) {
                    throw new ParseException("the left side of '~' lists variable names", item.column());
                }
                varNames.add(n);
            }
        } else {
            throw new ParseException("the left side of '~' is a variable name or a list of names", b.left().column());
        }
        Syntax rightSide = b.right();
        boolean abstractName = rightSide instanceof Syntax.Name rn && table.density(rn.name()).isPresent();
        boolean abstractCall = rightSide instanceof Syntax.Call rc && table.density(rc.name()).isPresent();
        if (abstractName || abstractCall) {
            return abstractSpec(varNames, rightSide);
        }
        if (!(b.right() instanceof Syntax.Call fam)) {
            throw new ParseException("the right side of '~' is a family: " + Families.catalogue(), b.right().column());
        }
        var custom = table.family(fam.name());
        if (custom.isPresent()) {
            return families.customSpec(varNames, fam, custom.get());
        }
        Families.Family family = Families.byName(fam.name()).orElseThrow(() -> new ParseException("unknown family '"
                + fam.name() + "': use " + Families.catalogue(), fam.column()));
        if (family.nvars() == 0 || family.head() == Families.CATEGORICAL && varNames.size() > 1
                || SizedFamilies.takesSize(family) && fam.args().size() == family.params().size() + 1) {
            return families.vectorSpec(varNames, fam, family);
        }
        if (family.head() == Ops.NORMAL && fam.args().size() == 2 && resolve(fam.args().get(0)).isList()) {
            // N(m, S) with a mean vector is the multivariate Normal (\mathcal{N}(\mu, \Sigma) in LaTeX)
            return families.vectorSpec(varNames, fam, Families.byHead(Families.MV_NORMAL).orElseThrow());
        }
        ISymbol head = family.head();
        int arity = family.params().size();
        int nvars = family.nvars();
        if (fam.args().size() != arity) {
            throw new ParseException(fam.name() + " takes " + arity + " parameter(s), " + family.usage() + ", not "
                    + fam.args().size(), fam.column());
        }
        if (varNames.size() != nvars) {
            throw new ParseException(fam.name() + " is a distribution of " + nvars + " variable(s); "
                    + (nvars == 2 ? "write {mu, tau} ~ NormalGamma(m, lambda, a, b)" : "write x ~ " + fam.name() + "(...)"),
                    b.left().column());
        }
        List<IExpr> params = new ArrayList<>();
        for (Syntax a : fam.args()) {
            params.add(resolve(a));
        }
        List<ISymbol> vars = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Syntax.Name n : varNames) {
            // a declared symbol is integrated out as itself, so definitions that mention it follow
            ISymbol v = table.symbol(n.name()).filter(x -> !table.declared(n.name()).orElseThrow().indexed())
                    .orElseGet(() -> F.Dummy(n.name()));
            table.nameBound(v, n.name());
            vars.add(v);
            names.add(n.name());
        }
        return new Spec(vars, names, F.function(head, params.toArray(new IExpr[0])));
    }

    /** z ~ q (q over z), {x, z} ~ p, or z ~ p(z | x): finite variables weighted by the density's value. */
    private Spec abstractSpec(List<Syntax.Name> varNames, Syntax right) {
        List<ISymbol> vars = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Syntax.Name n : varNames) {
            vars.add(finiteSymbol(n.name(), n.column()));
            names.add(n.name());
        }
        IExpr weight;
        if (right instanceof Syntax.Name rn) {
            Scope.Density d = table.density(rn.name()).orElseThrow();
            if (!d.normalized()) {
                throw new ParseException("'" + d.name() + "' is a function, not a density: it cannot weight an expectation",
                        rn.column());
            }
            if (d.variables().size() != vars.size()) {
                throw new ParseException("'" + d.name() + "' is a density over " + d.variables() + ": write "
                        + d.variables() + " ~ " + d.name() + " or name the conditional, e.g. z ~ p(z | x)", rn.column());
            }
            weight = F.function(table.densityHead(d.name()).orElseThrow(), vars.toArray(new IExpr[0]));
        } else {
            weight = resolve(right);
        }
        return new Spec(vars, names, F.unaryAST1(Ops.ABSTRACT, weight));
    }

    /** Resolves f with the specs' variables bound, the first spec outermost. */
    private IExpr expectation(Syntax.Call c) {
        if (c.args().size() < 2) {
            throw new ParseException("Expectation(f, x ~ Family(...), ...) needs a body and at least one 'x ~ Family(...)'",
                    c.column());
        }
        return withSpecs(c, body -> body);
    }

    /** Resolves f with the specs' variables bound, {@code bodyTransform} applied to f inside the expectations. */
    IExpr withSpecs(Syntax.Call c, Function<IExpr, IExpr> bodyTransform) {
        Map<String, ISymbol> saved = scope;
        Map<String, IExpr> savedVectors = vectors;
        Map<String, ISymbol> savedSized = sized;
        scope = new LinkedHashMap<>(scope);
        vectors = new LinkedHashMap<>(vectors);
        sized = new LinkedHashMap<>(sized);
        try {
            List<Spec> specs = new ArrayList<>();
            List<Syntax> specSyntax = new ArrayList<>();
            for (Syntax s : c.args().subList(1, c.args().size())) {
                if (s instanceof Syntax.ListLit l && !l.items().isEmpty() && l.items().get(0) instanceof Syntax.Bin) {
                    specSyntax.addAll(l.items());
                } else {
                    specSyntax.add(s);
                }
            }
            List<DensityCalls.IidSpec> iids = new ArrayList<>();
            for (int si = 0; si < specSyntax.size(); si++) {
                Syntax s = specSyntax.get(si);
                if (s instanceof Syntax.Bin ib && ib.op().equals("~") && ib.left() instanceof Syntax.Call zc
                        && isFinite(zc.name())) {
                    if (si + 1 >= specSyntax.size() || !(specSyntax.get(si + 1) instanceof Syntax.ListLit it)
                            || it.items().size() != 3) {
                        throw new ParseException("K independent draws are written z(k) ~ q, {k, 1, K}", s.column());
                    }
                    iids.add(densities.iidSpec(zc, ib.right(), it));
                    si++;
                    continue;
                }
                Spec sp = spec(s);
                specs.add(sp);
                for (int i = 0; i < sp.vars().size(); i++) {
                    vectors.remove(sp.names().get(i));
                    if (sp.family().isAST() && sp.family().head() == SizedFamilies.SIZED) {
                        sized.put(sp.names().get(i), sp.vars().get(i));
                        scope.remove(sp.names().get(i));
                    } else {
                        scope.put(sp.names().get(i), sp.vars().get(i));
                        sized.remove(sp.names().get(i));
                    }
                }
            }
            IExpr body = bodyTransform.apply(resolve(c.args().get(0)));
            for (int i = iids.size() - 1; i >= 0; i--) {
                DensityCalls.IidSpec sp = iids.get(i);
                body = F.function(Ops.IID, body, sp.z(), sp.count(), sp.density());
            }
            for (int i = specs.size() - 1; i >= 0; i--) {
                Spec sp = specs.get(i);
                body = expectationNode(body, sp);
            }
            return body;
        } finally {
            scope = saved;
            vectors = savedVectors;
            sized = savedSized;
        }
    }

    private static IExpr expectationNode(IExpr body, Spec sp) {
        return F.binaryAST2(Ops.EXPECTATION, body, F.binaryAST2(Ops.DIST, F.List(sp.vars().toArray(new IExpr[0])), sp.family()));
    }
}
