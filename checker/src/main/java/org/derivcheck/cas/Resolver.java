package org.derivcheck.cas;

import org.derivcheck.notation.ParseException;
import org.derivcheck.notation.Syntax;
import org.derivcheck.notation.ChainReader;
import org.derivcheck.special.Digamma;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Turns a {@link Syntax} tree into a Symja expression, resolving every name against the symbol table,
 * the local scope and an allow-list of functions. Nothing outside the allow-list can be expressed, so
 * no file, network, process or reflection function of Symja is ever reachable from user input.
 */
final class Resolver {
    /** Largest literal exponent accepted: larger ones are a resource attack, not mathematics. */
    static final int MAX_EXPONENT = 1000;

    private record Fn(int minArgs, int maxArgs, Function<List<IExpr>, IExpr> build) {
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

    private final SymbolTable table;
    private Map<String, ISymbol> scope = new LinkedHashMap<>();

    Resolver(SymbolTable table) {
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
            return prime(p);
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
        ISymbol local = scope.get(name);
        if (local != null) {
            return local;
        }
        var sym = table.symbol(name);
        if (sym.isPresent()) {
            if (table.declared(name).map(SymbolTable.Declared::indexed).orElse(false)) {
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
            default:
                break;
        }
        if (FUNCTIONS.containsKey(name) || SPECIAL.contains(name)) {
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

    private IExpr prime(Syntax.Prime p) {
        Syntax.Call c = (Syntax.Call) p.fn();
        if (c.args().size() == 1 && (c.name().equals("psi") || c.name().equals("Psi") || c.name().equals("digamma")
                || c.name().equals("Digamma"))) {
            return F.PolyGamma(F.C1, resolve(c.args().get(0)));
        }
        if (c.args().size() == 1 && (c.name().equals("psi1") || c.name().equals("trigamma") || c.name().equals("Trigamma"))) {
            return F.PolyGamma(F.C2, resolve(c.args().get(0)));
        }
        throw new ParseException("a prime is only understood on psi (psi'(a) is the trigamma function); "
                + "write D(f, x) for other derivatives", p.column());
    }

    private IExpr call(Syntax.Call c) {
        String name = c.name();
        List<Syntax> args = c.args();
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
            return densityCall(c, dens.get());
        }
        if (c.given() >= 0) {
            throw new ParseException("'|' (given) is only understood in a density, e.g. p(z | x)", c.column());
        }
        if (name.equals("KL")) {
            return kl(c);
        }
        if (name.equals("Sum") && args.size() == 2 && args.get(1) instanceof Syntax.Name v && isFinite(v.name())) {
            return finiteSum(resolve(args.get(0)), v.name());
        }
        if (name.equals("D") && args.size() == 2 && args.get(1) instanceof Syntax.Call dc && table.density(dc.name()).isPresent()) {
            return entryDerivative(c, dc);
        }
        var sym = table.symbol(name);
        if (sym.isPresent() && !scope.containsKey(name)) {
            boolean indexed = table.declared(name).map(SymbolTable.Declared::indexed).orElse(false);
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
                return sumOrProduct(c);
            case "Expectation", "E":
                return expectation(c);
            case "Gradient", "Grad":
                return gradient(c);
            case "Hessian":
                return hessian(c);
            case "Jacobian":
                return jacobian(c);
            case "Cov":
                return cov(c);
            case "Var":
                return variance(c);
            case "IdentityMatrix":
                return identity(c);
            default:
                break;
        }
        Fn fn = FUNCTIONS.get(name);
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

    private boolean isFinite(String name) {
        return table.declared(name).map(SymbolTable.Declared::finite).orElse(false);
    }

    private ISymbol finiteSymbol(String name, int column) {
        if (!isFinite(name)) {
            throw new ParseException("'" + name + "' is not a declared finite variable", column);
        }
        return table.symbol(name).orElseThrow();
    }

    /** Sum over the finite support of a declared finite variable (which is bound inside). */
    private static IExpr finiteSum(IExpr body, String var, SymbolTable table) {
        return F.binaryAST2(Ops.FSUM, body, table.symbol(var).orElseThrow());
    }

    private IExpr finiteSum(IExpr body, String var) {
        return finiteSum(body, var, table);
    }

    /**
     * p(x, z) with all its variables; p(x) a marginal (the others summed out); p(z | x) a conditional,
     * p(x, z) / p(x). Arguments of marginals and conditionals must be the density's own variable names.
     */
    private IExpr densityCall(Syntax.Call c, SymbolTable.Density d) {
        ISymbol head = table.densityHead(d.name()).orElseThrow();
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
                resolved[i] = resolve(args.get(i));
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
    private IExpr marginal(ISymbol head, SymbolTable.Density d, List<String> keep) {
        IExpr[] all = new IExpr[d.variables().size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = table.symbol(d.variables().get(i)).orElseThrow();
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
    private IExpr kl(Syntax.Call c) {
        if (c.args().size() != 2 || !(c.args().get(0) instanceof Syntax.Call a) || table.density(a.name()).isEmpty()) {
            throw new ParseException("KL(q(z) || p(z | x)) compares two densities; the first must be a density call",
                    c.column());
        }
        IExpr qa = resolve(a);
        IExpr pb = resolve(c.args().get(1));
        IExpr body = F.Times(qa, F.Subtract(F.Log(qa), F.Log(pb)));
        int end = a.given() >= 0 ? a.given() : a.args().size();
        for (int i = 0; i < end; i++) {
            if (!(a.args().get(i) instanceof Syntax.Name n) || !isFinite(n.name())) {
                throw new ParseException("KL: the first density's arguments must be finite variables", a.args().get(i).column());
            }
            body = finiteSum(body, n.name());
        }
        return body;
    }

    /** D(F, q(z)): the derivative of F with respect to the table entry q(z), others held fixed. */
    private IExpr entryDerivative(Syntax.Call c, Syntax.Call dc) {
        SymbolTable.Density d = table.density(dc.name()).orElseThrow();
        if (dc.given() >= 0 || dc.args().size() != d.variables().size() || !d.params().isEmpty()) {
            throw new ParseException("D(F, q(z)) differentiates with respect to one table entry: give all of q's variables "
                    + "(and q may not have parameters)", dc.column());
        }
        List<IExpr> parts = new ArrayList<>();
        parts.add(resolve(c.args().get(0)));
        parts.add(table.densityHead(d.name()).orElseThrow());
        for (Syntax a : dc.args()) {
            parts.add(resolve(a));
        }
        return F.function(Ops.FD, parts.toArray(new IExpr[0]));
    }

    private IExpr identity(Syntax.Call c) {
        if (c.args().size() != 1 || !(c.args().get(0) instanceof Syntax.Num n) || n.text().length() > 2) {
            throw new ParseException("IdentityMatrix(n) takes a small whole number", c.column());
        }
        return F.IdentityMatrix(Integer.parseInt(n.text()));
    }

    static IExpr substitute(IExpr body, Map<IExpr, IExpr> subst) {
        return body.replaceAll(e -> subst.containsKey(e) ? subst.get(e) : F.NIL).orElse(body);
    }

    /** Sum(f, {n, lo, hi}): n is bound inside f. */
    private IExpr sumOrProduct(Syntax.Call c) {
        if (c.args().size() != 2 || !(c.args().get(1) instanceof Syntax.ListLit it) || it.items().size() != 3
                || !(it.items().get(0) instanceof Syntax.Name idx)) {
            throw new ParseException(c.name() + "(f, {n, from, to}) expects a body and an iterator {n, from, to}", c.column());
        }
        // one symbol per index name and table, so that equal sums are equal expressions
        ISymbol n = table.symbol(idx.name()).orElseGet(() -> table.indexSymbol(idx.name()));
        IExpr lo = resolve(it.items().get(1));
        IExpr hi = resolve(it.items().get(2));
        Map<String, ISymbol> saved = scope;
        scope = new LinkedHashMap<>(scope);
        scope.put(idx.name(), n);
        try {
            IExpr body = resolve(c.args().get(0));
            return c.name().equals("Sum") ? F.Sum(body, F.List(n, lo, hi)) : F.Product(body, F.List(n, lo, hi));
        } finally {
            scope = saved;
        }
    }

    /** One 'vars ~ Family(params)' spec, resolved; vars are bound for what follows. */
    private record Spec(List<ISymbol> vars, List<String> names, IExpr family) {
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
        Families.Family family = Families.byName(fam.name()).orElseThrow(() -> new ParseException("unknown family '"
                + fam.name() + "': use " + Families.catalogue(), fam.column()));
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
            SymbolTable.Density d = table.density(rn.name()).orElseThrow();
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

    private IExpr withSpecs(Syntax.Call c, Function<IExpr, IExpr> bodyTransform) {
        Map<String, ISymbol> saved = scope;
        scope = new LinkedHashMap<>(scope);
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
            List<IidSpec> iids = new ArrayList<>();
            for (int si = 0; si < specSyntax.size(); si++) {
                Syntax s = specSyntax.get(si);
                if (s instanceof Syntax.Bin ib && ib.op().equals("~") && ib.left() instanceof Syntax.Call zc
                        && isFinite(zc.name())) {
                    if (si + 1 >= specSyntax.size() || !(specSyntax.get(si + 1) instanceof Syntax.ListLit it)
                            || it.items().size() != 3) {
                        throw new ParseException("K independent draws are written z(k) ~ q, {k, 1, K}", s.column());
                    }
                    iids.add(iidSpec(zc, ib.right(), it));
                    si++;
                    continue;
                }
                Spec sp = spec(s);
                specs.add(sp);
                for (int i = 0; i < sp.vars().size(); i++) {
                    scope.put(sp.names().get(i), sp.vars().get(i));
                }
            }
            IExpr body = bodyTransform.apply(resolve(c.args().get(0)));
            for (int i = iids.size() - 1; i >= 0; i--) {
                IidSpec sp = iids.get(i);
                body = F.function(Ops.IID, body, sp.z(), sp.count(), sp.density());
            }
            for (int i = specs.size() - 1; i >= 0; i--) {
                Spec sp = specs.get(i);
                body = expectationNode(body, sp);
            }
            return body;
        } finally {
            scope = saved;
        }
    }

    private record IidSpec(ISymbol z, IExpr count, ISymbol density) {
    }

    private IidSpec iidSpec(Syntax.Call zc, Syntax right, Syntax.ListLit it) {
        boolean indexed = table.declared(zc.name()).map(SymbolTable.Declared::indexed).orElse(false);
        if (!indexed) {
            throw new ParseException("'" + zc.name() + "' must be declared {domain: finite, indexed: true} to draw "
                    + zc.name() + "(1), ..., " + zc.name() + "(K)", zc.column());
        }
        if (!(right instanceof Syntax.Name rn) || table.density(rn.name()).isEmpty()
                || table.density(rn.name()).get().variables().size() != 1) {
            throw new ParseException("independent draws z(k) ~ q need a density q of one variable", right.column());
        }
        if (!(it.items().get(1) instanceof Syntax.Num one) || !one.text().equals("1")) {
            throw new ParseException("draws are numbered from 1: {k, 1, K}", it.column());
        }
        IExpr count = resolve(it.items().get(2));
        return new IidSpec(table.symbol(zc.name()).orElseThrow(), count, table.densityHead(rn.name()).orElseThrow());
    }

    private static IExpr expectationNode(IExpr body, Spec sp) {
        return F.binaryAST2(Ops.EXPECTATION, body, F.binaryAST2(Ops.DIST, F.List(sp.vars().toArray(new IExpr[0])), sp.family()));
    }

    /** Cov(v, specs) = E[v v^T] - E[v] E[v]^T. */
    private IExpr cov(Syntax.Call c) {
        if (c.args().size() < 2) {
            throw new ParseException("Cov(v, x ~ Family(...)) needs a vector and a distribution", c.column());
        }
        IExpr[] holder = new IExpr[1];
        IExpr outerExpectation = withSpecs(c, v -> {
            if (!v.isList()) {
                throw new ParseException("Cov(v, ...) needs a vector v; use Var(f, ...) for a scalar", c.column());
            }
            holder[0] = v;
            return F.ternaryAST3(S.Outer, S.Times, v, v);
        });
        IExpr mean = withSpecs(c, v -> v);
        return F.Subtract(outerExpectation, F.ternaryAST3(S.Outer, S.Times, mean, mean));
    }

    /** Var(f, specs) = E[f^2] - E[f]^2. */
    private IExpr variance(Syntax.Call c) {
        if (c.args().size() < 2) {
            throw new ParseException("Var(f, x ~ Family(...)) needs an expression and a distribution", c.column());
        }
        IExpr second = withSpecs(c, f -> F.Sqr(f));
        IExpr mean = withSpecs(c, f -> f);
        return F.Subtract(second, F.Sqr(mean));
    }

    private List<IExpr> variables(Syntax s, String what) {
        if (!(s instanceof Syntax.ListLit l) || l.items().isEmpty()) {
            throw new ParseException(what + " needs a list of variables, e.g. {a, b}", s.column());
        }
        List<IExpr> vars = new ArrayList<>();
        for (Syntax item : l.items()) {
            IExpr v = resolve(item);
            if (!v.isSymbol()) {
                throw new ParseException(what + ": '" + item + "' is not a declared symbol", item.column());
            }
            vars.add(v);
        }
        return vars;
    }

    private IExpr gradient(Syntax.Call c) {
        if (c.args().size() != 2) {
            throw new ParseException("Gradient(f, {x, y, ...}) takes a function and a list of variables", c.column());
        }
        IExpr f = resolve(c.args().get(0));
        IASTAppendable g = F.ListAlloc();
        for (IExpr v : variables(c.args().get(1), "Gradient")) {
            g.append(F.D(f, v));
        }
        return g;
    }

    private IExpr hessian(Syntax.Call c) {
        if (c.args().size() != 2) {
            throw new ParseException("Hessian(f, {x, y, ...}) takes a function and a list of variables", c.column());
        }
        IExpr f = resolve(c.args().get(0));
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

    private IExpr jacobian(Syntax.Call c) {
        if (c.args().size() != 2) {
            throw new ParseException("Jacobian({f1, f2, ...}, {x, y, ...}) takes a vector and a list of variables", c.column());
        }
        IExpr f = resolve(c.args().get(0));
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
