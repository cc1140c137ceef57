package org.derivcheck.notation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainReaderTest {
    @Test
    void firstLineHoldsAWholeChainWithRelationsAsValues() {
        Chain c = ChainReader.chain("a + b = c <= d == e", "f.yaml", 7);
        assertEquals(4, c.size());
        assertEquals(Optional.empty(), c.get(0).relation());
        assertEquals(Optional.of(Relation.EQUAL), c.get(1).relation());
        assertEquals(Optional.of(Relation.LESS_EQUAL), c.get(2).relation());
        assertEquals(Optional.of(Relation.EQUAL), c.get(3).relation(), "== is =");
        assertEquals("a + b", c.get(0).text());
        assertEquals("d", c.get(2).text());
        assertEquals(new Span("f.yaml", 7, 11), c.get(2).span(), "the column of the relation '<='");
    }

    @Test
    void laterLinesStartWithTheirRelation() {
        List<Link> l = ChainReader.line("  >= x^2 ", false, "f.yaml", 3);
        assertEquals(1, l.size());
        assertEquals(Optional.of(Relation.GREATER_EQUAL), l.get(0).relation());
        assertEquals("x^2", l.get(0).text());
        assertEquals(Optional.of(Relation.EQUAL), ChainReader.line("== y", false, "f", 1).get(0).relation());
        ParseException e = assertThrows(ParseException.class, () -> ChainReader.line("x^2", false, "f", 1));
        assertEquals(ChainReader.NEEDS_RELATION, e.getMessage());
        assertThrows(ParseException.class, () -> ChainReader.line("= a = b", false, "f", 1),
                "a later line is one relation and one expression");
    }

    @Test
    void latexLinesUseTheSameGrammar() {
        List<Link> l = ChainReader.texLine("&\\le \\frac{a}{b} = c", TexInput.Vocabulary.empty(), "s.tex", 4);
        assertEquals(2, l.size());
        assertEquals(Optional.of(Relation.LESS_EQUAL), l.get(0).relation());
        assertEquals(Optional.of(Relation.EQUAL), l.get(1).relation());
        assertTrue(l.get(0).expr() instanceof Syntax.Bin, "a/b parsed: " + l.get(0).expr());
        assertEquals(4, l.get(0).span().line());
    }
}
