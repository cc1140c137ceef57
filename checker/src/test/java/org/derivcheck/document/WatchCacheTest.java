package org.derivcheck.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.derivcheck.cas.Cas;
import org.derivcheck.check.CheckOptions;
import org.derivcheck.check.Verdict;
import org.junit.jupiter.api.Test;

/** What --watch relies on: re-checking a document checks only the statements whose text or names changed. */
class WatchCacheTest {
    private static final Path F = Path.of("hw.md");
    private static final String HEAD = "---\nsymbols: {a: real, b: real}\n---\n";

    private static DocumentResult check(DocumentChecker c, String body) {
        Document d = DocumentReader.parse(F, Document.Markup.MARKDOWN, HEAD + body);
        return c.check(d, ContextReader.parse(F, d.context().orElseThrow().yaml(), l -> l));
    }

    @Test
    void onlyChangedEquationsAreCheckedAgain() {
        String three = "$$(a+b)^2 = a^2 + 2ab + b^2$$\n\n$$a - b = -(b - a)$$\n\n$$(a-b)^2 = a^2 + b^2$$\n";
        try (Cas cas = Cas.start(); DocumentChecker c = new DocumentChecker(cas, CheckOptions.defaults(), 1)) {
            DocumentResult first = check(c, three);
            assertEquals(3, c.lastChecked());
            assertEquals(Verdict.REFUTED, first.equations().get(2).verdict().orElseThrow());
            check(c, three);
            assertEquals(0, c.lastChecked(), "nothing changed");
            DocumentResult fixed = check(c, three.replace("a^2 + b^2$$", "a^2 - 2ab + b^2$$"));
            assertEquals(1, c.lastChecked(), "one equation changed");
            assertEquals(Verdict.PROVED, fixed.equations().get(2).verdict().orElseThrow());
            // a changed context changes the names of every equation: all are checked again
            Document d = DocumentReader.parse(F, Document.Markup.MARKDOWN, "---\nsymbols: {a: positive, b: real}\n---\n" + three);
            c.check(d, ContextReader.parse(F, d.context().orElseThrow().yaml(), l -> l));
            assertEquals(3, c.lastChecked());
        }
    }
}
