package org.derivcheck.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.derivcheck.derivation.DerivationException;
import org.derivcheck.document.Document.Markup;
import org.junit.jupiter.api.Test;

/** The document reader: displays, numbers, lines, statements, contexts and bad input, without any checking. */
class DocumentReaderTest {
    private static final Path F = Path.of("doc.md");

    private static List<Equation> eqs(Markup m, String text) {
        return Equations.of(DocumentReader.parse(F, m, text));
    }

    @Test
    void markdownDisplaysKeepTheirNumbersAndLines() {
        String md = "# Q1\n\ntext $a$ inline\n\n$$a = b \\quad (1)$$\n\n$$\nc = d \\tag{2.3a}\n$$\n\n$$e = f$$\n";
        List<Equation> e = eqs(Markup.MARKDOWN, md);
        assertEquals(3, e.size());
        assertEquals(Optional.of("1"), e.get(0).number());
        assertEquals(Optional.of("2.3a"), e.get(1).number());
        assertEquals(Optional.empty(), e.get(2).number());
        Document d = DocumentReader.parse(F, Markup.MARKDOWN, md);
        assertEquals(5, d.source().lineOf(e.get(0).offset()));
        assertEquals(8, d.source().lineOf(e.get(1).offset()));
        assertEquals("Q1", e.get(0).section());
        assertEquals("a = b", e.get(0).statements().get(0).latex().strip());
    }

    @Test
    void latexEnvironmentsAreNumberedLikeLatex() {
        String tex = "\\begin{equation}a=b\\label{e:one}\\end{equation}\n\\begin{equation*}c=d\\end{equation*}\n"
                + "\\begin{align}x &= y \\\\ &= z \\nonumber \\\\ u &= v \\tag{T}\\\\ w&=w\\end{align}\n"
                + "\\begin{equation}\\begin{split} p &= q \\\\ &= r\\end{split}\\end{equation}";
        List<Equation> e = eqs(Markup.LATEX, tex);
        assertEquals(6, e.size(), e.toString());
        assertEquals(Optional.of("1"), e.get(0).number());
        assertEquals(Optional.of("e:one"), e.get(0).label());
        assertEquals(Optional.empty(), e.get(1).number());
        assertEquals(Optional.of("2"), e.get(2).number()); // x = y = z, the second row not numbered
        assertEquals(2, e.get(2).statements().get(0).parts().size());
        assertEquals(Optional.of("T"), e.get(3).number());
        assertEquals(Optional.of("3"), e.get(4).number());
        assertEquals(Optional.of("4"), e.get(5).number()); // split: one number for the display
        assertEquals(2, e.get(5).statements().get(0).parts().size());
    }

    @Test
    void quadAndArrowsSeparateStatements() {
        List<Equation> e = eqs(Markup.MARKDOWN, "$$a = b, \\quad c \\quad \\text{for } i = 1 \\rightarrow d = e \\quad (9)$$");
        List<Equation.Statement> s = e.get(0).statements();
        assertEquals(Optional.of("9"), e.get(0).number());
        assertEquals(4, s.size(), s.toString());
        assertEquals(Equation.Link.ALSO, s.get(1).link());
        assertEquals(Equation.Link.NOTE, s.get(2).link());
        assertEquals(Equation.Link.FOLLOWS, s.get(3).link());
        List<Equation.Statement> t = eqs(Markup.MARKDOWN, "$$a = b \\Rightarrow c = d$$").get(0).statements();
        assertEquals(Equation.Link.FOLLOWS, t.get(1).link());
    }

    @Test
    void codeAndCommentsAreNotRead() {
        assertEquals(1, eqs(Markup.MARKDOWN, "```\n$$a=b$$\n```\n`$$c=d$$` <!-- $$e=f$$ -->\n$$g=h$$").size());
        assertEquals(1, eqs(Markup.LATEX, "% $$a=b$$\n\\[c = d\\]").size());
    }

    @Test
    void anUnclosedDisplayIsAProblemAtItsLineAndTheOthersAreRead() {
        Document d = DocumentReader.parse(F, Markup.MARKDOWN, "$$a = b$$\n\n$$ c = d\n\nprose\n\n$$e = f$$\n");
        assertEquals(1, d.problems().size());
        assertEquals(3, d.source().lineOf(d.problems().get(0).offset()));
        assertEquals(2, Equations.of(d).size());
        Document open = DocumentReader.parse(F, Markup.LATEX, "\\[a=b\\]\n\\[ c = d");
        assertTrue(open.problems().get(0).message().contains("never closed"));
        assertEquals(1, Equations.of(open).size());
    }

    @Test
    void beginWithoutEndIsAProblemAtItsLine() {
        Document d = DocumentReader.parse(F, Markup.LATEX, "\\begin{equation}a=b\\end{equation}\n\\begin{itemize}\n\\item x\n");
        assertEquals(1, d.problems().size());
        assertEquals(2, d.source().lineOf(d.problems().get(0).offset()));
        assertTrue(d.problems().get(0).message().contains("\\begin{itemize}"));
    }

    @Test
    void refusedCommandsAndMacrosAreFoundWithTheirLines() {
        Document d = DocumentReader.parse(F, Markup.LATEX, "\\newcommand{\\E}{\\mathbb{E}}\n\\input{other}\n"
                + "\\[a = \\write18{rm -rf x}\\]\n\\[b=b\\]");
        assertEquals(1, d.macros().get("\\E"));
        assertEquals(2, d.problems().size());
        assertEquals(2, d.source().lineOf(d.problems().get(0).offset()));
        assertEquals(1, d.problems().get(1).display()); // the display with \write18 is spoiled, the other is not
    }

    @Test
    void contextsComeFromFrontMatterOrComments() {
        Document md = DocumentReader.parse(F, Markup.MARKDOWN, "---\nsymbols: {x: real}\n---\n$$x = x$$\n");
        assertEquals("symbols: {x: real}\n", md.context().orElseThrow().yaml());
        assertEquals(2, md.context().orElseThrow().documentLine(1));
        Document tex = DocumentReader.parse(Path.of("a.tex"), Markup.LATEX, "% derivcheck:\n%   symbols:\n%     x: real\n"
                + "\\[x=x\\]\n% derivcheck: assume: [x > 0]\n");
        assertEquals("  symbols:\n    x: real\nassume: [x > 0]\n", tex.context().orElseThrow().yaml());
        assertEquals(5, tex.context().orElseThrow().documentLine(3));
        Context c = ContextReader.parse(F, "symbols: {x: real}\nsections: {\"Q2\": {symbols: {y: positive}}}\n", l -> l);
        assertEquals(2, c.forSection("Question Q2").symbols().size());
        assertEquals(1, c.forSection("Question Q1").symbols().size());
        DerivationException e = assertThrows(DerivationException.class, () -> ContextReader.parse(F, "symbolz: {}", l -> l + 10));
        assertTrue(e.getMessage().contains(":11:"), e.getMessage());
    }

    @Test
    void binaryAndHugeInputIsRefused() {
        DerivationException bin = assertThrows(DerivationException.class, () -> DocumentReader.readStream(F,
                new java.io.ByteArrayInputStream(new byte[] {'a', 0, 'b'})));
        assertTrue(bin.getMessage().contains("binary"), bin.getMessage());
        DerivationException big = assertThrows(DerivationException.class, () -> DocumentReader.readStream(F,
                new java.io.ByteArrayInputStream(new byte[(int) DocumentReader.MAX_BYTES + 1])));
        assertTrue(big.getMessage().contains("larger"), big.getMessage());
        DerivationException utf = assertThrows(DerivationException.class, () -> DocumentReader.readStream(F,
                new java.io.ByteArrayInputStream(new byte[] {(byte) 0xff, (byte) 0xfe, 'a'})));
        assertTrue(utf.getMessage().contains("UTF-8"), utf.getMessage());
    }

    /** The LaTeX of every statement found, in order. */
    private static List<String> shown(Markup m, String text) {
        return eqs(m, text).stream().flatMap(e -> e.statements().stream()).map(st -> st.latex().strip()).toList();
    }

    @Test
    void onlyWhatLatexTypesetsIsRead() {
        // issue 11, class 11: a formula a reader of the PDF does not see is not read
        String tex = "\\documentclass{article}\n\\[ p = 1 \\]\n\\begin{document}\n"
                + "\\verb|\\[ q = 2 \\]| and \\verb*+$$r = 3$$+\n"
                + "\\iffalse\n\\[ s = 4 \\]\n\\ifx\\a\\b \\[ s = 5 \\] \\fi\n\\[ s = 6 \\]\n\\fi\n"
                + "\\iftrue\n\\[ a = 1 \\]\n\\else\n\\[ t = 7 \\]\n\\fi\n"
                + "\\iffalse \\[ u = 8 \\] \\else \\[ b = 2 \\] \\fi\n"
                + "\\begin{comment}\n\\[ v = 9 \\]\n\\end{comment}\n"
                + "\\begin{align*}\nc &= d \\iffalse \\\\ &= w \\fi\n\\end{align*}\n"
                + "\\end{document}\n\\[ x = 10 \\]\n";
        assertEquals(List.of("a = 1", "b = 2", "c &= d"), shown(Markup.LATEX, tex));
        assertEquals(List.of(), DocumentReader.parse(F, Markup.LATEX, tex).problems());
        // TeX skips the space in \begin {comment}
        assertEquals(List.of("a = b"), shown(Markup.LATEX, "\\begin {comment}\n\\[ c = d \\]\n\\end {comment}\n\\[ a = b \\]\n"));
        // an \iffalse never closed hides the rest; \endinput and \bye end the file
        assertEquals(List.of("a = b"), shown(Markup.LATEX, "\\[ a = b \\]\n\\iffalse\n\\[ c = d \\]\n"));
        assertEquals(List.of("a = b"), shown(Markup.LATEX, "\\[ a = b \\]\n\\endinput\n\\[ c = d \\]\n"));
        assertEquals(List.of("a = b"), shown(Markup.LATEX, "\\[ a = b \\]\n\\bye\n\\[ c = d \\]\n"));
        // without \begin{document} (a fragment) everything is read; \end{equation} is not a bare \end
        assertEquals(List.of("a = b", "c = d"), shown(Markup.LATEX,
                "\\begin{equation}a = b\\end{equation}\n\\[ c = d \\]\n"));
    }

    @Test
    void aPercentSignInsideAMarkdownDisplayStartsAComment() {
        // KaTeX and MathJax read % in math as TeX's comment sign; \% is a percent sign
        assertEquals(List.of("a = b", "c = 5\\%"), shown(Markup.MARKDOWN, "$$\na = b % = wrong\n$$\n\n$$c = 5\\%$$\n"));
        // a link reference definition is never shown: [//]: # (...) is Markdown's comment idiom
        assertEquals(List.of("a = b"), shown(Markup.MARKDOWN, "[//]: # ($$c = d$$)\n[x]: <> \"$$e = f$$\"\n\n$$a = b$$\n"));
        // prose is prose: a % there hides nothing
        assertEquals(List.of("a = b"), shown(Markup.MARKDOWN, "100% sure:\n\n$$a = b$$\n"));
    }

    /** LaTeX allows spaces in \\begin {align*} and \\end{ align* }: the same display. */
    @org.junit.jupiter.api.Test
    void spacesInsideBeginAndEndAreTheSameEnvironment() {
        Document d = DocumentReader.parse(Path.of("doc.tex"), Markup.LATEX,
                "\\begin{document}\n\\begin {align*}\nx &= x\n\\end {align*}\n\\begin{ equation }\ny = y\n\\end{equation}\n"
                        + "\\end{document}\n");
        List<Equation> e = Equations.of(d);
        assertEquals(2, e.size(), e.toString());
        assertTrue(d.problems().isEmpty(), d.problems().toString());
    }

    /** Markdown shows an indented code block as code: a display written there is not read; inside a list item it is. */
    @Test
    void indentedCodeIsNotReadButAnIndentedListItemIs() {
        assertEquals(0, eqs(Markup.MARKDOWN, "text\n\n    $$a = b$$\n").size());
        assertEquals(0, eqs(Markup.MARKDOWN, "\t$$\n\ta = b\n\t$$\n").size()); // a tab is four columns
        assertEquals(0, eqs(Markup.MARKDOWN, "# Heading\n    $$a = b$$\n").size()); // a heading is no paragraph
        assertEquals(0, eqs(Markup.MARKDOWN, "> quoted\n>\n>     $$a = b$$\n").size()); // after a quote's marker
        assertEquals(0, eqs(Markup.MARKDOWN, "- item\n  - sub\n\n        $$a = b$$\n").size()); // 4 past the item
        // a paragraph's continuation is not code; nor is a list item's content, indented to the item
        assertEquals(1, eqs(Markup.MARKDOWN, "The sum is\n    $$a = b$$\n").size());
        assertEquals(1, eqs(Markup.MARKDOWN, "1. Expand:\n\n    $$\n    a = b\n    $$\n").size());
        assertEquals(1, eqs(Markup.MARKDOWN, "- item\n\n  $$a = b$$\n").size());
        // inside a display every line is the formula's; right after a display closes, an indented line is code
        assertEquals(1, eqs(Markup.MARKDOWN, "text\n\n$$\n    a = b\n$$\n").size());
        assertEquals(1, eqs(Markup.MARKDOWN, "\\[\n    a = b\n\\]\n").size());
        assertEquals("x = x", eqs(Markup.MARKDOWN, "$$ x = x $$\n    $$a = b$$\n").get(0).statements().get(0).latex().strip());
        assertEquals(1, eqs(Markup.MARKDOWN, "$$ x = x $$\n    $$a = b$$\n").size());
        // fenced code in a list item or a block quote is code too
        assertEquals(0, eqs(Markup.MARKDOWN, "1. Step:\n\n    ```\n    $$a = b$$\n    ```\n").size());
        assertEquals(0, eqs(Markup.MARKDOWN, "> ```\n> $$a = b$$\n> ```\n").size());
        assertEquals(1, eqs(Markup.MARKDOWN, "> ```\n> $$a = b$$\n> ```\n\n$$c = d$$\n").size());
        // HTML elements the math renderers skip (pre, code, textarea, ...) hold no display
        assertEquals(0, eqs(Markup.MARKDOWN, "<pre>\n$$a = b$$\n</pre>\n<code>$$c = d$$</code>\n<TEXTAREA>$$e = f$$</textarea>\n")
                .size());
        assertEquals(1, eqs(Markup.MARKDOWN, "<pre>$$a = b$$</pre>\n\n<b>$$c = d$$</b>\n").size());
        // a display after the code block is read again
        assertEquals(1, eqs(Markup.MARKDOWN, "x\n\n    $$a = b$$\n\n$$c = d$$\n").size());
        assertEquals("c = d", eqs(Markup.MARKDOWN, "x\n\n    $$a = b$$\n\n$$c = d$$\n").get(0).statements().get(0).latex());
    }

    /** A display that starts with a relation continues the last chain of the display before it. */
    @Test
    void aDisplayStartingWithARelationContinuesTheChainBefore() {
        List<Equation> e = eqs(Markup.LATEX, "\\begin{align}\nS &= (a + b)^2 \\\\ &= (a + b)(a + b)\n\\end{align}\n"
                + "and multiplying out\n\\begin{align}\n&= a^2 + 2ab + b^2.\n\\end{align}\n\\[ T = 1 \\]\n");
        assertEquals(2, e.size(), e.toString());
        assertEquals(3, e.get(0).statements().get(0).parts().size(), e.get(0).statements().toString());
        assertEquals(Optional.of("1)–(2)–(3"), e.get(0).number()); // align numbers each row
        // not onto words: a display after a side condition in words stays as it is (and is refused as a chain)
        List<Equation> w = eqs(Markup.LATEX, "\\[ a = b \\quad \\text{for } x > 0 \\]\n\\[ = c \\]\n");
        assertEquals(2, w.size(), w.toString());
    }

    /** Words beside a formula are a note, not part of it; a row after them continues the chain before them. */
    @Test
    void wordsBesideAFormulaAreANote() {
        List<Equation.Statement> s = eqs(Markup.LATEX, "\\begin{align*}\nS &= (a + b)^2 \\quad \\text{(by definition)} \\\\\n"
                + "&= a^2 + 2ab + b^2 \\text{ expanding}, \\\\ &= c \\qquad \\text{expanding}\n\\end{align*}").get(0).statements();
        assertEquals(4, s.size(), s.toString());
        assertEquals(3, s.get(0).parts().size(), s.toString());
        assertEquals(Equation.Link.NOTE, s.get(1).link());
        assertEquals(Equation.Link.NOTE, s.get(2).link());
        assertEquals(Equation.Link.NOTE, s.get(3).link());
        assertTrue(!Equations.mayRestrict(s.get(1).latex()), s.get(1).latex());
        assertTrue(Equations.mayRestrict("\\text{(for $x > 0$)}"));
        assertTrue(Equations.mayRestrict("\\text{only for positive x}"));
        assertTrue(Equations.mayRestrict("\\text{(x>0)}"));
        assertTrue(Equations.mayRestrict("\\text{(x positiv)}")); // not known as a justification: it may restrict
        assertTrue(!Equations.mayRestrict("\\text{by the chain rule}"));
        assertTrue(!Equations.mayRestrict("\\text{(expanding)}"));
        // "hence": the formula after the words follows from the statement before
        List<Equation.Statement> h = eqs(Markup.LATEX, "\\[ 2x - 4 = 0 \\text{, hence } x = 2 \\]").get(0).statements();
        assertEquals(2, h.size(), h.toString());
        assertEquals(Equation.Link.FOLLOWS, h.get(1).link());
        assertEquals("x = 2", h.get(1).latex().strip());
        // a name in \text is part of the formula, not words
        assertEquals(1, eqs(Markup.LATEX, "\\[ \\text{KL} = 0 \\]").get(0).statements().size());
        assertEquals(1, eqs(Markup.LATEX, "\\[ z = \\text{one\\_hot}(y) \\]").get(0).statements().size());
        // a row that starts with a name in \\mathrm or \\text still has its remark split off; a side condition keeps its words
        List<Equation.Statement> v = eqs(Markup.LATEX, "\\[ \\mathrm{Var}(x) = y \\text{ (by definition)} \\]").get(0).statements();
        assertEquals(2, v.size(), v.toString());
        assertEquals(Equation.Link.NOTE, v.get(1).link());
        assertEquals(2, eqs(Markup.LATEX, "\\[ a = b \\quad \\text{for } x > 0 \\text{ and } x < 2 \\]").get(0).statements().size());
    }
}
