package org.derivcheck.document;

import java.util.Optional;

/** YAML front matter: a first line {@code ---}, the YAML, and a closing {@code ---} (or {@code ...}) line. */
record FrontMatter(Optional<Document.Embedded> yaml, int end) {
    static FrontMatter of(String text) {
        String[] lines = text.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank() && first < 3) {
            first++;
        }
        if (first >= lines.length || !lines[first].strip().equals("---")) {
            return new FrontMatter(Optional.empty(), 0);
        }
        StringBuilder yaml = new StringBuilder();
        int offset = 0;
        for (int i = 0; i <= first; i++) {
            offset += lines[i].length() + 1;
        }
        int[] map = new int[lines.length];
        int n = 0;
        for (int i = first + 1; i < lines.length; i++) {
            String l = lines[i];
            if (l.strip().equals("---") || l.strip().equals("...")) {
                return new FrontMatter(Optional.of(new Document.Embedded(yaml.toString(), java.util.Arrays.copyOf(map, n))),
                        Math.min(text.length(), offset + l.length() + 1));
            }
            yaml.append(l).append('\n');
            map[n++] = i + 1;
            offset += l.length() + 1;
        }
        return new FrontMatter(Optional.empty(), 0); // no closing line: a thematic break, not front matter
    }
}
