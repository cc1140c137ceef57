package org.derivcheck.grade;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.Derivation;
import org.derivcheck.derivation.DerivationException;
import org.derivcheck.derivation.DerivationReader;
import org.derivcheck.derivation.Line;
import org.derivcheck.derivation.Step;
import org.derivcheck.derivation.SymbolDecl;

/**
 * Reads the submissions of a folder: each file ({@code alice.tex}, {@code bob.yaml}) or sub-folder
 * ({@code carol/} with its .tex and .yaml files) is one student. Submissions are untrusted: symbolic links
 * are not followed, files over {@link #MAX_BYTES} or not UTF-8 text are refused, and a refusal is a
 * submission with an error, never an exception that stops the batch.
 */
public final class SubmissionReader {
    /** Largest submission file read. */
    public static final long MAX_BYTES = 256 * 1024;

    private SubmissionReader() {
    }

    /** The entries of the folder, sorted; hidden files are skipped. */
    public static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** Reads every entry, giving each a unique id. */
    public static List<Submission> readAll(Path dir) throws IOException {
        List<Submission> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path p : entries(dir)) {
            Submission s = read(p);
            String id = s.id();
            for (int k = 2; !ids.add(id); k++) {
                id = s.id() + "-" + k;
            }
            out.add(id.equals(s.id()) ? s : new Submission(id, s.files(), s.chains(), s.symbols(), s.definitions(),
                    s.assumptions(), s.error()));
        }
        return out;
    }

    public static Submission read(Path entry) {
        String id = Grader.safeId(entry);
        if (Files.isSymbolicLink(entry)) {
            return Submission.unreadable(id, List.of(entry), entry + ": a symbolic link; submissions are read only as "
                    + "plain files");
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.list(entry)) {
                s.filter(p -> !Files.isSymbolicLink(p) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .filter(p -> p.toString().matches(".*\\.(tex|md|ya?ml)$")).sorted().forEach(files::add);
            } catch (IOException e) {
                return Submission.unreadable(id, List.of(entry), entry + ": cannot list: " + e.getMessage());
            }
            if (files.isEmpty()) {
                return Submission.unreadable(id, List.of(entry), entry + ": no .tex or .yaml file in this folder");
            }
        } else {
            files.add(entry);
        }
        List<Chain> chains = new ArrayList<>();
        List<SymbolDecl> symbols = new ArrayList<>();
        List<Definition> defs = new ArrayList<>();
        List<Line> assumptions = new ArrayList<>();
        try {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String text = text(f);
                if (name.endsWith(".tex") || name.endsWith(".md")) {
                    TexDocument.Parsed p = TexDocument.parse(f, text, chains.size() + 1);
                    chains.addAll(p.chains());
                    symbols.addAll(p.symbols());
                    defs.addAll(p.definitions());
                    assumptions.addAll(p.assumptions());
                } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    Derivation d = DerivationReader.parse(f, text);
                    for (Step s : d.steps()) {
                        List<Chain.ChainLine> lines = new ArrayList<>();
                        for (Line l : s.lines()) {
                            lines.add(new Chain.ChainLine(l.text(), l.line(), 1));
                        }
                        chains.add(new Chain(chains.size() + 1, s.name(), lines, f, false));
                    }
                    symbols.addAll(d.symbols());
                    defs.addAll(d.definitions());
                    assumptions.addAll(d.assumptions());
                } else {
                    return Submission.unreadable(id, files, f + ": not a .tex or .yaml file; submit the derivation as "
                            + "LaTeX (.tex)");
                }
            }
        } catch (DerivationException e) {
            return Submission.unreadable(id, files, e.getMessage());
        }
        if (chains.isEmpty()) {
            return Submission.unreadable(id, files, files.get(0) + ": no display (align, equation, \\[ \\]) with a formula "
                    + "was found");
        }
        return new Submission(id, files, chains, symbols, defs, assumptions, Optional.empty());
    }

    private static String text(Path f) {
        try {
            if (Files.size(f) > MAX_BYTES) {
                throw new DerivationException(f, 0, "the file is larger than " + MAX_BYTES / 1024 + " KiB");
            }
            byte[] bytes = Files.readAllBytes(f);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DerivationException(f, 0, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw new DerivationException(f, 0, "cannot read: " + e.getMessage());
        }
    }
}
