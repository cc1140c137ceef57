package org.derivcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TexLayoutTest {
    @Test
    void aShortRelationIsOneRow() {
        assertEquals(List.of("x + 1 & = 1 + x"), TexLayout.rows("x + 1 = 1 + x"));
    }

    @Test
    void aLongLeftSideBesideAnUnbreakableRightSideGetsARowOfItsOwn() {
        String lhs = "\\mathbb{E}_{w \\sim \\operatorname{MvNormal}\\left(m, S\\right)}\\left[\\mathrm{logq}\\left(w_1, w_2\\right)"
                + " - \\mathrm{logprior}\\left(w_1, w_2\\right)\\right]";
        String rhs = "\\frac{\\alpha \\left(c_{11} + c_{22}\\right) + \\alpha \\left(n_{1}^{2} + n_{2}^{2}\\right) - 2 - 2 \\log \\alpha"
                + " - \\log \\left(c_{11} c_{22} - c_{12}^{2}\\right)}{2}";
        assertTrue(TexLayout.width(lhs) + TexLayout.width(rhs) > TexLayout.MAX_WIDTH, "the case is one that needs a break");
        List<String> rows = TexLayout.rows(lhs + " = " + rhs);
        assertEquals(2, rows.size(), rows::toString);
        assertEquals("& " + lhs, rows.get(0));
        assertTrue(rows.get(1).startsWith("& \\quad = \\frac"), rows.get(1));
        // both rows in the right-hand column: the left column takes no width, so the widest row is one side
        assertTrue(TexLayout.widestRow(lhs + " = " + rhs) <= Math.max(TexLayout.width(lhs), TexLayout.width(rhs)) + 3.5); // \\quad and the relation
    }
}
