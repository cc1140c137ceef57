package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IFraction;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Prints expressions in derivcheck's own input syntax (so what is printed reads back the same) or in
 * LaTeX: digamma as \psi, trigamma as \psi_1, Log as the natural \log, user names as declared.
 */
final class Printer {
    private static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta",
            "eta", "theta", "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon",
            "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi",
            "Omega");
    private static final int PREC_PLUS = 10;
    private static final int PREC_TIMES = 20;
    private static final int PREC_NEG = 25;
    private static final int PREC_POWER = 40;
    private static final int PREC_ATOM = 100;

    private final Scope table;
    private final boolean tex;

    Printer(Scope table, boolean tex) {
        this.table = table;
        this.tex = tex;
    }

    String print(IExpr e) {
        return p(e, 0);
    }

    private String wrap(String s, int prec, int ctx) {
        if (prec < ctx) {
            return tex ? "\\left(" + s + "\\right)" : "(" + s + ")";
        }
        return s;
    }

    private int prec(IExpr e) {
        if (e.isPlus()) {
            return PREC_PLUS;
        }
        if (e.isTimes()) {
            return negativeCoefficient(e) ? PREC_NEG : PREC_TIMES;
        }
        if (e.isPower()) {
            IExpr ex = e.exponent();
            return ex.isNegative() ? PREC_TIMES : PREC_POWER;
        }
        if (e.isFraction()) {
            return PREC_TIMES;
        }
        if (e.isNumber() && e.isNegative()) {
            return PREC_NEG;
        }
        return PREC_ATOM;
    }

    private static boolean negativeCoefficient(IExpr e) {
        return e.isTimes() && e.first().isNumber() && e.first().isNegative();
    }

    private String p(IExpr e, int ctx) {
        String s = raw(e);
        return wrap(s, prec(e), ctx);
    }

    private String raw(IExpr e) {
        if (e.isInteger()) {
            return e.toString();
        }
        if (e.isFraction()) {
            IFraction f = (IFraction) e;
            return tex ? (f.isNegative() ? "-" : "") + "\\frac{" + f.numerator().abs() + "}{" + f.denominator() + "}"
                    : f.numerator() + "/" + f.denominator();
        }
        if (e.isNumber()) {
            return e.toString();
        }
        if (e.isSymbol()) {
            return symbol((ISymbol) e);
        }
        if (!e.isAST()) {
            return e.toString();
        }
        IAST a = (IAST) e;
        IExpr h = a.head();
        if (a.isList()) {
            return list(a);
        }
        if (a.isPlus()) {
            return plus(a);
        }
        if (a.isTimes()) {
            return times(a);
        }
        if (a.isPower()) {
            return power(a);
        }
        if (h == Ops.EXPECTATION) {
            return expectation(a);
        }
        if (h == S.Log && a.argSize() == 1) {
            return tex ? "\\log " + p(a.arg1(), PREC_POWER + 1) : "Log(" + p(a.arg1(), 0) + ")";
        }
        if (h == S.PolyGamma && a.argSize() == 2 && a.arg1().isInteger()) {
            int n = a.arg1().toIntDefault();
            String arg = p(a.arg2(), 0);
            if (tex) {
                return (n == 0 ? "\\psi" : "\\psi_{" + n + "}") + "\\left(" + arg + "\\right)";
            }
            return n == 0 ? "psi(" + arg + ")" : n == 1 ? "psi1(" + arg + ")" : "PolyGamma(" + n + ", " + arg + ")";
        }
        if (h == S.LogGamma && tex) {
            return "\\log\\Gamma\\left(" + p(a.arg1(), 0) + "\\right)";
        }
        if (h == S.Gamma && tex && a.argSize() == 1) {
            return "\\Gamma\\left(" + p(a.arg1(), 0) + "\\right)";
        }
        if (h == S.Exp && tex) {
            return "e^{" + p(a.arg1(), 0) + "}";
        }
        if (h == S.Sqrt && tex) {
            return "\\sqrt{" + p(a.arg1(), 0) + "}";
        }
        if ((h == S.Sum || h == S.Product) && a.argSize() == 2 && a.arg2().isList() && a.arg2().argSize() == 3) {
            IExpr it = a.arg2();
            if (tex) {
                return (h == S.Sum ? "\\sum" : "\\prod") + "_{" + p(it.first(), 0) + "=" + p(it.second(), 0) + "}^{"
                        + p(((IAST) it).arg3(), 0) + "} " + p(a.arg1(), PREC_TIMES);
            }
            return (h == S.Sum ? "Sum(" : "Product(") + p(a.arg1(), 0) + ", {" + p(it.first(), 0) + ", "
                    + p(it.second(), 0) + ", " + p(((IAST) it).arg3(), 0) + "})";
        }
        if (h == S.Dot) {
            List<String> parts = new ArrayList<>();
            for (IExpr x : a) {
                parts.add(p(x, PREC_POWER));
            }
            return String.join(tex ? " \\cdot " : " . ", parts);
        }
        if (h == S.Transpose && tex) {
            return p(a.arg1(), PREC_ATOM) + "^{\\top}";
        }
        if (h == S.Inverse && tex) {
            return p(a.arg1(), PREC_ATOM) + "^{-1}";
        }
        if (h == S.D && a.argSize() == 2 && a.arg2().isSymbol() && tex) {
            return "\\frac{\\partial}{\\partial " + p(a.arg2(), 0) + "}\\left(" + p(a.arg1(), 0) + "\\right)";
        }
        if (h == S.Abs && tex) {
            return "\\left|" + p(a.arg1(), 0) + "\\right|";
        }
        String name = h.isSymbol() ? functionName((ISymbol) h) : raw(h);
        List<String> args = new ArrayList<>();
        for (IExpr x : a) {
            args.add(p(x, 0));
        }
        if (tex) {
            String fn = name.length() == 1 || GREEK.contains(name) ? symbolTex(name)
                    : Set.of("sin", "cos", "tan", "sinh", "cosh", "tanh", "det", "exp").contains(name.toLowerCase())
                    ? "\\" + name.toLowerCase() : "\\operatorname{" + name + "}";
            return fn + "\\left(" + String.join(", ", args) + "\\right)";
        }
        return name + "(" + String.join(", ", args) + ")";
    }

    private String functionName(ISymbol h) {
        String user = table.nameOf(h);
        if (user != null) {
            return user;
        }
        if (h == Ops.NORMAL || h == Ops.GAMMA || h == Ops.NORMAL_GAMMA || h == Ops.EXPONENTIAL || h == Ops.BERNOULLI
                || h == Ops.UNIFORM) {
            return Ops.familyName(h);
        }
        return h.toString();
    }

    private String symbol(ISymbol s) {
        if (s == S.Pi) {
            return tex ? "\\pi" : "Pi";
        }
        if (s == S.E) {
            return tex ? "e" : "E";
        }
        if (s == S.Infinity) {
            return tex ? "\\infty" : "Infinity";
        }
        String name = table.nameOf(s);
        if (name == null) {
            name = s.toString();
        }
        return tex ? symbolTex(name) : name;
    }

    /** mu_N to \mu_{N}, lambda0 to \lambda_{0}, alpha to \alpha. */
    static String symbolTex(String name) {
        String base = name;
        String sub = null;
        int us = name.indexOf('_');
        if (us > 0) {
            base = name.substring(0, us);
            sub = name.substring(us + 1);
        } else {
            int k = name.length();
            while (k > 1 && Character.isDigit(name.charAt(k - 1))) {
                k--;
            }
            if (k < name.length()) {
                base = name.substring(0, k);
                sub = name.substring(k);
            } else if (name.length() > 1 && Character.isUpperCase(name.charAt(name.length() - 1))
                    && Character.isLowerCase(name.charAt(0)) && GREEK.contains(name.substring(0, name.length() - 1))) {
                base = name.substring(0, name.length() - 1);
                sub = name.substring(name.length() - 1);
            }
        }
        String b = GREEK.contains(base) ? "\\" + base : base.length() == 1 ? base : "\\mathrm{" + base + "}";
        if (sub == null || sub.isEmpty()) {
            return b;
        }
        String s = GREEK.contains(sub) ? "\\" + sub : sub;
        return b + "_{" + s + "}";
    }

    private String list(IAST a) {
        boolean matrix = a.argSize() > 0 && a.arg1().isList();
        if (tex) {
            if (matrix) {
                List<String> rows = new ArrayList<>();
                for (IExpr row : a) {
                    List<String> cells = new ArrayList<>();
                    for (IExpr c : (IAST) row) {
                        cells.add(p(c, 0));
                    }
                    rows.add(String.join(" & ", cells));
                }
                return "\\begin{pmatrix}" + String.join(" \\\\ ", rows) + "\\end{pmatrix}";
            }
            List<String> cells = new ArrayList<>();
            for (IExpr c : a) {
                cells.add(p(c, 0));
            }
            return "\\begin{pmatrix}" + String.join(" \\\\ ", cells) + "\\end{pmatrix}";
        }
        List<String> items = new ArrayList<>();
        for (IExpr c : a) {
            items.add(p(c, 0));
        }
        return "{" + String.join(", ", items) + "}";
    }

    private String plus(IAST a) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        // Symja orders terms canonically; print constants last as students write them
        List<IExpr> terms = new ArrayList<>();
        for (IExpr t : a) {
            terms.add(t);
        }
        if (!terms.isEmpty() && terms.get(0).isNumber()) {
            terms.add(terms.remove(0));
        }
        // and a positive term first: x - m, not -m + x
        if (!terms.isEmpty() && (negativeCoefficient(terms.get(0)) || terms.get(0).isNumber() && terms.get(0).isNegative())) {
            for (int i = 1; i < terms.size(); i++) {
                IExpr t = terms.get(i);
                if (!negativeCoefficient(t) && !(t.isNumber() && t.isNegative())) {
                    terms.add(0, terms.remove(i));
                    break;
                }
            }
        }
        for (IExpr t : terms) {
            boolean neg = negativeCoefficient(t) || (t.isNumber() && t.isNegative());
            if (neg) {
                IExpr pos = t.negate();
                sb.append(first ? "-" : " - ").append(p(pos, PREC_TIMES));
            } else {
                if (!first) {
                    sb.append(" + ");
                }
                sb.append(p(t, PREC_PLUS + 1));
            }
            first = false;
        }
        return sb.toString();
    }

    private String times(IAST a) {
        if (negativeCoefficient(a)) {
            // -b*t reads back as (-b)*t, the same value: no parentheses needed around a product
            IExpr inner = a.negate();
            boolean signed = negativeCoefficient(inner) || inner.isNumber() && inner.isNegative();
            return "-" + p(inner, signed ? PREC_NEG + 1 : tex ? PREC_TIMES + 1 : PREC_TIMES);
        }
        List<IExpr> num = new ArrayList<>();
        List<IExpr> den = new ArrayList<>();
        for (IExpr f : a) {
            if (f.isPower() && f.exponent().isNegative()) {
                den.add(f.exponent().isMinusOne() ? f.base() : org.matheclipse.core.expression.F.Power(f.base(), f.exponent().negate()));
            } else if (f.isFraction()) {
                IFraction fr = (IFraction) f;
                if (!fr.numerator().isOne()) {
                    num.add(fr.numerator());
                }
                den.add(fr.denominator());
            } else {
                num.add(f);
            }
        }
        String n = num.isEmpty() ? "1" : join(num);
        if (den.isEmpty()) {
            return n;
        }
        if (tex) {
            return "\\frac{" + (num.isEmpty() ? "1" : joinTex(num)) + "}{" + joinTex(den) + "}";
        }
        String d = den.size() == 1 ? p(den.get(0), PREC_POWER) : "(" + join(den) + ")";
        return (num.size() > 1 ? n : num.isEmpty() ? "1" : p(num.get(0), PREC_TIMES)) + "/" + d;
    }

    private String join(List<IExpr> factors) {
        List<String> parts = new ArrayList<>();
        for (IExpr f : factors) {
            parts.add(p(f, PREC_TIMES + 1));
        }
        return String.join(tex ? " " : "*", parts);
    }

    private String joinTex(List<IExpr> factors) {
        List<String> parts = new ArrayList<>();
        for (IExpr f : factors) {
            parts.add(factors.size() == 1 ? p(f, 0) : p(f, PREC_TIMES + 1));
        }
        return String.join(" ", parts);
    }

    private String power(IAST a) {
        IExpr b = a.base();
        IExpr x = a.exponent();
        if (x.isNegative()) {
            IExpr pos = x.negate();
            IExpr inv = pos.isOne() ? b : org.matheclipse.core.expression.F.Power(b, pos);
            return tex ? "\\frac{1}{" + p(inv, 0) + "}" : "1/" + p(inv, PREC_POWER);
        }
        if (x.isFraction() && ((IFraction) x).numerator().isOne() && ((IFraction) x).denominator().toIntDefault() == 2) {
            return tex ? "\\sqrt{" + p(b, 0) + "}" : "Sqrt(" + p(b, 0) + ")";
        }
        if (tex) {
            return p(b, PREC_POWER + 1) + "^{" + p(x, 0) + "}";
        }
        if (b == S.E) {
            return "Exp(" + p(x, 0) + ")"; // as a student writes it, and as the parser reads it back
        }
        return p(b, PREC_POWER + 1) + "^" + p(x, PREC_POWER + 1);
    }

    private String expectation(IAST a) {
        IAST dist = (IAST) a.arg2();
        IAST vars = (IAST) dist.arg1();
        IAST fam = (IAST) dist.arg2();
        List<String> vs = new ArrayList<>();
        for (IExpr v : vars) {
            vs.add(p(v, 0));
        }
        List<String> ps = new ArrayList<>();
        for (IExpr x : fam) {
            ps.add(p(x, 0));
        }
        String varText = vs.size() == 1 ? vs.get(0) : (tex ? "(" + String.join(", ", vs) + ")" : "{" + String.join(", ", vs) + "}");
        String famText = Ops.familyName((ISymbol) fam.head());
        if (tex) {
            return "\\mathbb{E}_{" + varText + " \\sim \\mathrm{" + famText + "}(" + String.join(", ", ps) + ")}\\left["
                    + p(a.arg1(), 0) + "\\right]";
        }
        return "Expectation(" + p(a.arg1(), 0) + ", " + varText + " ~ " + famText + "(" + String.join(", ", ps) + "))";
    }
}
