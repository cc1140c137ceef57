package org.derivcheck.grade;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.derivcheck.derivation.Definition;
import org.derivcheck.notation.ChainReader;
import org.derivcheck.notation.ParseException;
import org.derivcheck.notation.Syntax;
import org.derivcheck.grade.CanonParts.Q;
import org.derivcheck.grade.CanonParts.Sum;
import static org.derivcheck.grade.CanonParts.ONE;
import static org.derivcheck.grade.CanonParts.ZERO;

/**
 * The spelling of an expression up to rewriting that does no work, for the reach rules ({@link Reach}): two
 * expressions with the same canonical form are the same expression written differently, so a chain from one to the
 * other derives nothing. The form is computed on derivcheck's syntax tree, without the CAS:
 * <ul>
 * <li>sums and products flattened, their terms and factors in a fixed order (reordering, regrouping and
 * parentheses vanish), numbers exact rationals ({@code 0.5} is {@code 1/2}), terms {@code + 0} and factors
 * {@code * 1} gone, like terms and like factors collected ({@code 2X - X} is {@code X}, {@code X X / X} is
 * {@code X}), a quotient a product with a negative power;</li>
 * <li>integer powers of a product or power distributed; a non-integer power only of a plain factor
 * ({@code Sqrt(x^2)} stays {@code |x|}'s own spelling, never {@code x});</li>
 * <li>no expansion of a product of sums (that is work), no function identities;</li>
 * <li>bound variables (the index of {@code Sum}/{@code Product}, the variable of an expectation's {@code x ~ ...})
 * renamed by position, so {@code Sum(y(n), {n, 1, N})} and {@code Sum(y(m), {m, 1, N})} are the same;</li>
 * <li>with {@link #unfolding}, every name or call of a definition (the rubric's and the submission's) replaced by its
 * body, so {@code T} and its definition {@code Sqrt(x^2)} are the same.</li>
 * </ul>
 * A form that would grow past a size budget (hostile definitions) is empty: the rules then decide nothing from it.
 * {@link #expanding} also expands products of sums and their small integer powers: the form a final line is compared
 * with the target's right side in ({@code 3(x^2 - 1)} is {@code 3x^2 - 3}; {@code (a + b)^2 (sin(a)^2 + cos(a)^2)} is
 * not {@code a^2 + 2ab + b^2}).
 */
final class Canon {
    private static final int BUDGET = 20_000;
    private static final int MAX_DEPTH = 200;

    private final Map<String, Def> defs;
    private final boolean expand;

    private record Def(List<String> params, Syntax body) {
    }

    private Canon(Map<String, Def> defs, boolean expand) {
        this.defs = defs;
        this.expand = expand;
    }

    /** Canonical forms without definitions written out. */
    static Canon plain() {
        return new Canon(Map.of(), false);
    }

    /** Canonical forms with every definition written out and products of sums expanded. */
    static Canon expanding(List<Definition> definitions) {
        return new Canon(unfolding(definitions).defs, true);
    }

    /** Canonical forms with every definition written out (a definition that does not parse is left as its name). */
    static Canon unfolding(List<Definition> definitions) {
        Map<String, Def> m = new HashMap<>();
        for (Definition d : definitions) {
            try {
                m.put(d.name(), new Def(d.params(), ChainReader.single(d.text())));
            } catch (ParseException | IllegalArgumentException e) {
                // left as its name
            }
        }
        return new Canon(m, false);
    }

    /** The canonical form of derivcheck text, or empty when it does not parse or exceeds the size budget. */
    Optional<String> of(String text) {
        try {
            return of(ChainReader.single(text));
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Optional<String> of(Syntax s) {
        try {
            Walk w = new Walk();
            return Optional.of(w.sum(s, new HashMap<>(), 0).toString());
        } catch (TooBig e) {
            return Optional.empty();
        }
    }

    /** True when both texts have a canonical form and it is the same. */
    boolean same(String a, String b) {
        Optional<String> x = of(a);
        return x.isPresent() && x.equals(of(b));
    }

    /**
     * True when {@code whole} still holds {@code part} (definitions written out): a sub-expression of the same form, a
     * sum with all of its terms and more, or a product with all of its factors and more. A final line equal to the
     * answer in value that holds the left side's definition so ({@code (a + b)^2 (sin(a)^2 + cos(a)^2)} for
     * {@code S: (a + b)^2}) is that definition padded with a disguised 1 or 0: it derives nothing. A part that is one
     * name or a number is never looked for.
     */
    boolean holds(String whole, String part) {
        try {
            Syntax w = ChainReader.single(whole);
            Sum p = new Walk().sum(ChainReader.single(part), new HashMap<>(), 0);
            if (atomic(p)) {
                return false;
            }
            return holds(w, p, new int[] {0});
        } catch (ParseException | IllegalArgumentException | TooBig e) {
            return false;
        }
    }

    private boolean holds(Syntax node, Sum p, int[] visited) {
        if (++visited[0] > 400) {
            throw new TooBig();
        }
        Sum w = new Walk().sum(node, new HashMap<>(), 0);
        if (w.toString().equals(p.toString()) || padded(w, p)) {
            return true;
        }
        List<Syntax> kids = new ArrayList<>();
        if (node instanceof Syntax.Neg n) {
            kids.add(n.arg());
        } else if (node instanceof Syntax.Bin b) {
            kids.add(b.left());
            kids.add(b.right());
        } else if (node instanceof Syntax.Call c) {
            kids.addAll(c.args());
        } else if (node instanceof Syntax.ListLit l) {
            kids.addAll(l.items());
        }
        for (Syntax k : kids) {
            if (holds(k, p, visited)) {
                return true;
            }
        }
        return false;
    }

    /** A sum with every term of {@code p} (same coefficients) and more, or one term with every factor of {@code p}'s and more. */
    private static boolean padded(Sum w, Sum p) {
        if (p.coeff.size() > 1) {
            return w.coeff.size() > p.coeff.size() && p.coeff.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(w.coeff.get(e.getKey())));
        }
        if (p.coeff.size() != 1 || w.coeff.size() != 1) {
            return false;
        }
        Map<String, Q> pf = p.factors.get(p.coeff.firstKey());
        Map<String, Q> wf = w.factors.get(w.coeff.firstKey());
        return !pf.isEmpty() && wf.size() > pf.size() && pf.entrySet().stream().allMatch(e -> e.getValue().equals(wf.get(e.getKey())));
    }

    private static boolean atomic(Sum p) {
        if (p.coeff.size() != 1) {
            return p.coeff.isEmpty();
        }
        Map<String, Q> f = p.factors.get(p.coeff.firstKey());
        return f.isEmpty() || f.size() == 1 && f.values().iterator().next().isOne()
                && f.keySet().iterator().next().matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    private static final class TooBig extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooBig() {
            super(null, null, false, false);
        }
    }

    private final class Walk {
        int nodes;

        Sum sum(Syntax s, Map<String, String> renamed, int depth) {
            if (++nodes > BUDGET || depth > MAX_DEPTH) {
                throw new TooBig();
            }
            if (s instanceof Syntax.Num n) {
                return number(n.text());
            }
            if (s instanceof Syntax.Name n) {
                return name(n.name(), renamed, depth);
            }
            if (s instanceof Syntax.Neg n) {
                return scale(sum(n.arg(), renamed, depth + 1), Q.of(BigInteger.ONE.negate(), BigInteger.ONE));
            }
            if (s instanceof Syntax.Bin b) {
                return bin(b, renamed, depth);
            }
            if (s instanceof Syntax.Call c) {
                return call(c, renamed, depth);
            }
            if (s instanceof Syntax.ListLit l) {
                return Sum.atom("{" + join(l.items(), renamed, depth) + "}");
            }
            Syntax.Prime p = (Syntax.Prime) s;
            return Sum.atom("prime(" + sum(p.fn(), renamed, depth + 1) + ")");
        }

        private String join(List<Syntax> items, Map<String, String> renamed, int depth) {
            StringBuilder sb = new StringBuilder();
            for (Syntax x : items) {
                sb.append(sb.length() == 0 ? "" : ", ").append(sum(x, renamed, depth + 1));
                if (sb.length() > 200_000) {
                    throw new TooBig();
                }
            }
            return sb.toString();
        }

        private Sum number(String text) {
            try {
                BigDecimal d = new BigDecimal(text);
                if (Math.abs(d.scale()) > 400) {
                    return Sum.atom(text);
                }
                BigInteger unscaled = d.unscaledValue();
                return d.scale() >= 0 ? Sum.constant(Q.of(unscaled, BigInteger.TEN.pow(d.scale())))
                        : Sum.constant(Q.of(unscaled.multiply(BigInteger.TEN.pow(-d.scale())), BigInteger.ONE));
            } catch (NumberFormatException e) {
                return Sum.atom(text);
            }
        }

        private Sum name(String n, Map<String, String> renamed, int depth) {
            if (renamed.containsKey(n)) {
                return Sum.atom(renamed.get(n));
            }
            Def d = defs.get(n);
            if (d != null && d.params().isEmpty()) {
                return sum(d.body(), Map.of(), depth + 1);
            }
            return Sum.atom(n);
        }

        private Sum bin(Syntax.Bin b, Map<String, String> renamed, int depth) {
            switch (b.op()) {
                case "+":
                    return plus(sum(b.left(), renamed, depth + 1), sum(b.right(), renamed, depth + 1));
                case "-":
                    return plus(sum(b.left(), renamed, depth + 1), scale(sum(b.right(), renamed, depth + 1),
                            Q.of(BigInteger.ONE.negate(), BigInteger.ONE)));
                case "*":
                    return times(sum(b.left(), renamed, depth + 1), sum(b.right(), renamed, depth + 1), expand);
                case "/":
                    return times(sum(b.left(), renamed, depth + 1), power(sum(b.right(), renamed, depth + 1),
                            Sum.constant(Q.of(BigInteger.ONE.negate(), BigInteger.ONE)), false), expand);
                case "^":
                    return power(sum(b.left(), renamed, depth + 1), sum(b.right(), renamed, depth + 1), expand);
                default:
                    // '.' (matrix product, not commutative) and '~': kept in order
                    return Sum.atom(b.op() + "(" + sum(b.left(), renamed, depth + 1) + ", " + sum(b.right(), renamed, depth + 1)
                            + ")");
            }
        }

        private Sum call(Syntax.Call c, Map<String, String> renamed, int depth) {
            Def d = defs.get(c.name());
            if (d != null && d.params().size() == c.args().size() && !d.params().isEmpty() && c.given() < 0) {
                // the body with the arguments' syntax put in for the parameters, read in the caller's bound names
                Map<String, Syntax> args = new HashMap<>();
                for (int i = 0; i < d.params().size(); i++) {
                    args.put(d.params().get(i), c.args().get(i));
                }
                return sum(substitute(d.body(), args, depth + 1), renamed, depth + 1);
            }
            if (c.name().equals("Sqrt") && c.args().size() == 1) {
                return power(sum(c.args().get(0), renamed, depth + 1), Sum.constant(Q.of(BigInteger.ONE, BigInteger.TWO)),
                        false);
            }
            Map<String, String> inner = renamed;
            List<Syntax> args = c.args();
            // a bound variable is named by how many binders enclose it (de Bruijn levels): alpha-equivalent sums agree
            String level = "%b" + (1 + renamed.values().stream().filter(v -> v.startsWith("%b")).count());
            if ((c.name().equals("Sum") || c.name().equals("Product")) && args.size() == 2
                    && args.get(1) instanceof Syntax.ListLit it && !it.items().isEmpty()
                    && it.items().get(0) instanceof Syntax.Name idx) {
                inner = new HashMap<>(renamed);
                inner.put(idx.name(), level);
            } else if (c.name().equals("Expectation") || c.name().equals("E") || c.name().equals("Var")
                    || c.name().equals("Cov")) {
                inner = new HashMap<>(renamed);
                for (Syntax a : args.subList(Math.min(1, args.size()), args.size())) {
                    List<Syntax> specs = a instanceof Syntax.ListLit l ? l.items() : List.of(a);
                    for (Syntax sp : specs) {
                        if (sp instanceof Syntax.Bin sb && sb.op().equals("~") && sb.left() instanceof Syntax.Name v) {
                            inner.put(v.name(), level + "." + inner.size());
                        }
                    }
                }
            }
            StringBuilder sb = new StringBuilder(c.name()).append('(');
            for (int i = 0; i < args.size(); i++) {
                sb.append(i == 0 ? "" : i == c.given() ? " | " : ", ").append(sum(args.get(i), inner, depth + 1));
                if (sb.length() > 200_000) {
                    throw new TooBig();
                }
            }
            return Sum.atom(sb.append(')').toString());
        }

        private Syntax substitute(Syntax s, Map<String, Syntax> args, int depth) {
            if (++nodes > BUDGET || depth > MAX_DEPTH) {
                throw new TooBig();
            }
            if (s instanceof Syntax.Name n) {
                return args.getOrDefault(n.name(), n);
            }
            if (s instanceof Syntax.Neg n) {
                return new Syntax.Neg(substitute(n.arg(), args, depth + 1), n.column());
            }
            if (s instanceof Syntax.Bin b) {
                return new Syntax.Bin(b.op(), substitute(b.left(), args, depth + 1), substitute(b.right(), args, depth + 1),
                        b.column());
            }
            if (s instanceof Syntax.Call c) {
                List<Syntax> a = new ArrayList<>();
                for (Syntax x : c.args()) {
                    a.add(substitute(x, args, depth + 1));
                }
                return new Syntax.Call(c.name(), a, c.column(), c.given());
            }
            if (s instanceof Syntax.ListLit l) {
                List<Syntax> a = new ArrayList<>();
                for (Syntax x : l.items()) {
                    a.add(substitute(x, args, depth + 1));
                }
                return new Syntax.ListLit(a, l.column());
            }
            if (s instanceof Syntax.Prime p) {
                return new Syntax.Prime(substitute(p.fn(), args, depth + 1), p.column());
            }
            return s;
        }
    }

    private static Sum plus(Sum a, Sum b) {
        Sum out = new Sum();
        for (String k : a.coeff.keySet()) {
            out.add(a.factors.get(k), a.coeff.get(k));
        }
        for (String k : b.coeff.keySet()) {
            out.add(b.factors.get(k), b.coeff.get(k));
        }
        return out;
    }

    private static Sum scale(Sum a, Q q) {
        Sum out = new Sum();
        if (q.isZero()) {
            return out;
        }
        for (String k : a.coeff.keySet()) {
            out.add(a.factors.get(k), a.coeff.get(k).mul(q));
        }
        return out;
    }

    /** A multi-term sum as one factor (a product of sums is not expanded: that is work). */
    private static Sum asFactor(Sum a) {
        return a.coeff.size() <= 1 ? a : Sum.atom("(" + a + ")");
    }

    private static Sum times(Sum a, Sum b, boolean expand) {
        if (expand && (a.coeff.size() > 1 || b.coeff.size() > 1)) {
            if ((long) a.coeff.size() * b.coeff.size() > 2_000) {
                throw new TooBig();
            }
            Sum out = new Sum();
            for (String x : a.coeff.keySet()) {
                for (String y : b.coeff.keySet()) {
                    Sum t = times(single(a, x), single(b, y), false);
                    t.coeff.forEach((k, q) -> out.add(t.factors.get(k), q));
                }
            }
            return out;
        }
        Optional<Q> ca = a.asConstant();
        if (ca.isPresent()) {
            return scale(b, ca.get());
        }
        Optional<Q> cb = b.asConstant();
        if (cb.isPresent()) {
            return scale(a, cb.get());
        }
        Sum x = asFactor(a);
        Sum y = asFactor(b);
        String kx = x.coeff.firstKey();
        String ky = y.coeff.firstKey();
        TreeMap<String, Q> f = new TreeMap<>(x.factors.get(kx));
        for (Map.Entry<String, Q> e : y.factors.get(ky).entrySet()) {
            Q now = f.getOrDefault(e.getKey(), ZERO).add(e.getValue());
            if (now.isZero()) {
                f.remove(e.getKey());
            } else {
                f.put(e.getKey(), now);
            }
        }
        Sum out = new Sum();
        out.add(f, x.coeff.get(kx).mul(y.coeff.get(ky)));
        return out;
    }

    private static Sum single(Sum s, String key) {
        Sum out = new Sum();
        out.add(s.factors.get(key), s.coeff.get(key));
        return out;
    }

    private static Sum power(Sum base, Sum exponent, boolean expand) {
        Optional<Q> r = exponent.asConstant();
        if (r.isEmpty()) {
            return Sum.atom("pow(" + base + ", " + exponent + ")");
        }
        Q e = r.get();
        if (expand && base.coeff.size() > 1 && e.isInteger() && e.n().compareTo(BigInteger.ONE) > 0
                && e.n().compareTo(BigInteger.valueOf(8)) <= 0) {
            Sum out = base;
            for (int k = 1; k < e.n().intValue(); k++) {
                out = times(out, base, true);
            }
            return out;
        }
        if (e.isOne()) {
            return base;
        }
        Optional<Q> cb = base.asConstant();
        if (e.isInteger() && e.n().abs().compareTo(BigInteger.valueOf(64)) <= 0 && base.coeff.size() <= 1) {
            int k = e.n().intValue();
            if (cb.isPresent()) {
                Q c = cb.get();
                if (c.isZero()) {
                    return k > 0 ? base : Sum.atom("pow(0, " + e + ")");
                }
                if (c.n().bitLength() * (long) Math.abs(k) > 4000 || c.d().bitLength() * (long) Math.abs(k) > 4000) {
                    return Sum.atom("pow(" + base + ", " + e + ")");
                }
                Q p = k >= 0 ? Q.of(c.n().pow(k), c.d().pow(k)) : Q.of(c.d().pow(-k), c.n().pow(-k));
                return Sum.constant(p);
            }
            String key = base.coeff.firstKey();
            Q c = base.coeff.get(key);
            if (c.n().bitLength() * (long) Math.abs(k) > 4000 || c.d().bitLength() * (long) Math.abs(k) > 4000) {
                return Sum.atom("pow(" + base + ", " + e + ")");
            }
            TreeMap<String, Q> f = new TreeMap<>();
            for (Map.Entry<String, Q> x : base.factors.get(key).entrySet()) {
                f.put(x.getKey(), x.getValue().mul(e));
            }
            Q pc = k >= 0 ? Q.of(c.n().pow(k), c.d().pow(k)) : Q.of(c.d().pow(-k), c.n().pow(-k));
            Sum out = new Sum();
            if (k == 0) {
                return Sum.constant(ONE);
            }
            out.add(f, pc);
            return out;
        }
        if (base.coeff.size() == 1 && base.coeff.firstEntry().getValue().isOne()) {
            TreeMap<String, Q> f = base.factors.get(base.coeff.firstKey());
            if (f.size() == 1 && f.firstEntry().getValue().isOne()) {
                TreeMap<String, Q> g = new TreeMap<>();
                g.put(f.firstKey(), e);
                Sum out = new Sum();
                out.add(g, ONE);
                return out;
            }
        }
        TreeMap<String, Q> g = new TreeMap<>();
        g.put("(" + base + ")", e);
        Sum out = new Sum();
        out.add(g, ONE);
        return out;
    }
}
