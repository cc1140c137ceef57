package org.derivcheck.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.derivcheck.cas.Cas;
import org.derivcheck.cas.CasException;
import org.derivcheck.cas.Expr;
import org.derivcheck.cas.Scope;
import org.derivcheck.derivation.Definition;
import org.derivcheck.derivation.DensityDecl;
import org.derivcheck.derivation.Domain;
import org.derivcheck.derivation.FamilyDecl;
import org.derivcheck.derivation.Line;
import org.derivcheck.derivation.SymbolDecl;
import org.derivcheck.notation.Chain;
import org.derivcheck.notation.ChainReader;
import org.derivcheck.notation.ParseException;

/**
 * What the chains of one derivation (or of one graded chain) are checked in, built once from its records:
 * the CAS's names (symbols, abstract densities, definitions), the domains and assumptions points are drawn
 * from, and the declarations finite instances are built from. A record that cannot be used throws
 * {@link Invalid} naming its line.
 *
 */
public final class ChainScope {
    private final String id;
    private final Path file;
    private final Scope table;
    final PointSampler sampler;
    final List<SymbolDecl> symbols;
    final List<Definition> definitions;

    private ChainScope(String id, Path file, Scope table, PointSampler sampler, List<SymbolDecl> symbols,
            List<Definition> definitions) {
        this.id = id;
        this.file = file;
        this.table = table;
        this.sampler = sampler;
        this.symbols = List.copyOf(symbols);
        this.definitions = List.copyOf(definitions);
    }

    /** The derivation's id (a part of every step's seed). */
    public String id() {
        return id;
    }

    /** Where the records were read. */
    public Path file() {
        return file;
    }

    /** The names, for resolving text in this scope. */
    public Scope table() {
        return table;
    }

    /** A declaration, definition or assumption that cannot be used: its line and the cause. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        Invalid(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * Declares the symbols, densities, declared families and definitions in order and reads the assumptions; definitions the CAS
     * evaluates (derivatives) run under a time limit, as they are untrusted input too ({@link Scope}).
     *
     * @throws Invalid for the first record that cannot be used
     */
    public static ChainScope of(String id, Path file, List<SymbolDecl> symbols, List<DensityDecl> densities,
            List<FamilyDecl> families, List<Definition> definitions, List<Line> assumptions) {
        Scope.Builder names = Scope.builder();
        for (SymbolDecl s : symbols) {
            try {
                if (s.domain() == Domain.FINITE) {
                    names.declareFinite(s.name(), s.indexed());
                } else {
                    names.declare(s.name(), s.domain().positive(), s.indexed());
                }
            } catch (ParseException e) {
                throw new Invalid(s.line(), "symbol '" + s.name() + "': " + e.getMessage());
            }
        }
        for (DensityDecl dd : densities) {
            try {
                names.declareDensity(new Scope.Density(dd.name(), dd.variables(), dd.params(), dd.normalized()));
            } catch (ParseException e) {
                throw new Invalid(dd.line(), e.getMessage());
            }
        }
        for (FamilyDecl fd : families) {
            try {
                List<String> domain = new ArrayList<>();
                fd.domain().forEach(l -> domain.add(l.text()));
                names.declareFamily(fd.name(), fd.params(), fd.variable(), fd.logDensity(), fd.min(), fd.max(),
                        fd.discrete(), domain);
            } catch (ParseException e) {
                throw new Invalid(fd.line(), "family '" + fd.name() + "': " + where(e) + e.getMessage());
            }
        }
        for (Definition def : definitions) {
            try {
                if (def.params().isEmpty()) {
                    names.define(def.name(), def.text());
                } else {
                    names.defineFunction(def.name(), def.params(), def.text());
                }
            } catch (ParseException e) {
                throw new Invalid(def.line(), "definition of '" + def.name() + "': " + where(e) + e.getMessage());
            }
        }
        Scope table = names.build();
        List<PointSampler.Assumption> assumed = new ArrayList<>();
        for (Line a : assumptions) {
            try {
                Chain links = ChainReader.chain(a.text(), file.toString(), a.line());
                Expr left = Cas.resolve(links.get(0), table);
                Expr right = links.size() > 1 ? Cas.resolve(links.get(1), table) : null;
                for (int i = 2; i < links.size(); i++) {
                    Cas.resolve(links.get(i), table);
                }
                if (links.size() != 2) {
                    throw new Invalid(a.line(), "an assumption is one relation, e.g. 'a > 1'");
                }
                assumed.add(new PointSampler.Assumption(Cas.compile(left), links.get(1).relationSymbol(),
                        Cas.compile(right), a.text()));
            } catch (ParseException e) {
                throw new Invalid(a.line(), "assumption: " + where(e) + e.getMessage());
            } catch (CasException e) {
                throw new Invalid(a.line(), "assumption: " + e.getMessage());
            }
        }
        return new ChainScope(id, file, table, new PointSampler(symbols, assumed), symbols, definitions);
    }

    private static String where(ParseException e) {
        return e.column() > 0 ? "column " + e.column() + ": " : "";
    }

    /** Finite instances of this scope's densities (fresh for each relation). */
    Instances instances() {
        return new Instances(table, symbols);
    }

    /** The seed of relation {@code relation} of step {@code step}, from the run's seed. */
    long seed(CheckOptions options, int step, int relation) {
        return options.seed() ^ (id.hashCode() * 1_000_003L + relation + 1_000L * step);
    }
}
