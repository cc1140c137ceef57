#!/usr/bin/python3
"""Independent ground truth for tests/families/c12-symbolic-k.yaml (mpmath and exact sums, not derivcheck).

Each step's claim is evaluated at concrete sizes K = 1..6 and random parameters: Dirichlet expectations by
mpmath quadrature of the component's density (t_k ~ Beta(alpha_k, A - alpha_k), the aggregation property) or by
nested quadrature over the simplex for K = 2, 3; Categorical and Multinomial ones by exact sums over every outcome
(every count vector for the Multinomial). A step expected PROVED or CONFIRMED must hold at every instance, one
expected REFUTED must fail at some instance, one expected INVALID must be ill-posed at some K (the reason is
stated). Exits 1 on any mismatch. Run: /usr/bin/python3 scripts/families_truth.py
"""
import itertools
import math
import random
import sys

import mpmath as mp
import yaml

mp.mp.dps = 30
RNG = random.Random(12)
FILE = "tests/families/c12-symbolic-k.yaml"


def beta_mean(f, a, b):
    """E f(t) for t ~ Beta(a, b), by quadrature (b = 0: the point mass at 1)."""
    if b == 0:
        return f(mp.mpf(1))
    dens = lambda t: t ** (a - 1) * (1 - t) ** (b - 1) / mp.beta(a, b)
    return mp.quad(lambda t: f(t) * dens(t), [0, 0.5, 1], maxdegree=10)


def dirichlet_pair_mean(alpha):
    """E t_1 t_2 for K >= 2 by nested quadrature: t_1 ~ Beta(a1, A - a1), t_2 = (1 - t_1) s, s ~ Beta(a2, rest)."""
    a1, a2 = alpha[0], alpha[1]
    rest = sum(alpha[2:])
    if rest == 0:
        return beta_mean(lambda t: t * (1 - t), a1, a2)
    inner = beta_mean(lambda s: s, a2, rest)
    return beta_mean(lambda t: t * (1 - t), a1, a2 + rest) * inner


def multinomial(n, p):
    """Every count vector of n draws from p, with its probability."""
    k = len(p)
    for c in itertools.product(range(n + 1), repeat=k):
        if sum(c) == n:
            pr = mp.factorial(n)
            for ci, pi in zip(c, p):
                pr *= mp.mpf(pi) ** ci / mp.factorial(ci)
            yield c, pr


def close(x, y):
    # tanh-sinh quadrature of t^(a - 1) with a = 0.3 at the end point is good to about 1e-10 here; the false
    # claims differ by more than 0.1
    return abs(x - y) <= mp.mpf(10) ** -8 * max(1, abs(x), abs(y))


def instances():
    for K in range(1, 7):
        for _ in range(3):
            alpha = [mp.mpf(RNG.choice([0.3, 0.7, 1, 1.5, 2.5, 4])) for _ in range(K)]
            w = [mp.mpf(RNG.uniform(0.1, 3)) for _ in range(K)]
            e = [mp.mpf(RNG.uniform(-2, 2)) for _ in range(K)]
            n = RNG.randint(0, 4)
            yield K, alpha, w, e, n


def holds(step):
    """(True/False, why) for one step, or (None, reason) where the claim is ill-posed at some K."""
    for K, alpha, w, e, n in instances():
        A = sum(alpha)
        p = [x / sum(w) for x in w]
        soft = [mp.exp(x) / sum(mp.exp(y) for y in e) for x in e]
        for k in range(1, K + 1):
            i = k - 1
            marg = lambda f: beta_mean(f, alpha[i], A - alpha[i])
            if step == 1:
                lhs, rhs = marg(lambda t: t), alpha[i] / A
            elif step == 2:
                lhs, rhs = marg(mp.log), mp.digamma(alpha[i]) - mp.digamma(A)
            elif step == 3:
                lhs = sum((alpha[j] - 1) * beta_mean(mp.log, alpha[j], A - alpha[j]) for j in range(K))
                rhs = sum((alpha[j] - 1) * (mp.digamma(alpha[j]) - mp.digamma(A)) for j in range(K))
            elif step == 4:
                lhs, rhs = sum(beta_mean(lambda t: t, alpha[j], A - alpha[j]) for j in range(K)), 1
            elif step == 5:
                lhs, rhs = marg(lambda t: t * t), alpha[i] * (alpha[i] + 1) / (A * (A + 1))
            elif step == 6:
                lhs = sum(soft[j] * beta_mean(mp.log, alpha[j], A - alpha[j]) for j in range(K))
                rhs = sum(soft[j] * (mp.digamma(alpha[j]) - mp.digamma(A)) for j in range(K))
            elif step in (7, 8, 15):
                q = p if step == 7 else [mp.mpf(1) / K] * K if step == 8 else w
                if step == 15 and not close(sum(q), 1):
                    return None, "the weights w sum to %s at K = %d: not a probability vector" % (mp.nstr(sum(q), 5), K)
                lhs = sum(q[j] * e[j] for j in range(K))  # sum over the K outcomes z = e_j
                rhs = sum(w[j] * e[j] for j in range(K)) / sum(w) if step == 7 else sum(e) / K
            elif step in (9, 10, 14):
                outcomes = list(multinomial(n, p))
                m1 = sum(pr * c[i] for c, pr in outcomes)
                m2 = sum(pr * c[i] ** 2 for c, pr in outcomes)
                lhs = m1 if step == 9 else m2 - m1 ** 2
                rhs = n * p[i] if step in (9, 14) else n * p[i] * (1 - p[i])
            elif step == 11:
                if K < 2:
                    return None, "at K = 1 there is no t(2)"
                lhs, rhs = dirichlet_pair_mean(alpha), alpha[0] * alpha[1] / (A * (A + 1))
            elif step == 12:
                if K == 1:
                    continue  # psi(0) on the right: undefined, not a counterexample
                lhs, rhs = marg(mp.log), mp.digamma(alpha[i]) - mp.digamma(A - alpha[i])
            elif step == 13:
                lhs, rhs = marg(mp.log), mp.log(alpha[i] / A)
            elif step == 16:
                lhs = sum(beta_mean(lambda t: t * t, alpha[j], A - alpha[j]) for j in range(K))
                if not lhs < 1:
                    return False, "at K = %d the sum of squares is %s, not < 1" % (K, mp.nstr(lhs, 10))
                continue
            elif step == 17:
                return None, "E log t for a vector t of symbolic length is a vector that cannot be written"
            else:
                raise KeyError(step)
            if not close(lhs, rhs):
                return False, "at K = %d, k = %d: %s vs %s" % (K, k, mp.nstr(lhs, 12), mp.nstr(rhs, 12))
    return True, "holds at K = 1..6, 3 parameter draws each, every k"


def main():
    steps = yaml.safe_load(open(FILE))["steps"]
    bad = 0
    for number, step in enumerate(steps, 1):
        want = step["expect"]
        got, why = holds(number)
        ok = (got is True and want in ("PROVED", "CONFIRMED")) or (got is False and want == "REFUTED") or (
            got is None and want == "INVALID")
        print("%-4s step %2d %-9s %s: %s" % ("ok" if ok else "BAD", number, want, got, why))
        bad += not ok
    print("%d mismatches" % bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
