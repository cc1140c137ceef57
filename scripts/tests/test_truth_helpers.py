"""Tests of the ground-truth scripts' helpers (scripts/adversarial_truth.py, scripts/families_truth.py): the reading
of derivcheck's syntax into SymPy, real semantics, the decision at a witness point, and the quadratures and exact
sums every expectation of the truth is computed with, against textbook closed forms."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import mpmath  # noqa: E402
import sympy as sp  # noqa: E402

import adversarial_truth as at  # noqa: E402
import families_truth as ft  # noqa: E402


class ReadingTest(unittest.TestCase):
    def test_relations_split_at_top_level_only(self):
        self.assertEqual(["a", "=", "Max(b, c <= d)", "<", "e"], at.split_relations("a = Max(b, c <= d) < e"))
        self.assertEqual(["x", "<=", "y"], at.split_relations("x <= y"))  # not "<" then "= y"

    def test_a_chain_relates_each_line_to_the_one_before(self):
        self.assertEqual([("a", "=", "b"), ("b", "<=", "c"), ("c", "<", "d")],
                         at.relations_of({"chain": ["a = b", "<= c", "< d"]}))
        self.assertEqual([("x", ">=", "0")], at.relations_of({"claim": "x >= 0"}))

    def test_derivcheck_syntax_in_sympy(self):
        syms, decl = at.symbols_of({"symbols": {"x": "positive", "N": {"domain": "integer", "min": 1, "max": 5}}})
        self.assertTrue(syms["x"].is_positive)
        self.assertTrue(syms["N"].is_integer)
        self.assertEqual((1, 5), decl["N"][1:3])
        # Log with a base, ^ as a power, a decimal as an exact rational, case-sensitive names
        self.assertEqual(3, sp.simplify(at.parse("Log(2, 8)", syms)))
        self.assertEqual(sp.Rational(1, 10), at.parse("0.1", syms))
        self.assertEqual(syms["x"] ** 2, at.parse("x^2", syms))
        self.assertNotEqual(at.parse("N", syms), at.parse("n", syms))


class RealSemanticsTest(unittest.TestCase):
    def test_a_side_with_a_complex_part_is_undefined(self):
        x = sp.Symbol("x", real=True)
        held = at.parse("Sqrt(x)^2", {"x": x}, evaluate=False)
        # Sqrt(-1)^2 is -1 in complex arithmetic, but Sqrt(-1) has no real value
        with self.assertRaises(at.Undefined):
            at.value(held, {x: -1})
        v, _ = at.value(held, {x: 4})
        self.assertLess(abs(v - 4), sp.Float(10) ** -50)
        with self.assertRaises(at.Undefined):
            at.value(at.parse("Log(x)", {"x": x}, evaluate=False), {x: 0})

    def test_a_witness_decides_a_relation(self):
        x = sp.Symbol("x", real=True)
        p = lambda t: at.parse(t, {"x": x}, evaluate=False)
        self.assertIsNone(at.fails_at(p("Sin(x)"), "<=", p("1"), {x: 1}))
        self.assertIn("the sides are equal", at.fails_at(p("Sin(x)"), "<", p("1"), {x: sp.pi / 2}))
        self.assertIn("difference", at.fails_at(p("x^2"), "=", p("x"), {x: 2}))
        self.assertIsNone(at.fails_at(p("(x^2 - 1)/(x - 1)"), "=", p("x + 1"), {x: 3}))
        # an isolated singular point is no witness (x/x = 1 where both are defined)
        self.assertIsNone(at.fails_at(p("x/x"), "=", p("1"), {x: 0}))
        # one side undefined around a point where the other has a value is (Log(x - 1) at x = 1 is not: it has
        # values next to it)
        self.assertIn("left side is undefined", at.fails_at(p("Log(x - 1)"), "<", p("x"), {x: 0}))
        self.assertIsNone(at.fails_at(p("Log(x - 1)"), "<", p("x"), {x: 1}))

    def test_decisions_record_truth_method_and_evidence(self):
        d = at.Decisions({"old#1": (True, "exact", "kept")})
        d.false("f#1", "at x = 0")
        d.true("t#1", "Gibbs")
        d.true("t#2", "by quadrature", "quadrature")
        self.assertEqual({"old#1": (True, "exact", "kept"), "f#1": (False, "witness", "at x = 0"),
                          "t#1": (True, "theorem", "Gibbs"), "t#2": (True, "quadrature", "by quadrature")}, d)

    def test_every_custom_section_is_used(self):
        keys = at.custom_results()
        for key in ("c01-strict-finite.yaml#1", "c08-finite-large.yaml#1", "c09-quadrature-near.yaml#1"):
            self.assertIn(key, keys)


class FamiliesQuadratureTest(unittest.TestCase):
    """The expectation helpers of families_truth.py against the families' textbook moments."""

    def close(self, expected, actual, tol=1e-12):
        self.assertLessEqual(abs(mpmath.mpf(expected) - actual), tol * max(1, abs(expected)), (expected, actual))

    def test_one_dimensional_families(self):
        f = mpmath.mpf
        a, b = f("2.5"), f("1.5")
        self.close(a / (a + b), ft.E_beta(lambda t: t, a, b))
        self.close(a / (a + b), ft.beta_mean(lambda t: t, a, b))
        self.close(1, ft.beta_mean(lambda t: t, a, 0))  # b = 0: the point mass at 1
        self.close(a / b, ft.E_gamma(lambda t: t, a, b))
        self.close(f(3) ** 2 + 2, ft.E_normal(lambda w: w * w, 3, 2))
        self.close(f("1.7"), ft.E_poisson(lambda n: n, f("1.7")))
        self.close(f(2) * 6 / (6 - 2), ft.E_student(lambda y: (y - 1) ** 2, 6, 1, 2), 1e-9)
        self.close(b, ft.E_laplace(lambda y: abs(y - 1), 1, b))
        self.close(mpmath.exp(f("0.5") + f("0.3") / 2), ft.E_lognormal(lambda y: y, f("0.5"), f("0.3")))
        self.close(b / (a - 1), ft.E_invgamma(lambda u: u, a, b))

    def test_dirichlet_and_multinomial(self):
        alpha = [mpmath.mpf(v) for v in ("0.7", "1.5", "2")]
        s = sum(alpha)
        self.close(alpha[0] * alpha[1] / (s * (s + 1)), ft.dirichlet_pair_mean(alpha), 1e-10)
        p = [mpmath.mpf(v) for v in ("0.2", "0.3", "0.5")]
        outcomes = list(ft.multinomial(4, p))
        self.assertEqual(15, len(outcomes))  # count vectors of 4 draws into 3 cells: C(6, 2)
        self.close(1, sum(pr for _, pr in outcomes))
        self.close(4 * p[2], sum(c[2] * pr for c, pr in outcomes))


if __name__ == "__main__":
    unittest.main()
