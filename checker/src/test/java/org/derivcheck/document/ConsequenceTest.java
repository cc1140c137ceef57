package org.derivcheck.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.derivcheck.cas.Cas;
import org.derivcheck.check.CheckOptions;
import org.derivcheck.check.Verdict;
import org.junit.jupiter.api.Test;

/**
 * A statement after a condition and {@code \implies} is what the condition is solved to, never an identity to refute:
 * 2x - 4 = 0 => x = 2 was REFUTED as the identity x = 2. Decided when both say the same expression (up to sign) is
 * zero; otherwise INCONCLUSIVE, with the reason.
 */
class ConsequenceTest {
    private static final Path F = Path.of("solve.md");

    private static List<EquationResult> check(String doc) {
        try (Cas cas = Cas.start(); DocumentChecker c = new DocumentChecker(cas, CheckOptions.defaults(), 1)) {
            Document d = DocumentReader.parse(F, Document.Markup.MARKDOWN, doc);
            return c.check(d, ContextReader.parse(F, d.context().orElseThrow().yaml(), l -> l)).equations();
        }
    }

    @Test
    void aSolvedConditionIsNotRefutedAsAnIdentity() {
        String doc = "---\nsymbols: {x: real, a: positive, b: positive, l: positive, c: positive}\n---\n"
                + "$$ 2x - 4 = 0 \\implies x = 2 $$\n\n"
                + "$$ \\frac{a}{x} - b = 0 \\implies x = \\frac{a}{b} $$\n\n"
                + "$$ x^2 - 4 = 0 \\implies 4 - x^2 = 0 $$\n\n"
                + "$$ x - 2 = 0 \\implies x - 3 = 0 $$\n\n"
                + "$$ (x + 1)^2 = x^2 + 2x + 1 \\implies x = x + 1 $$\n\n"
                + "$$ x^2 = 4 \\implies x = 2 $$\n\n"
                + "$$ \\frac{a}{x} - b = 0 \\implies x = \\frac{b}{a} $$\n\n"
                // a derivative set to zero, solved in the next display (the CAVI pattern)
                + "$$ \\frac{\\partial}{\\partial l}\\left(\\frac{1}{2}\\log l - \\frac{c}{2} l\\right) = 0 $$\n\n"
                + "$$ l = \\frac{1}{c} $$\n\n"
                + "$$ \\frac{\\partial}{\\partial l}\\left(\\frac{1}{2}\\log l - \\frac{c}{2} l\\right) = 0 $$\n\n"
                + "$$ l = \\frac{2}{c} $$\n";
        List<EquationResult> e = check(doc);
        assertEquals(18, e.size(), e.toString());
        assertEquals(EquationResult.Kind.CONDITION, e.get(0).kind());
        // linear in x: at most one solution, and 2 is it
        assertEquals(Verdict.PROVED, e.get(1).verdict().orElseThrow(), e.get(1).toString());
        // a/x - b: linear after multiplying by x
        assertEquals(Verdict.PROVED, e.get(3).verdict().orElseThrow(), e.get(3).toString());
        // the same expression up to sign: decided
        assertTrue(e.get(5).verdict().orElseThrow().holds(), e.get(5).toString());
        // not a solved form and not the same expression: never verified, never refuted as an identity
        assertEquals(Verdict.INCONCLUSIVE, e.get(7).verdict().orElseThrow(), e.get(7).toString());
        // after an identity (not a condition), a false statement that follows is refuted
        assertEquals(Verdict.REFUTED, e.get(9).verdict().orElseThrow(), e.get(9).toString());
        // x^2 = 4 has two solutions: x = 2 is not decided (it does not follow for x real)
        assertEquals(Verdict.INCONCLUSIVE, e.get(11).verdict().orElseThrow(), e.get(11).toString());
        assertTrue(e.get(11).steps().get(0).message().contains("not claimed as one"), e.get(11).steps().get(0).message());
        // a wrong solution of a linear condition is refuted
        assertEquals(Verdict.REFUTED, e.get(13).verdict().orElseThrow(), e.get(13).toString());
        assertTrue(e.get(13).steps().get(0).message().contains("does not solve it"), e.get(13).steps().get(0).message());
        assertEquals(EquationResult.Kind.CONDITION, e.get(14).kind());
        assertEquals(Verdict.PROVED, e.get(15).verdict().orElseThrow(), e.get(15).toString());
        assertEquals(Verdict.REFUTED, e.get(17).verdict().orElseThrow(), e.get(17).toString());
    }

    /**
     * A side condition in words may restrict a claim: one inequality after the words is an assumption of the display's
     * claims; words that do not read so leave a refutation INCONCLUSIVE.
     */
    @Test
    void aSideConditionInWordsIsNeverIgnoredByARefutation() {
        String doc = "---\nsymbols: {x: real}\n---\n"
                + "$$ \\sqrt{x^2} = x \\quad \\text{for } x > 0 $$\n\n"
                + "$$ \\sqrt{x^2} = x \\quad \\text{for } x > 0 \\text{ and } x < 2 $$\n\n"
                + "$$ \\sqrt{x^2} = x $$\n\n"
                + "$$ \\sqrt{x^2} = x \\quad \\text{if } x > -1 $$\n";
        List<EquationResult> e = check(doc);
        assertEquals(7, e.size(), e.toString());
        // read as the assumption x > 0: it holds there
        assertTrue(e.get(0).verdict().orElseThrow().holds(), e.get(0).toString());
        assertEquals(EquationResult.Kind.NOTE, e.get(1).kind());
        assertTrue(e.get(1).note().contains("read as an assumption"), e.get(1).note());
        // words that are not one inequality are not read: never refuted
        assertEquals(Verdict.INCONCLUSIVE, e.get(2).verdict().orElseThrow(), e.get(2).toString());
        assertTrue(e.get(2).steps().get(0).message().contains("side condition"), e.get(2).steps().get(0).message());
        assertEquals(Verdict.REFUTED, e.get(4).verdict().orElseThrow(), "without words, as written: " + e.get(4));
        // a condition that does not save the claim: refuted under it (x = -1/2)
        assertEquals(Verdict.REFUTED, e.get(5).verdict().orElseThrow(), e.get(5).toString());
    }

    /**
     * A remark that says how a step was made (by the chain rule, expanding) restricts nothing: a false claim beside it is
     * refuted; a remark that may restrict ((x>0), words derivcheck does not know) leaves it INCONCLUSIVE; the row after a
     * remark continues the chain before it.
     */
    @Test
    void aRemarkBesideAFalseClaimDoesNotSaveItButAConditionMay() {
        String doc = "---\nsymbols: {x: real}\n---\n"
                + "$$ \\sqrt{x^2} = x \\quad \\text{(by the power rule)} $$\n\n"
                + "$$ \\sqrt{x^2} = x \\quad \\text{(x>0)} $$\n\n"
                + "$$ \\sqrt{x^2} = x \\quad \\text{(x positiv)} $$\n\n"
                + "\\begin{align*}\n(x + 1)^2 &= (x + 1)(x + 1) \\quad \\text{expanding} \\\\\n&= x^2 + 2x + 2\n\\end{align*}\n";
        List<EquationResult> e = check(doc);
        assertEquals(Verdict.REFUTED, e.get(0).verdict().orElseThrow(), e.get(0).toString());
        assertTrue(e.get(1).note().contains("remark"), e.get(1).note());
        assertEquals(Verdict.INCONCLUSIVE, e.get(2).verdict().orElseThrow(), e.get(2).toString());
        assertEquals(Verdict.INCONCLUSIVE, e.get(4).verdict().orElseThrow(), e.get(4).toString());
        // the chain read past the remark: its second relation is the false one, refuted
        EquationResult chain = e.get(6);
        assertEquals(2, chain.steps().size(), chain.toString());
        assertEquals(Verdict.REFUTED, chain.steps().get(1).verdict(), chain.toString());
    }

    /** A definition that uses the symbol would keep it when the condition's text is substituted: not decided. */
    @Test
    void aDefinitionUsingTheUnknownIsNeverSubstitutedPastIt() {
        String doc = "---\nsymbols: {x: real}\ndefine:\n  g: 3*x\n---\n$$ g + x - 8 = 0 \\implies x = 2 $$\n";
        List<EquationResult> e = check(doc);
        assertEquals(Verdict.INCONCLUSIVE, e.get(1).verdict().orElseThrow(), "x = 2 is right; never refuted: " + e.get(1));
    }
}
