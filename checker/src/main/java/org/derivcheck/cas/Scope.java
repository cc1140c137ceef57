package org.derivcheck.cas;

import org.derivcheck.notation.SourceTex;

import org.derivcheck.notation.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * The names one derivation (a derivation file, a document's context, a rubric with a submission's header)
 * declares: symbols (scalars, or indexed data such as x(n)), abstract densities and functions, declared families,
 * and definitions (constants and functions). Names are case-sensitive and never collide with Symja's built-ins:
 * each is a symbol of its own outside Symja's symbol table.
 *
 * <p>A scope is built once, in declaration order, by a {@link Builder} ({@link #builder()}), and is not changed
 * after {@link Builder#build()}; it holds no {@link Cas} and no engine (definitions with derivatives are
 * evaluated on a worker of their own under a time limit while the builder declares them). The only state a
 * built scope still gains is the interning of bound names met while resolving (summation indices, function
 * parameters), which declares nothing.
 */
public final class Scope {
    /** A declared name as the CAS sees it; {@code finite} names range over a small finite support. */
    public record Declared(String name, boolean positive, boolean indexed, boolean finite) {
        public Declared(String name, boolean positive, boolean indexed) {
            this(name, positive, indexed, false);
        }
    }

    /**
     * An abstract density (normalized over its variables, optionally given parameters) or an abstract
     * real function of finite variables.
     */
    public record Density(String name, List<String> variables, List<String> params, boolean normalized) {
        public Density {
            variables = List.copyOf(variables);
            params = List.copyOf(params);
        }
    }

    private final Map<String, Density> densities = new LinkedHashMap<>();
    private final Map<String, ISymbol> densityHeads = new LinkedHashMap<>();

    private void declareFinite(String name, boolean indexed) {
        checkNew(name);
        ISymbol s = F.Dummy(name);
        symbols.put(name, s);
        names.put(s, name);
        declared.put(name, new Declared(name, false, indexed, true));
    }

    private void declareDensity(Density d) {
        checkNew(d.name());
        for (String v : d.variables()) {
            Declared dv = declared.get(v);
            if (dv == null || !dv.finite()) {
                throw new ParseException("density '" + d.name() + "': '" + v + "' is not a declared finite variable", 1);
            }
        }
        for (String p : d.params()) {
            Declared dp = declared.get(p);
            if (dp == null || dp.finite() || dp.indexed()) {
                throw new ParseException("density '" + d.name() + "': parameter '" + p + "' is not a declared real symbol", 1);
            }
        }
        ISymbol h = F.Dummy(d.name());
        densityHeads.put(d.name(), h);
        names.put(h, d.name());
        densities.put(d.name(), d);
    }

    private final Map<String, CustomFamily> families = new LinkedHashMap<>();

    private void declareFamily(String name, List<String> params, String variable, String logDensity, Optional<String> min,
            Optional<String> max, boolean discrete, List<String> domain) {
        checkNew(name);
        if (families.containsKey(name)) {
            throw new ParseException("family '" + name + "' is declared twice", 1);
        }
        CustomFamily f = CustomFamily.declare(this, name, params, variable, logDensity, min, max, discrete, domain);
        families.put(name, f);
        names.put(f.head(), name);
    }

    Optional<CustomFamily> family(String name) {
        return Optional.ofNullable(families.get(name));
    }

    Optional<CustomFamily> familyByHead(IExpr head) {
        for (CustomFamily f : families.values()) {
            if (f.head() == head) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    Optional<Density> density(String name) {
        return Optional.ofNullable(densities.get(name));
    }

    Optional<ISymbol> densityHead(String name) {
        return Optional.ofNullable(densityHeads.get(name));
    }

    /** Abstract densities and functions, in declaration order. */
    public List<Density> densities() {
        return List.copyOf(densities.values());
    }

    boolean isDensityHead(IExpr h) {
        return h instanceof ISymbol s && densityHeads.containsValue(s) && densityHeads.get(names.get(s)) == s;
    }

    record Definition(String name, List<ISymbol> params, IExpr body) {
    }

    private final Map<String, ISymbol> symbols = new LinkedHashMap<>();
    private final Map<String, Declared> declared = new LinkedHashMap<>();
    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Map<ISymbol, String> names = new java.util.IdentityHashMap<>();

    private Scope() {
        SymjaRuntime.engine();
    }

    /** A scope that declares nothing (expressions of numbers and built-in functions alone). */
    public static Scope empty() {
        return new Scope();
    }

    /** A builder of a new scope: declare the names in order, then {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Declares the names of one scope in order (each over the names before it) and then hands the scope out once.
     * Definitions with derivatives are evaluated on a worker of their own under a time limit (definitions are
     * untrusted input too). Every method throws {@link ParseException} for a name that cannot be declared (the
     * message says why; the caller adds the line) and {@link IllegalStateException} after {@link #build()}.
     */
    public static final class Builder {
        private Scope scope = new Scope();

        private Builder() {
        }

        private Scope open() {
            if (scope == null) {
                throw new IllegalStateException("this scope is built already");
            }
            return scope;
        }

        /**
         * Declares a symbol.
         *
         * @param positive true when the symbol's domain lies in (0, inf): the CAS may then use log and power
         *                 rules that hold only for positive reals
         * @param indexed  true for data indexed by an integer, written x(n)
         */
        public Builder declare(String name, boolean positive, boolean indexed) {
            open().declare(name, positive, indexed);
            return this;
        }

        /** Declares a variable over a small finite support (sizes are chosen by each finite instance). */
        public Builder declareFinite(String name, boolean indexed) {
            open().declareFinite(name, indexed);
            return this;
        }

        /** Declares an abstract density (or function) over declared finite variables. */
        public Builder declareDensity(Density d) {
            open().declareDensity(d);
            return this;
        }

        /**
         * Declares a family by its log-density up to a constant (over {@code variable}, in terms of {@code params}
         * and earlier names), its support ends (empty: infinite) and its parameter domain ('l > 0', ...).
         */
        public Builder declareFamily(String name, List<String> params, String variable, String logDensity,
                Optional<String> min, Optional<String> max, boolean discrete, List<String> domain) {
            open().declareFamily(name, params, variable, logDensity, min, max, discrete, domain);
            return this;
        }

        /** Defines a constant name by an expression over earlier names. */
        public Builder define(String name, String text) {
            open().define(name, text);
            return this;
        }

        /** Defines a function name(params) by an expression over its parameters and earlier names. */
        public Builder defineFunction(String name, List<String> params, String text) {
            open().defineFunction(name, params, text);
            return this;
        }

        /** The scope declared so far; the builder declares nothing more. */
        public Scope build() {
            Scope s = open();
            scope = null;
            return s;
        }
    }

    private void declare(String name, boolean positive, boolean indexed) {
        checkNew(name);
        ISymbol s = F.Dummy(name);
        symbols.put(name, s);
        names.put(s, name);
        declared.put(name, new Declared(name, positive, indexed));
    }

    private void define(String name, String text) {
        checkNew(name);
        IExpr body = new Resolver(this).resolveSingle(text);
        definitions.put(name, new Definition(name, List.of(), body));
    }

    private void defineFunction(String name, List<String> params, String text) {
        checkNew(name);
        List<ISymbol> ps = new ArrayList<>();
        Map<String, ISymbol> scope = new LinkedHashMap<>();
        for (String p : params) {
            ISymbol s = F.Dummy(p);
            ps.add(s);
            scope.put(p, s);
            names.put(s, p);
        }
        IExpr body = new Resolver(this).withScope(scope).resolveSingle(text);
        if (!body.isFree(x -> x == org.matheclipse.core.expression.S.D, true)) {
            if (new Expr(body, this).isAbstract()) {
                // abstract densities never go to the CAS (it would treat q(z) as constant in phi); they are
                // differentiated numerically on finite instances, which needs the variable to stay a symbol
                for (IExpr d : derivatives(body)) {
                    for (int i = 2; i <= d.argSize(); i++) {
                        IExpr v = d.getAt(i).isList() ? d.getAt(i).first() : d.getAt(i);
                        if (ps.contains(v)) {
                            throw new ParseException("'" + name + "': an abstract expression cannot be differentiated "
                                    + "with respect to the function's own parameter '" + nameOf((ISymbol) v) + "'", 1);
                        }
                    }
                }
            } else {
                // derivatives with respect to a parameter are taken before arguments replace the parameters
                body = evaluateBounded(name, body);
            }
        }
        definitions.put(name, new Definition(name, List.copyOf(ps), body));
    }

    private void checkNew(String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new ParseException("'" + name + "' is not a valid name (letters, digits, '_'; starting with a letter)", 1);
        }
        if (symbols.containsKey(name) || definitions.containsKey(name) || densities.containsKey(name)) {
            throw new ParseException("'" + name + "' is declared twice", 1);
        }
        if (AllowList.isReserved(name)) {
            throw new ParseException("'" + name + "' is a built-in function name; choose another name", 1);
        }
    }

    /** Evaluates a definition's body on a worker under a time limit (definitions are untrusted input too). */
    private IExpr evaluateBounded(String name, IExpr body) {
        try {
            return Bounded.definition(() -> SymjaRuntime.engine().evaluate(Asts.deepCopy(body)), DEFINITION_MILLIS);
        } catch (CasException e) {
            throw new ParseException("'" + name + "': taking its derivatives failed: " + e.getMessage(), 1);
        }
    }

    private static final long DEFINITION_MILLIS = 5_000;

    private static List<IExpr> derivatives(IExpr e) {
        List<IExpr> out = new ArrayList<>();
        e.isFree(x -> {
            if (x.isAST(org.matheclipse.core.expression.S.D)) {
                out.add(x);
            }
            return false;
        }, true);
        return out;
    }

    public List<Declared> declared() {
        return List.copyOf(declared.values());
    }

    public Optional<Declared> declared(String name) {
        return Optional.ofNullable(declared.get(name));
    }

    public boolean isDefined(String name) {
        return definitions.containsKey(name);
    }

    /** What the printer of the user's own notation must know of these names ({@link SourceTex}). */
    public SourceTex.Names sourceNames() {
        java.util.Set<String> indexed = new java.util.HashSet<>();
        java.util.Set<String> finite = new java.util.HashSet<>();
        for (Declared d : declared.values()) {
            if (d.indexed()) {
                indexed.add(d.name());
            }
            if (d.finite()) {
                finite.add(d.name());
            }
        }
        java.util.Set<String> defined = new java.util.HashSet<>(definitions.keySet());
        defined.removeAll(declared.keySet());
        return new SourceTex.Names(densities.keySet(), indexed, finite, defined, Map.of());
    }

    Optional<ISymbol> symbol(String name) {
        return Optional.ofNullable(symbols.get(name));
    }

    Optional<Definition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /** User name of a symbol, for printing. */
    String nameOf(ISymbol s) {
        String n = names.get(s);
        return n != null ? n : null;
    }

    private final Map<String, ISymbol> indices = new LinkedHashMap<>();

    /** The bound summation index of this name (undeclared indices share one symbol per name). */
    ISymbol indexSymbol(String name) {
        return indices.computeIfAbsent(name, k -> {
            ISymbol s = F.Dummy(k);
            names.put(s, k);
            return s;
        });
    }

    void nameBound(ISymbol s, String name) {
        names.put(s, name);
    }

    Map<String, ISymbol> symbolMap() {
        return Collections.unmodifiableMap(symbols);
    }

    boolean isPositive(ISymbol s) {
        String n = names.get(s);
        Declared d = n == null ? null : declared.get(n);
        return d != null && d.positive() && symbols.get(n) == s;
    }
}
