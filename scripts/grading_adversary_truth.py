#!/usr/bin/env python3
"""Independent ground truth (sympy) for tests/grading/adversary: the mathematical facts its expected scores rest on.

Two kinds of fact, each checked without derivcheck:
  * whether a step holds over the rubric's domains (a, b > 0, x real): exact simplification, and for a claimed
    failure a witness point where the two sides differ;
  * whether a chain's first and last lines are "the same expression" (the reach rule "a chain must do some work"):
    sympy's automatic evaluation, which orders terms and factors, folds numbers and collects like terms and
    factors but never expands a product of sums, is an independent canonical form; the rubric's definitions are
    substituted first.
Exit status 0 when every fact holds as the corpus assumes, 1 otherwise (each mismatch printed).
"""
import sys

import sympy as sp

a, b = sp.symbols("a b", positive=True)
x = sp.symbols("x", real=True)
c = sp.symbols("c", positive=True)
u = sp.symbols("u")
X2 = sp.Symbol("X2")


def f(v):
    return v**3 - 3 * v


S = (a + b) ** 2
T = sp.sqrt(x**2)
G = sp.diff(f(x), x)
H = (b + a) * (a + b)

# (case, lhs, rhs, holds over the domain, witness where it fails)
STEPS = [
    ("square target", S, a**2 + 2 * a * b + b**2, True, None),
    ("root target", T, sp.Abs(x), True, None),
    ("deriv target", G, 3 * x**2 - 3, True, None),
    ("product target", H, a**2 + 2 * a * b + b**2, True, None),
    ("02 deriv final 3(x^2 - 1)", G, 3 * (x**2 - 1), True, None),
    ("03 four-line expansion", (a + b) * (a + b), a * a + a * b + b * a + b * b, True, None),
    ("17/18/19 sqrt(x^2) = x", T, x, False, {x: -1}),
    ("20 rubric's f: D(f(x), x) = 3x^2", G, 3 * x**2, False, {x: 0}),
    ("21 S = a^2 + b^2", S, a**2 + b**2, False, {a: 1, b: 1}),
    ("21 G = 3x^2", G, 3 * x**2, False, {x: 0}),
    ("22 1*S + 0 = a^2 + b^2", 1 * S + 0, a**2 + b**2, False, {a: 1, b: 1}),
    ("22 d/dx(-3x + x^3) = 3x^2", sp.diff(-3 * x + x**3, x), 3 * x**2, False, {x: 0}),
    ("23 copy labelled root: first line = T", (a + b) ** 2, T, False, {a: 1, b: 1, x: 0}),
    ("16 S <= (a+b)^2 as =", S, (a + b) ** 2, True, None),
    # 30: \cdot redefined as +: the line the PDF shows
    ("30 as shown: S = a^2 + 2a + b + b^2", S, a**2 + 2 * a + b + b**2, False, {a: 1, b: 1}),
    ("32 G + c - c = 3x^2 - 3", G + c - c, 3 * x**2 - 3, True, None),
    ("33 H = a^2 + 2ab + b^2", H, a**2 + 2 * a * b + b**2, True, None),
    ("34 |x| + log e - 1 = |x|", sp.Abs(x) + sp.log(sp.E) - 1, sp.Abs(x), True, None),
    ("34 a^2 + 2ab + b^2 + sin(a)^2 + cos(a)^2 - 1 = a^2 + 2ab + b^2",
     a**2 + 2 * a * b + b**2 + sp.sin(a) ** 2 + sp.cos(a) ** 2 - 1, a**2 + 2 * a * b + b**2, True, None),
    ("35 sqrt(x^2)*1 + 0 = |x|", sp.sqrt(x**2) * 1 + 0, sp.Abs(x), True, None),
    ("36 (a + b)(a + b) = a^2 + ab + ba + b^2", (a + b) * (a + b), a**2 + a * b + b * a + b**2, True, None),
    ("36 sqrt(x x) = |x|", sp.sqrt(x * x), sp.Abs(x), True, None),
    ("37 (a + b)^2 = a^2 + 2ab + b^2 (rows read together)", (a + b) ** 2, a**2 + 2 * a * b + b**2, True, None),
    ("37 H = a^2 + 2ab - b^2 (rows read together)", H, a**2 + 2 * a * b - b**2, False, {a: 1, b: 1}),
    ("37 H = a^2 + 2ab (the second row alone, which would not be the last line)", H, a**2 + 2 * a * b, False,
     {a: 1, b: 1}),
    # 39: the steps hold with the header definitions written out; what denies them is the rule on the final line
    ("39 (a + b)^2 = g, g: a^2 + 2ab + b^2", (a + b) ** 2, a**2 + 2 * a * b + b**2, True, None),
    ("39 (b + a)(a + b) = k^2, k: a + b", H, (a + b) ** 2, True, None),
    ("49 S = (a + b)^2 (sin(a)^2 + cos(a)^2)", S, (a + b) ** 2 * (sp.sin(a) ** 2 + sp.cos(a) ** 2), True, None),
    ("49 H = e^(2 log(a + b))", H, sp.exp(2 * sp.log(a + b)), True, None),
    ("49 G = 3(x - 1)(x + 1)", G, 3 * (x - 1) * (x + 1), True, None),
    ("51 S = a^2 + b^2 after a note over =", S, a**2 + b**2, False, {a: 1, b: 1}),
    ("51 G <= 3x^2 - 3 holds (as =)", G, 3 * x**2 - 3, True, None),
    ("51 H < a^2 + 2ab + b^2 + 1: H minus it is -1", H - (a**2 + 2 * a * b + b**2 + 1), -1, True, None),
    ("52 (a + b)^2 = (a + b)(a + b)", S, (a + b) * (a + b), True, None),
    ("52 (a + b)(a + b) = a^2 + 2ab + b^2", (a + b) * (a + b), a**2 + 2 * a * b + b**2, True, None),
    ("53 T's chain continued: sqrt(x^2) = 3x^2 - 3", T, 3 * x**2 - 3, False, {x: 0}),
    ("57 (a + b)^2 = a a + 2ab + b^2", S, a * a + 2 * a * b + b**2, True, None),
    ("58 sqrt(x^2) = x after 'for x >= 0' (over all real x)", T, x, False, {x: -2}),
    ("60 H = 1/2 (2a^2 + 4ab + 2b^2)", H, sp.Rational(1, 2) * (2 * a**2 + 4 * a * b + 2 * b**2), True, None),
    ("60 G = 3x^2 - 3*1", G, 3 * x**2 - 3 * 1, True, None),
]

# (case, final line, target's right side, the same once products are expanded?): the reach rule "a chain ends at the
# answer"; functions are opaque (sympy would otherwise evaluate exp(2 log(a + b)) itself, which is more than expanding)
Sin, Cos, Exp, Log = (sp.Function(n) for n in ("Sin", "Cos", "Exp", "Log"))
EXPANDED = [
    ("49 (a + b)^2 (sin(a)^2 + cos(a)^2) against a^2 + 2ab + b^2", (a + b) ** 2 * (Sin(a) ** 2 + Cos(a) ** 2),
     a**2 + 2 * a * b + b**2, False),
    ("49 e^(2 log(a + b)) against a^2 + 2ab + b^2", Exp(2 * Log(a + b)), a**2 + 2 * a * b + b**2, False),
    ("49 3(x - 1)(x + 1) against 3x^2 - 3", 3 * (x - 1) * (x + 1), 3 * x**2 - 3, True),
    ("02 3(x^2 - 1) against 3x^2 - 3", 3 * (x**2 - 1), 3 * x**2 - 3, True),
    ("60 1/2 (2a^2 + 4ab + 2b^2) against a^2 + 2ab + b^2", sp.Rational(1, 2) * (2 * a**2 + 4 * a * b + 2 * b**2),
     a**2 + 2 * a * b + b**2, True),
    ("03 a a + a b + b a + b b against a^2 + 2ab + b^2", a * a + a * b + b * a + b * b, a**2 + 2 * a * b + b**2, True),
]

# (case, first line, last line, same expression?) with the rubric's definitions substituted
SAME = [
    ("10 S = S + 0 = S", S, S + 0, True),
    ("11 S = (b + a)^2", S, (b + a) ** 2, True),
    ("11 H = (a + b)(b + a) = (a + b)^2", H, (a + b) ** 2, True),
    ("12 S = 2(a + b)^2 - (a + b)^2", S, 2 * (a + b) ** 2 - (a + b) ** 2, True),
    # x^2 as one opaque factor (sympy would rewrite |x|^2 to x^2 itself, which is more than reordering)
    ("12 T = sqrt(x^2) sqrt(x^2) / sqrt(x^2)", sp.sqrt(X2), sp.sqrt(X2) * sp.sqrt(X2) / sp.sqrt(X2), True),
    ("12 H = 1/2 * 2 (b + a)(a + b) + 0", H, sp.Rational(1, 2) * 2 * (b + a) * (a + b) + 0, True),
    ("13 T = sqrt(x^2)", T, sp.sqrt(x**2), True),
    ("13 G = d/dx f(x)", G, sp.diff(f(x), x), True),
    ("13 S = (a + b)^2", S, (a + b) ** 2, True),
    ("15 a^2 + 2ab + b^2 ... = b^2 + 2ab + a^2", a**2 + 2 * a * b + b**2, b**2 + 2 * a * b + a**2, True),
    ("22 d/dx(x^3 - 3x) = d/dx(-3x + x^3)", sp.Derivative(x**3 - 3 * x, x), sp.Derivative(-3 * x + x**3, x), True),
    ("26 G = d/dx(x^3 - 3x) (its continuation inside \\iffalse)", sp.Derivative(f(x), x),
     sp.Derivative(x**3 - 3 * x, x), True),
    ("27 S = (a + b)^2 (the rest after %)", S, (a + b) ** 2, True),
    # a chain reaches a goal only from its left side or its definition written out (the first line against the
    # definition), never from a form equal to it in value only
    ("33 first line H is S's definition written out (so one chain, one result decides)", H, S, True),
    ("34 first line |x| + log e - 1 against T's definition", sp.Abs(sp.Symbol("x")) + sp.log(sp.E) - 1,
     sp.sqrt(sp.Symbol("X2")), False),
    ("34 first line a^2 + 2ab + b^2 + sin^2 + cos^2 - 1 against S's definition",
     a**2 + 2 * a * b + b**2 + sp.sin(a) ** 2 + sp.cos(a) ** 2 - 1, S, False),
    ("35 first line sqrt(x^2)*1 + 0 against T's definition", sp.sqrt(X2) * 1 + 0, sp.sqrt(X2), True),
    ("36 first line (a + b)(a + b) against S's definition", (a + b) * (a + b), S, True),
    ("36 first line sqrt(x x) against T's definition", sp.sqrt(x * x), T, True),
    ("47 H = (b + a)(a + b) (the rest in a \\tag)", H, (b + a) * (a + b), True),
    ("48 first line (a + b)^2 against H's definition", (a + b) ** 2, H, True),
    ("53 S = (a + b)^2, then = (b + a)^2 in the next display", S, (b + a) ** 2, True),
    ("58 H = (b + a)(a + b) (the rest in words)", H, (b + a) * (a + b), True),
    # chains that do work: first and last lines differ as written
    ("01 S = (a + b)^2 = a^2 + 2ab + b^2", S, a**2 + 2 * a * b + b**2, False),
    ("01 T = sqrt(x^2) = |x|", T, sp.Abs(sp.Symbol("x")), False),
    ("01 G = d/dx(x^3 - 3x) = 3x^2 - 3", sp.Derivative(x**3 - 3 * x, x), 3 * x**2 - 3, False),
    ("02 a^2 + 2ab + b^2 = (a + b)^2 = S", a**2 + 2 * a * b + b**2, S, False),
    ("03 S = ... = a^2 + 2ab + b^2", (a + b) * (a + b), a**2 + 2 * a * b + b**2, False),
]


def main():
    bad = []
    for case, lhs, rhs, holds, witness in STEPS:
        d = sp.simplify(lhs - rhs)
        if holds and d != 0:
            bad.append(f"{case}: expected to hold, difference {d}")
        if not holds:
            v = sp.N(d.subs(witness), 30) if d != 0 else 0
            if v == 0:
                bad.append(f"{case}: expected to fail at {witness}, difference there {v}")
    for case, first, last, same in SAME:
        # sympy's automatic evaluation (no expand, no simplify) as the canonical spelling; sqrt(x^2) with x real is
        # |x| there, so the unevaluated forms of both sides are compared for T
        got = sp.srepr(first) == sp.srepr(last)
        if got != same:
            bad.append(f"{case}: same expression {got}, the corpus assumes {same}")
    for case, last, rhs, same in EXPANDED:
        got = sp.expand(last - rhs) == 0
        if got != same:
            bad.append(f"{case}: the same once expanded {got}, the corpus assumes {same}")
    for line in bad:
        print("MISMATCH", line)
    print(f"{len(STEPS)} steps, {len(SAME)} first/last pairs, {len(EXPANDED)} final lines, {len(bad)} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
