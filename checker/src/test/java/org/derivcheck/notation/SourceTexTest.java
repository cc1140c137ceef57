package org.derivcheck.notation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The user's notation: each case is the textbook form of a construct, written out by hand. */
class SourceTexTest {
    private static final SourceTex.Names NAMES = new SourceTex.Names(Set.of("p", "q"), Set.of("x"), Set.of("z"),
            Set.of("elbo", "A"), Map.of("Fisher", "F(\\theta)"));

    private static String tex(String text) {
        return SourceTex.of(text, NAMES).orElseThrow();
    }

    @Test
    void derivativesAreDAndNabla() {
        assertEquals("\\frac{\\partial}{\\partial \\alpha} \\mathrm{logp}", tex("D(logp, alpha)"));
        assertEquals("\\frac{\\partial^{2}}{\\partial \\mu^{2}} f", tex("D(f, mu, mu)"));
        assertEquals("\\nabla_{\\eta_{1}, \\eta_{2}} A\\left(\\eta_{1}, \\eta_{2}\\right)",
                tex("Gradient(A(eta_1, eta_2), {eta_1, eta_2})"));
        assertEquals("\\nabla^{2}_{a, b} f", tex("Hessian(f, {a, b})"));
    }

    @Test
    void abstractDensitiesAreIntegralsExpectationsAndKl() {
        assertEquals("\\mathrm{KL}\\left(q\\left(z\\right) \\,\\|\\, p\\left(z \\mid x\\right)\\right)",
                tex("KL(q(z) || p(z | x))"));
        assertEquals("\\mathbb{E}_{q\\left(z\\right)}\\left[\\log p\\left(x, z\\right)\\right]",
                tex("Expectation(Log(p(x, z)), z ~ q)"));
        assertEquals("\\int q\\left(z\\right) \\,\\mathrm{d}z", tex("Sum(q(z), z)"));
        assertEquals("\\sum_{n=1}^{N} x_{n}", tex("Sum(x(n), {n, 1, N})"));
    }

    @Test
    void definitionsByNameSignsAndFamilies() {
        assertEquals("\\mathrm{elbo} \\le \\log p\\left(x\\right)", tex("elbo <= Log(p(x))"));
        assertEquals("\\left(\\alpha - 1\\right) \\log x - \\beta x", tex("(alpha - 1)*Log(x) + (-beta)*x"));
        assertEquals("\\log \\left(-\\beta\\right)", tex("Log(-beta)"));
        assertEquals("\\mathbb{E}_{\\tau \\sim \\mathrm{Gamma}\\left(a, b\\right)}\\left[\\tau\\right]",
                tex("Expectation(tau, tau ~ Gamma(a, b))"));
        assertEquals("F(\\theta) = \\begin{pmatrix}\\psi_1\\left(\\alpha\\right) & 0 \\\\ 0 & 1\\end{pmatrix}",
                tex("Fisher = {{psi1(alpha), 0}, {0, 1}}"));
        assertEquals("\\mu_{N}", SourceTex.name("mu_N"));
        assertEquals("\\lambda_{0}", SourceTex.name("lambda0"));
        assertEquals("\\mathrm{log\\_normal}", SourceTex.name("log_normal"));
    }

    @Test
    void unreadableTextGivesNothing() {
        assertTrue(SourceTex.of("a + * b", NAMES).isEmpty());
    }
}
