package org.derivcheck.check;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.derivcheck.cas.Scope;
import org.derivcheck.math.Tree;

/**
 * A resolved claim side ({@link Tree}) evaluated over a finite instance in decimal arithmetic of a chosen
 * precision, with a decimal exponent far beyond double's: cell masses such as e^-1000 (a KL divergence above
 * 1000 needs one), widths such as e^800 (an entropy above 800), and sums whose terms cancel below double
 * resolution. It follows the double evaluation of the finite instances (cas FiniteNodes): a sum over a
 * finite variable is the sum over its cells times the cell width, an expectation over abstract densities
 * the sum of weight times cell volume times body over every assignment, a density's value its cell mass
 * divided by the cell volume of its variables (a function's value its table entry). Real semantics: a
 * logarithm of a nonpositive number, an even root of a negative one, a pole are {@link Undefined}; a
 * construct it does not take (a special function, a parameterized density, draws, derivatives) is
 * {@link Unsupported}.
 */
final class PreciseTree {
    /** The side has no real value on this instance (or its magnitude leaves the decimal range: not {@link #domain}). */
    static final class Undefined extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** True for a point outside a function's real domain (a logarithm of a negative number), false for a range. */
        final boolean domain;
        /** The negative argument that left the domain (of a logarithm, an even root, a non-integer power), or null. */
        final BigDecimal negative;

        Undefined(String why) {
            this(why, true);
        }

        Undefined(String why, boolean domain) {
            this(why, domain, null);
        }

        Undefined(String why, BigDecimal negative) {
            this(why, true, negative);
        }

        private Undefined(String why, boolean domain, BigDecimal negative) {
            super(why, null, false, false);
            this.domain = domain;
            this.negative = negative;
        }
    }

    /** The side has a construct this evaluator does not take: no precise instance decides the claim. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    /** A finite instance in decimals: support sizes, cell widths, tables (cell masses of densities, function values). */
    record Model(Map<String, Integer> sizes, Map<String, BigDecimal> widths, Map<String, BigDecimal[]> tables) {
        BigDecimal width(String v) {
            return widths.getOrDefault(v, BigDecimal.ONE);
        }

        int size(String v) {
            Integer n = sizes.get(v);
            if (n == null) {
                throw new Unsupported("no support size for " + v);
            }
            return n;
        }
    }

    private static final MathContext WIDE = new MathContext(240);
    private static final BigDecimal LN10 = BigDecimalMath.log(BigDecimal.TEN, WIDE);
    private static final BigDecimal PI = BigDecimalMath.pi(WIDE);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** Largest summation range of a Symja Sum evaluated here, and largest integer power taken by repeated squaring. */
    private static final long MAX_TERMS = 4000;
    private static final long MAX_POWER = 100_000_000L;

    private final Map<String, Scope.Density> densities = new HashMap<>();

    PreciseTree(List<Scope.Density> densities) {
        for (Scope.Density d : densities) {
            this.densities.put(d.name(), d);
        }
    }

    /**
     * The value of t on the instance with the free finite variables at the given cells and the free real symbols
     * at the given values (exact decimals of the sampled doubles), at digits digits.
     */
    BigDecimal eval(Tree t, Model m, Map<String, Integer> cells, Map<String, BigDecimal> scalars, int digits) {
        try {
            return new Run(m, new HashMap<>(cells), scalars, new MathContext(digits)).ev(t);
        } catch (ArithmeticException e) {
            throw new Undefined("beyond the decimal range: " + e.getMessage(), false);
        }
    }

    private final class Run {
        final Model m;
        final Map<String, Integer> bound;
        final Map<String, BigDecimal> scalars;
        final MathContext mc;

        Run(Model m, Map<String, Integer> bound, Map<String, BigDecimal> scalars, MathContext mc) {
            this.m = m;
            this.bound = bound;
            this.scalars = scalars;
            this.mc = mc;
        }

        BigDecimal ev(Tree t) {
            if (t instanceof Tree.Num n) {
                return new BigDecimal(n.num()).divide(new BigDecimal(n.den()), mc);
            }
            if (t instanceof Tree.Sym s) {
                return symbol(s);
            }
            Tree.Call c = (Tree.Call) t;
            List<Tree> a = c.args();
            switch (c.head()) {
                case "Plus": {
                    BigDecimal s = BigDecimal.ZERO;
                    for (Tree x : a) {
                        s = s.add(ev(x), mc);
                    }
                    return s;
                }
                case "Times": {
                    BigDecimal s = BigDecimal.ONE;
                    for (Tree x : a) {
                        s = s.multiply(ev(x), mc);
                    }
                    return s;
                }
                case "Power":
                    return power(ev(a.get(0)), a.get(1));
                case "Sqrt":
                    return power(ev(a.get(0)), new Tree.Num(BigInteger.ONE, BigInteger.TWO));
                case "Log":
                    return a.size() == 1 ? log(ev(a.get(0))) : log(ev(a.get(1))).divide(nonzero(log(ev(a.get(0)))), mc);
                case "Exp":
                    return exp(ev(a.get(0)));
                case "Abs":
                    return ev(a.get(0)).abs();
                case "Max":
                case "Min": {
                    BigDecimal best = null;
                    for (Tree x : a) {
                        BigDecimal v = ev(x);
                        best = best == null ? v : c.head().equals("Max") ? best.max(v) : best.min(v);
                    }
                    return best;
                }
                case "Sin":
                case "Cos":
                case "Tan":
                case "ArcTan":
                case "Sinh":
                case "Cosh":
                case "Tanh":
                    return elementary(c.head(), ev(a.get(0)));
                case "@FiniteSum":
                    return finiteSum(a.get(0), name(a.get(1)));
                case "@Expectation":
                    return expectation(a.get(0), a.get(1));
                case "@Density":
                    return density(a);
                case "Sum":
                    return indexSum(a);
                default:
                    throw new Unsupported(c.head());
            }
        }

        private BigDecimal symbol(Tree.Sym s) {
            Integer cell = bound.get(s.name());
            if (cell != null) {
                return BigDecimal.valueOf(cell);
            }
            switch (s.kind()) {
                case REAL, POSITIVE -> {
                    BigDecimal v = scalars.get(s.name());
                    if (v == null) {
                        throw new Unsupported("no value for " + s.name());
                    }
                    return v;
                }
                case CONSTANT -> {
                    if (s.name().equals("Pi")) {
                        return PI.round(mc);
                    }
                    if (s.name().equals("E")) {
                        return exp(BigDecimal.ONE);
                    }
                    throw new Unsupported(s.name());
                }
                default -> throw new Unsupported("unbound " + s.name());
            }
        }

        private String name(Tree t) {
            if (t instanceof Tree.Sym s) {
                return s.name();
            }
            throw new Unsupported("a sum over " + t);
        }

        private BigDecimal finiteSum(Tree body, String v) {
            Integer saved = bound.get(v);
            BigDecimal s = BigDecimal.ZERO;
            for (int i = 0; i < m.size(v); i++) {
                bound.put(v, i);
                s = s.add(ev(body), mc);
            }
            restore(v, saved);
            return s.multiply(m.width(v), mc);
        }

        private void restore(String v, Integer saved) {
            if (saved == null) {
                bound.remove(v);
            } else {
                bound.put(v, saved);
            }
        }

        /** E(body, @Distributed(List(vars), @Abstract(w))). */
        private BigDecimal expectation(Tree body, Tree dist) {
            if (!(dist instanceof Tree.Call d) || !d.head().equals("@Distributed") || d.args().size() != 2
                    || !(d.args().get(0) instanceof Tree.Call vars) || !(d.args().get(1) instanceof Tree.Call w)
                    || !w.head().equals("@Abstract") || w.args().size() != 1) {
                throw new Unsupported("an expectation over " + dist);
            }
            List<String> names = vars.args().stream().map(this::name).toList();
            BigDecimal cell = BigDecimal.ONE;
            Integer[] saved = new Integer[names.size()];
            for (int k = 0; k < names.size(); k++) {
                cell = cell.multiply(m.width(names.get(k)), mc);
                saved[k] = bound.get(names.get(k));
            }
            BigDecimal s = BigDecimal.ZERO;
            int[] idx = new int[names.size()];
            while (true) {
                for (int k = 0; k < idx.length; k++) {
                    bound.put(names.get(k), idx[k]);
                }
                BigDecimal weight = ev(w.args().get(0)).multiply(cell, mc);
                if (weight.signum() != 0) {
                    s = s.add(weight.multiply(ev(body), mc), mc);
                }
                int k = idx.length - 1;
                while (k >= 0 && ++idx[k] >= m.size(names.get(k))) {
                    idx[k] = 0;
                    k--;
                }
                if (k < 0) {
                    break;
                }
            }
            for (int k = 0; k < names.size(); k++) {
                restore(names.get(k), saved[k]);
            }
            return s;
        }

        private BigDecimal density(List<Tree> a) {
            Scope.Density d = densities.get(name(a.get(0)));
            BigDecimal[] table = d == null ? null : m.tables().get(d.name());
            if (d == null || !d.params().isEmpty() || table == null || a.size() - 1 != d.variables().size()) {
                throw new Unsupported("density " + a.get(0));
            }
            int flat = 0;
            BigDecimal volume = BigDecimal.ONE;
            for (int i = 0; i < d.variables().size(); i++) {
                BigDecimal v = ev(a.get(i + 1));
                int n = m.size(d.variables().get(i));
                int iv;
                try {
                    iv = v.intValueExact();
                } catch (ArithmeticException e) {
                    throw new Undefined(d.name() + " at a non-cell " + v);
                }
                if (iv < 0 || iv >= n) {
                    throw new Undefined(d.name() + " outside its support");
                }
                flat = flat * n + iv;
                volume = volume.multiply(m.width(d.variables().get(i)), mc);
            }
            return d.normalized() ? table[flat].divide(volume, mc) : table[flat];
        }

        /** Sum(body, List(k, lo, hi)) or Sum(body, List(k, hi)) with integer bounds. */
        private BigDecimal indexSum(List<Tree> a) {
            if (a.size() != 2 || !(a.get(1) instanceof Tree.Call spec) || !spec.head().equals("List")
                    || spec.args().size() < 2 || spec.args().size() > 3) {
                throw new Unsupported("Sum");
            }
            String k = name(spec.args().get(0));
            long lo = integer(spec.args().size() == 3 ? ev(spec.args().get(1)) : BigDecimal.ONE);
            long hi = integer(ev(spec.args().get(spec.args().size() - 1)));
            if (hi - lo + 1 > MAX_TERMS) {
                throw new Unsupported("a sum of " + (hi - lo + 1) + " terms");
            }
            Integer saved = bound.get(k);
            BigDecimal s = BigDecimal.ZERO;
            for (long i = lo; i <= hi; i++) {
                bound.put(k, (int) i);
                s = s.add(ev(a.get(0)), mc);
            }
            restore(k, saved);
            return s;
        }

        private long integer(BigDecimal v) {
            try {
                long n = v.longValueExact();
                if (Math.abs(n) > Integer.MAX_VALUE / 2) {
                    throw new Unsupported("a summation bound " + n);
                }
                return n;
            } catch (ArithmeticException e) {
                throw new Unsupported("a summation bound " + v);
            }
        }

        private BigDecimal nonzero(BigDecimal v) {
            if (v.signum() == 0) {
                throw new Undefined("division by zero");
            }
            return v;
        }

        private BigDecimal power(BigDecimal b, Tree e) {
            if (e instanceof Tree.Num n && n.den().equals(BigInteger.ONE) && n.num().abs().longValue() <= MAX_POWER
                    && n.num().bitLength() < 40) {
                long k = n.num().longValueExact();
                if (k < 0 && b.signum() == 0) {
                    throw new Undefined("a pole");
                }
                BigDecimal p = b.pow((int) Math.abs(k), mc);
                return k < 0 ? BigDecimal.ONE.divide(p, mc) : p;
            }
            if (e instanceof Tree.Num n && n.den().equals(BigInteger.TWO) && n.num().equals(BigInteger.ONE)) {
                if (b.signum() < 0) {
                    throw new Undefined("the square root of a negative number", b);
                }
                return b.sqrt(mc);
            }
            BigDecimal x = ev(e);
            if (b.signum() > 0) {
                return exp(x.multiply(log(b), mc));
            }
            if (b.signum() == 0) {
                if (x.signum() > 0) {
                    return BigDecimal.ZERO;
                }
                throw new Undefined("0 to a nonpositive power");
            }
            // a negative base: real only for a rational exponent with an odd denominator
            if (e instanceof Tree.Num n && n.den().testBit(0)) {
                BigDecimal r = exp(x.multiply(log(b.negate()), mc));
                return n.num().testBit(0) ? r.negate() : r;
            }
            throw new Undefined("a negative number to a non-integer power", b);
        }

        private BigDecimal elementary(String head, BigDecimal x) {
            if (x.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0 && !head.equals("ArcTan") && !head.equals("Tanh")) {
                throw new Unsupported(head + " at a large argument");
            }
            return switch (head) {
                case "Sin" -> BigDecimalMath.sin(x, mc);
                case "Cos" -> BigDecimalMath.cos(x, mc);
                case "Tan" -> BigDecimalMath.tan(x, mc);
                case "ArcTan" -> BigDecimalMath.atan(x, mc);
                case "Sinh" -> exp(x).subtract(exp(x.negate()), mc).divide(TWO, mc);
                case "Cosh" -> exp(x).add(exp(x.negate()), mc).divide(TWO, mc);
                default -> {
                    // tanh x = 1 - 2/(e^(2x) + 1), stable for either sign
                    BigDecimal e2 = exp(x.multiply(TWO));
                    yield BigDecimal.ONE.subtract(TWO.divide(e2.add(BigDecimal.ONE), mc), mc);
                }
            };
        }

        BigDecimal exp(BigDecimal x) {
            return PreciseTree.exp(x, mc);
        }

        BigDecimal log(BigDecimal x) {
            return PreciseTree.log(x, mc);
        }
    }

    /** e^x for any x whose result has a decimal exponent within about +-10^9 (else Undefined). */
    static BigDecimal exp(BigDecimal x, MathContext mc) {
        if (x.abs().compareTo(BigDecimal.ONE) <= 0) {
            return BigDecimalMath.exp(x, mc);
        }
        if (x.abs().compareTo(BigDecimal.valueOf(2_000_000_000L)) > 0) {
            throw new Undefined("e^" + x.round(MathContext.DECIMAL32) + " is beyond the decimal range", false);
        }
        // e^x = 10^k e^(x - k ln 10), with ln 10 to the digits of k beyond the working precision
        BigDecimal k = x.divide(LN10, MathContext.DECIMAL64).setScale(0, RoundingMode.HALF_EVEN);
        MathContext wide = new MathContext(mc.getPrecision() + 12);
        BigDecimal r = x.subtract(k.multiply(LN10.round(new MathContext(mc.getPrecision() + 24)), wide), wide);
        return BigDecimalMath.exp(r, wide).scaleByPowerOfTen(k.intValueExact()).round(mc);
    }

    /** The natural logarithm of x > 0 (Undefined otherwise), for any decimal exponent. */
    static BigDecimal log(BigDecimal x, MathContext mc) {
        if (x.signum() <= 0) {
            throw x.signum() == 0 ? new Undefined("the logarithm of 0") : new Undefined("the logarithm of a negative number", x);
        }
        long e = (long) x.precision() - x.scale() - 1;
        BigDecimal mant = x.scaleByPowerOfTen((int) -e);
        MathContext wide = new MathContext(mc.getPrecision() + 12);
        return BigDecimalMath.log(mant, wide).add(LN10.multiply(BigDecimal.valueOf(e), wide), mc);
    }
}
