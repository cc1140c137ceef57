#!/usr/bin/python3
"""Independent ground truth for tests/diagnosis/heldout.yaml (sympy, not derivcheck).

For every step: the claim as written is false (the sides differ at a random point, exactly or to 30 digits),
and the repair its diagnosis words name makes it true (the difference simplifies to 0). Exits 1 on any
mismatch. Run: /usr/bin/python3 scripts/diagnosis_truth.py
"""
import random
import sys

import sympy as sp
import yaml

a, b, c, d, e, f, g, h, t, s, x, m = sp.symbols("a b c d e f g h t s x m", positive=True)
NAMES = {n: v for n, v in zip("a b c d e f g h t s x m".split(), (a, b, c, d, e, f, g, h, t, s, x, m))}


def lam(text):
    """derivcheck text of a scalar (D, Log, Exp, Sqrt, psi, LogGamma, Sin, Cos) as sympy."""
    ns = dict(NAMES)
    ns.update(D=lambda expr, var: sp.diff(expr, var), Log=sp.log, Exp=sp.exp, Sqrt=sp.sqrt, psi=sp.digamma,
              psi1=lambda z: sp.polygamma(1, z), LogGamma=sp.loggamma, Gamma=sp.gamma, Sin=sp.sin, Cos=sp.cos)
    return sp.sympify(text.replace("^", "**"), locals=ns)


# the expectations of the held-out set, by their own closed forms (Gamma(a, b) with rate b; Normal(m, s) variance s)
EXPECTATIONS = {
    "Expectation(Log(t), t ~ Gamma(a, b))": sp.digamma(a) - sp.log(b),
    "Expectation(Log(t), t ~ Gamma(a + 1, b))": sp.digamma(a + 1) - sp.log(b),
    "Expectation(Exp(x), x ~ Normal(m, s))": sp.exp(m + s / 2),
    "Expectation(t^2, t ~ Gamma(a, b))": a * (a + 1) / b**2,
    "Expectation(t^3, t ~ Gamma(a, b))": a * (a + 1) * (a + 2) / b**3,
    "Expectation(1/t, t ~ Gamma(a, b))": b / (a - 1),
}


def side(text):
    if text.startswith("Gradient("):
        inner, vars_ = text[len("Gradient("):-1].rsplit(", {", 1)
        return [sp.diff(lam(inner), NAMES[v.strip()]) for v in vars_.rstrip("}").split(",")]
    if text.startswith("{"):
        return [lam(p) for p in split_top(text[1:-1])]
    return [EXPECTATIONS[text]] if text in EXPECTATIONS else [lam(text)]


def split_top(s):
    out, depth, cur = [], 0, ""
    for ch in s:
        depth += ch in "({" and 1 or ch in ")}" and -1 or 0
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return out + [cur]


def differs(l, r, rng):
    for _ in range(5):
        pt = {v: sp.Rational(rng.randint(3, 40), rng.randint(2, 9)) for v in NAMES.values()}
        pt[a] = pt[a] + 2  # a > 1 for E[1/t]
        if any(abs(sp.N((li - ri).subs(pt), 30)) > 1e-20 for li, ri in zip(l, r)):
            return True
    return False


def matrix_differs(defs, lhs_t, rhs_t):
    syms = {n: sp.Symbol(n) for n in "a b c d e f g h k l s x".split()}
    mats = {k: sp.Matrix(sp.sympify(v.replace("{", "[").replace("}", "]"), locals=syms)) for k, v in defs.items()}
    ns = dict(mats, Inverse=lambda M: M.inv(), Transpose=lambda M: M.T)
    ev = lambda s: sp.sympify(s.replace(" . ", "*"), locals=ns)
    return sp.simplify(ev(lhs_t) - ev(rhs_t)) != sp.zeros(2, 2)


def main():
    doc = yaml.safe_load(open("tests/diagnosis/heldout.yaml"))
    repairs = yaml.safe_load(open("tests/diagnosis/heldout-repairs.txt"))["repairs"]
    rng = random.Random(7)
    bad = 0
    for i, st in enumerate(doc["steps"], 1):
        lhs_t, rhs_t = st["claim"].split(" = ", 1)
        if st["name"] not in repairs:
            ok = matrix_differs(doc["define"], lhs_t, rhs_t)  # the matrix steps: false as written, 2x2 symbolic
            bad += 0 if ok else 1
            print(f"step {i} ({st['name']}): matrices differ {ok}") if not ok else None
            continue
        l, r, fixed = side(lhs_t), side(rhs_t), side(repairs[st["name"]])
        ok_false = differs(l, r, rng)
        ok_fix = all(sp.simplify(li - fi) == 0 for li, fi in zip(l, fixed))
        if not (ok_false and ok_fix):
            bad += 1
            print(f"step {i} ({st['name']}): claim false {ok_false}, repair true {ok_fix}")
    print(f"{len(doc['steps'])} steps, {bad} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
