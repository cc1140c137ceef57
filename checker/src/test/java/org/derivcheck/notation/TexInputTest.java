package org.derivcheck.notation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LaTeX to derivcheck syntax: the subset of docs/grading.md, and refusals with their columns. */
class TexInputTest {
    /** The names of the report's Gamma and Normal-Gamma questions, as a rubric declares them. */
    static final TexInput.Vocabulary V = new TexInput.Vocabulary(
            Set.of("alpha", "beta", "x", "mu", "tau", "mu_N", "lambda_N", "a_N", "b_N", "eta_1", "eta_2", "N", "lambda_0"),
            Set.of("y"), Map.of("A", 2), Set.of("logq", "J", "Fisher"), Set.of("J", "Fisher"),
            Map.of("theta", List.of("alpha", "beta"), "eta", List.of("eta_1", "eta_2"), "omega", List.of("mu_N", "lambda_N", "a_N", "b_N")),
            Map.of("q", "mu ~ Normal(mu_N, 1/lambda_N), tau ~ Gamma(a_N, b_N)"),
            Map.of("\\log q(\\mu,\\tau)", "logq", "F(\\theta)", "Fisher", "A(\\eta)", "A(eta_1, eta_2)"));

    private static String tr(String latex) {
        return TexInput.translate(latex, V).stream().map(l -> (l.relation().isEmpty() ? "" : l.relation() + " ") + l.text())
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\\frac{1}{2}\\log \\lambda_N                     | 1/2*Log(lambda_N)",
        "\\frac{\\alpha}{\\beta^2}                         | alpha/beta^2",
        "\\psi(a_N) - \\log(b_N) + \\log \\tau            | psi(a_N) - Log(b_N) + Log(tau)",
        "\\psi_1(\\alpha)                                  | psi1(alpha)",
        "\\psi'(\\alpha) + \\psi^{(1)}(\\beta)             | psi1(alpha) + psi1(beta)",
        "\\log\\Gamma(\\alpha) - \\ln \\Gamma(\\beta)      | LogGamma(alpha) - LogGamma(beta)",
        "\\lambda_N(\\mu - \\mu_N)                         | lambda_N*(mu - mu_N)",
        "2\\lambda_N                                       | 2*lambda_N",
        "\\log 2\\pi                                       | Log(2*Pi)",
        "(\\alpha-1)\\log x - \\beta x                     | (alpha - 1)*Log(x) - beta*x",
        "e^{-\\beta x}                                     | Exp(-beta*x)",
        "\\sqrt{\\tau}                                     | Sqrt(tau)",
        "\\sum_{n=1}^{N} (y_n - \\mu)^2                    | Sum((y(n) - mu)^2, {n, 1, N})",
        "-\\frac{1}{N}\\sum_{n=1}^N \\log y_{n} + \\eta_1 | -1/N*Sum(Log(y(n)), {n, 1, N}) + eta_1",
        "\\begin{pmatrix} a_N \\\\ b_N \\end{pmatrix}      | {a_N, b_N}",
        "\\begin{bmatrix} 1 & 0 \\\\ 0 & -1 \\end{bmatrix} | {{1, 0}, {0, -1}}",
        "J^\\top J                                         | Transpose(J) . J",
        "F(\\theta)                                        | Fisher",
        "\\nabla_\\eta A(\\eta)                            | Gradient(A(eta_1, eta_2), {eta_1, eta_2})",
        "\\nabla_{\\alpha,\\beta} \\log\\Gamma(\\alpha)    | Gradient(LogGamma(alpha), {alpha, beta})",
        "\\nabla_\\omega \\log q(\\mu,\\tau)               | Gradient(logq, {mu_N, lambda_N, a_N, b_N})",
        "\\frac{\\partial}{\\partial \\alpha} \\log\\Gamma(\\alpha) | D(LogGamma(alpha), alpha)",
        "\\frac{\\partial^2 \\log x}{\\partial \\alpha \\partial \\beta} | D(Log(x), alpha, beta)",
        "\\mathbb{E}_{x \\sim \\mathrm{Gamma}(\\alpha,\\beta)}[\\log x] | Expectation(Log(x), x ~ Gamma(alpha, beta))",
        "\\mathbb{E}_{q}\\left[\\tau\\right]               | Expectation(tau, mu ~ Normal(mu_N, 1/lambda_N), tau ~ Gamma(a_N, b_N))",
        "a_N \\cdot b_N                                    | a_N*b_N",
        "\\mu_N &= \\mu_N \\\\                             | mu_N = mu_N",
        "&\\le \\alpha.                                    | <= alpha",
        "\\binom{N}{2} + \\dbinom{N + 1}{x}               | Binomial(N, 2) + Binomial(N + 1, x)",
        "\\sin^2 x + \\cos^{2}(x) - \\log^3 \\alpha        | Sin(x)^2 + Cos(x)^2 - Log(alpha)^3",
    })
    void translates(String latex, String expected) {
        assertEquals(expected.trim(), tr(latex.trim()));
    }

    @Test
    void chainsKeepTheirRelations() {
        List<TexInput.Link> links = TexInput.translate("F(\\theta) &= J^\\top F(\\theta) J \\le \\alpha", V);
        assertEquals(List.of("", "=", "<="), links.stream().map(TexInput.Link::relation).toList());
    }

    /** A relation in a group, in \\mathrel, or with a note set over or under it is that relation; the note is not read. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "\\alpha {=} \\beta {\\le} x                         ; alpha = beta <= x",
        "\\alpha \\mathrel{=} \\beta \\mathrel{\\leq} x          ; alpha = beta <= x",
        "\\alpha \\stackrel{\\text{def}}{=} \\beta               ; alpha = beta",
        "\\alpha \\overset{\\mathrm{def}}{=} \\beta \\underset{(a)}{\\geq} x ; alpha = beta >= x",
        "\\alpha \\overset{!}{=} 0                             ; alpha = 0",
        "\\alpha \\stackrel{?}= \\beta                          ; alpha = beta",
        "\\alpha \\coloneq \\beta \\eqcolon x                  ; alpha = beta = x",
        "\\alpha := \\beta =: x                               ; alpha = beta = x",
        "\\alpha {<=} \\beta                                  ; alpha <= beta",
    })
    void relationSpellings(String latex, String expected) {
        assertEquals(expected.trim(), tr(latex.trim()));
    }

    /** What students write that shows the formula as it is: a box, a brace with a note, a shown colour, Unicode, \\frac12. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "\\alpha = \\boxed{\\beta + x}                               ; alpha = (beta + x)",
        "\\underbrace{(\\alpha + x)(\\alpha + x)}_{\\text{twice}} = \\overbrace{x}^{n}  ; ((alpha + x)*(alpha + x)) = x",
        "{\\color{red} \\alpha} + \\textcolor{blue}{x}               ; alpha + x",
        "α² − 2·β ≤ x³ × μ_N                                 ; alpha^2 - 2*beta <= x^3*mu_N",
        "\\frac12 \\alpha + \\tfrac{1}2 x + \\sqrt23                  ; 1/2*alpha + 1/2*x + Sqrt(2)*3",
    })
    void shownAsItIs(String latex, String expected) {
        assertEquals(expected.trim(), tr(latex.trim()));
    }

    /** A colour a page may not show, a mixed one, a decimal where TeX takes one token: refused, never guessed. */
    @Test
    void hiddenColoursAndDecimalsAreRefused() {
        assertThrows(ParseException.class, () -> tr("{\\color{white} \\alpha} = x"));
        assertThrows(ParseException.class, () -> tr("\\textcolor{red!5}{\\alpha} = x"));
        assertThrows(ParseException.class, () -> tr("\\frac2.5 = x"));
        assertThrows(ParseException.class, () -> tr("\\alpha ≠ x"));
        // a note with a relation is a claim nobody checks: refused, not dropped
        ParseException under = assertThrows(ParseException.class, () -> tr("\\alpha = \\underbrace{x^2}_{= x} + 1"));
        assertTrue(under.getMessage().contains("holds a relation"), under.getMessage());
        assertThrows(ParseException.class, () -> tr("\\alpha \\stackrel{x = 0}{=} \\beta"));
        assertThrows(ParseException.class, () -> tr("\\alpha \\overset{x \\le 1}{\\le} \\beta"));
    }

    /** Only a group holding nothing but a relation is one: a note over a letter, or a relation in a script, is refused. */
    @Test
    void aNoteOverSomethingElseIsNotARelation() {
        assertThrows(ParseException.class, () -> tr("\\overset{\\sim}{x} = \\alpha"));
        assertThrows(ParseException.class, () -> tr("\\alpha \\stackrel{=}{\\approx} \\beta"));
        assertThrows(ParseException.class, () -> tr("x^{=} = \\alpha"));
        assertThrows(ParseException.class, () -> tr("\\alpha \\mathrel{+} \\beta = x"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // latex | 1-based column of the error | a word of the message
        "\\alpha + \\foo       ; 10 ; unknown command",
        "\\alpha + \\input{/etc/passwd} ; 10 ; unknown command",
        "\\frac{1}{2            ; 9  ; never closed",
        "p(x|\\alpha)           ; 1  ; not defined",
        "\\alpha \\approx \\beta ; 8 ; not a relation",
        "y_1 + \\cdots + y_N    ; 7  ; elision",
        "\\alpha ++             ; 10 ; ends too early",
        "\\sum_{n} y_n          ; 5  ; range",
        "\\mathbb{E}[x]         ; 1  ; which distribution",
        "\\alpha # \\beta       ; 8  ; unexpected character",
        "\\sin^{-1} x           ; 5  ; ambiguous",
    })
    void refusesWithColumn(String latex, int column, String words) {
        ParseException e = assertThrows(ParseException.class, () -> TexInput.translate(latex.trim(), V));
        assertEquals(column, e.column(), e::getMessage);
        assertTrue(e.getMessage().contains(words), e::getMessage);
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        String deep = "(".repeat(5000) + "x" + ")".repeat(5000);
        ParseException e = assertThrows(ParseException.class, () -> TexInput.translate(deep, V));
        assertTrue(e.getMessage().contains("nested too deeply"), e::getMessage);
    }

    @Test
    void aBareSumTakesItsRangeFromTheIndicesAndNeverGuessesIt() {
        TexInput.Vocabulary withN = new TexInput.Vocabulary(V.symbols(), V.indexed(), V.functions(), V.constants(), V.arrays(),
                V.variableLists(), V.expectations(), V.notation(), Map.of("n", "1, N"));
        assertEquals("Sum(y(n)^2, {n, 1, N})", TexInput.translate("\\sum_n y_n^2", withN).get(0).text());
        assertEquals("Product(y(n), {n, 1, N})", TexInput.translate("\\prod_{n} y_n", withN).get(0).text());
        ParseException e = assertThrows(ParseException.class, () -> TexInput.translate("\\sum_n y_n", V));
        assertTrue(e.getMessage().contains("indices:") && e.column() == 5, e.getMessage());
        ParseException k = assertThrows(ParseException.class, () -> TexInput.translate("\\sum_k y_k", withN));
        assertTrue(k.getMessage().contains("range of k"), k.getMessage());
    }

    @Test
    void aGradientOfALogWrittenFirstIsTheScoreTimesWhatFollows() {
        assertEquals("D(Log(x), mu)*(mu - x)", tr("\\nabla_\\mu \\log x (\\mu - x)"));
        assertEquals("D(Log(x), mu)*(mu - x)", tr("\\partial_\\mu \\log x (\\mu - x)"));
        assertEquals("D(x*(mu - x), mu)", tr("\\nabla_\\mu x (\\mu - x)")); // otherwise the product that follows
    }

    @Test
    void anIntegralOverARealVariableUnderANamedDensityIsAnExpectation() {
        TexInput.Vocabulary v = new TexInput.Vocabulary(Set.of("theta", "a", "b"), Set.of(), Map.of(), Set.of(), Set.of(),
                Map.of(), Map.of(TexInput.normalized("p(\\theta)"), "theta ~ Beta(a, b)"), Map.of());
        assertEquals("Expectation(Log(theta), theta ~ Beta(a, b))",
                TexInput.translate("\\int p(\\theta) \\log \\theta \\, d\\theta", v).get(0).text());
        assertEquals("Expectation(1, theta ~ Beta(a, b))", TexInput.translate("\\int p(\\theta) \\, d\\theta", v).get(0).text());
        ParseException other = assertThrows(ParseException.class, () -> TexInput.translate("\\int p(\\theta) a \\, da", v));
        assertTrue(other.getMessage().contains("over a"), other.getMessage());
    }

    /** Absolute values: paired bars where an operand begins; a norm's \\| and a density's 'given' bar are not one. */
    @Test
    void absoluteValues() {
        assertEquals("Abs(x)", tr("|x|"));
        assertEquals("Abs(x)", tr("\\left| x \\right|"));
        assertEquals("Abs(x)", tr("\\lvert x \\rvert"));
        assertEquals("2*Abs(x) - Abs(x - alpha)", tr("2|x| - \\left\\lvert x - \\alpha \\right\\rvert"));
        assertEquals("Abs(x - Abs(alpha))", tr("\\lvert x - |\\alpha| \\rvert"));
        // an unpaired bar is still refused, not guessed
        assertThrows(ParseException.class, () -> tr("|x"));
        assertThrows(ParseException.class, () -> tr("x | \\alpha"));
    }
}
