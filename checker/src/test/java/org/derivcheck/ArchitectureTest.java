package org.derivcheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/ARCHITECTURE.md §3 for the checker module, enforced (the experiments' and the VAE's are
 * in experiments/: ExperimentsArchitectureTest).
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = mainClasses();
    }

    /** derivcheck's classes on the class path, tests left out (this module's; in experiments/, all three modules'). */
    static JavaClasses mainClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the checker's tests as the experiments module sees them: a test-jar once the reactor has packaged it
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.derivcheck");
    }

    @Test
    void onlyCasImportsSymja() {
        noClasses().that().resideOutsideOfPackage("org.derivcheck.cas..")
                .should().dependOnClassesThat().resideInAnyPackage("org.matheclipse..", "edu.jas..")
                .because("Symja is wrapped by the cas package alone")
                .check(classes);
    }

    @Test
    void theCheckerNeedsNeitherTheExperimentsNorDjlNorCharts() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "org.knowm.xchart..",
                        "org.derivcheck.vi..", "org.derivcheck.vae..", "org.derivcheck.plot..", "org.derivcheck.experiment..")
                .because("the checker module builds and runs without the experiments, DJL, PyTorch and XChart; "
                        + "run finds the experiments through org.derivcheck.command.ExperimentProvider")
                .check(classes);
    }

    @Test
    void lowerLayersDoNotDependOnUpperOnes() {
        noClasses().that().resideInAnyPackage("org.derivcheck.notation..", "org.derivcheck.derivation..",
                        "org.derivcheck.math..", "org.derivcheck.cas..", "org.derivcheck.prove..")
                .should().dependOnClassesThat().resideInAnyPackage("org.derivcheck.check..",
                        "org.derivcheck.report..", "org.derivcheck.grade..", "org.derivcheck.cli..",
                        "org.derivcheck.diagnose..", "org.derivcheck.experiment..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.derivcheck.cas..", "org.derivcheck.derivation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.derivcheck.prove..")
                .because("the prover sits beside cas (both read math.Tree) and below check")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("org.derivcheck.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.derivcheck.cli..")
                .check(classes);
    }

    @Test
    void aScopeIsTiedToNoCas() {
        noFields().that().areDeclaredInClassesThat().belongToAnyOf(org.derivcheck.cas.Scope.class)
                .should().haveRawType(org.derivcheck.cas.Cas.class)
                .orShould().haveRawType(org.matheclipse.core.eval.EvalEngine.class)
                .because("issue 10: a Scope is names built once from the records, never tied back to a Cas or an engine")
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.derivcheck.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void notationIsPureJava() {
        noClasses().that().resideInAPackage("org.derivcheck.notation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.matheclipse..", "edu.jas..")
                .because("the own-syntax parser and the LaTeX reader come before Symja and never need it")
                .check(classes);
        classes().that().resideInAPackage("org.derivcheck.notation..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.derivcheck.notation..", "java.lang..",
                        "java.util..", "java.math..")
                .because("notation reads text into syntax: no other derivcheck package, no I/O")
                .check(classes);
    }

    @Test
    void mathIsPureJava() {
        classes().that().resideInAPackage("org.derivcheck.math..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.derivcheck.math..", "java.lang..",
                        "java.util..", "java.math..")
                .because("math holds the plain values that cross the border of cas: no Symja (org.matheclipse), "
                        + "no other derivcheck package, no I/O")
                .check(classes);
    }

    /**
     * The public types of package cas (docs/ARCHITECTURE.md §3, "the public API of cas"): exactly the API issue 10 asks
     * for, each with its reason. Every other type is package-private, nested in one of these (the values their
     * operations take and return: Cas.Condition, Cas.RealDomain, Expr.Edits, NumericFunction.Precise, ...), or (without
     * Symja) in package math.
     */
    static final Map<String, String> CAS_PUBLIC = Map.ofEntries(
            Map.entry("Cas", "the service: every CAS operation under a time limit, with the values it takes and returns "
                    + "nested (Link, Reduced, Condition, RealDomain, RealPair, ExactValue, ThreadLimit)"),
            Map.entry("Expr", "the handle of a resolved expression (no Symja type visible), with the edits of its "
                    + "sub-terms that diagnose localizes repairs with (Expr.Edits)"),
            Map.entry("NumericFunction", "an expression compiled for double evaluation (with its QuadratureLog and the "
                    + "FiniteModel it is evaluated at), and the precise evaluator beside it (NumericFunction.Precise)"),
            Map.entry("CasException", "what a CAS operation throws (timeout, size limit, unevaluable)"),
            Map.entry("Scope", "the names of one derivation, built once from its records"));

    @Test
    void casHasASmallPublicApi() {
        Set<String> publicTypes = new TreeSet<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().equals("org.derivcheck.cas") && c.isTopLevelClass()
                    && c.getModifiers().contains(JavaModifier.PUBLIC)) {
                publicTypes.add(c.getSimpleName());
            }
        }
        assertEquals(new TreeSet<>(CAS_PUBLIC.keySet()), publicTypes,
                "the public types of cas are those of ArchitectureTest.CAS_PUBLIC (docs/ARCHITECTURE.md §3): make a new "
                        + "one package-private or nest it in one of them");
    }

    @Test
    void symjaTypesDoNotLeakThroughTheApiOfCas() {
        Map<String, String> leaks = new TreeMap<>();
        int seen = 0;
        for (JavaClass c : classes) {
            if (!c.getPackageName().equals("org.derivcheck.cas") || !visible(c)) {
                continue;
            }
            for (JavaCodeUnit u : c.getCodeUnits()) {
                if (!u.getModifiers().contains(JavaModifier.PUBLIC) && !u.getModifiers().contains(JavaModifier.PROTECTED)) {
                    continue;
                }
                seen++;
                List<JavaClass> types = new ArrayList<>(u.getRawParameterTypes());
                types.add(u.getRawReturnType());
                for (JavaClass t : types) {
                    if (symja(t)) {
                        leaks.put(c.getName() + "." + u.getName(), t.getName());
                    }
                }
            }
            for (JavaField f : c.getFields()) {
                if (f.getModifiers().contains(JavaModifier.PUBLIC) && symja(f.getRawType())) {
                    leaks.put(c.getName() + "." + f.getName(), f.getRawType().getName());
                }
            }
        }
        assertTrue(seen > 100, "the public methods of cas were not found (" + seen + ")");
        assertEquals(Map.of(), leaks, "docs/ARCHITECTURE.md §3: cas returns its own handles, never a Symja type");
    }

    @Test
    void thePublicApiOfCasNamesOnlyTypesOthersCanName() {
        Map<String, String> hidden = new TreeMap<>();
        for (JavaClass c : classes) {
            if (!c.getPackageName().equals("org.derivcheck.cas") || !visible(c)) {
                continue;
            }
            for (JavaCodeUnit u : c.getCodeUnits()) {
                if (!u.getModifiers().contains(JavaModifier.PUBLIC) && !u.getModifiers().contains(JavaModifier.PROTECTED)) {
                    continue;
                }
                List<JavaClass> types = new ArrayList<>(u.getReturnType().getAllInvolvedRawTypes());
                u.getParameterTypes().forEach(t -> types.addAll(t.getAllInvolvedRawTypes()));
                for (JavaClass t : types) {
                    if (hiddenInCas(t)) {
                        hidden.put(c.getName() + "." + u.getName(), t.getName());
                    }
                }
            }
            for (JavaField f : c.getFields()) {
                for (JavaClass t : f.getType().getAllInvolvedRawTypes()) {
                    if (f.getModifiers().contains(JavaModifier.PUBLIC) && hiddenInCas(t)) {
                        hidden.put(c.getName() + "." + f.getName(), t.getName());
                    }
                }
            }
        }
        assertEquals(Map.of(), hidden, "docs/ARCHITECTURE.md §3: a public member of cas names only public types (a "
                + "package-private implementation is seen through the nested interface it implements)");
    }

    /** A type of cas that other packages cannot name (package-private, or nested in a package-private type). */
    private static boolean hiddenInCas(JavaClass t) {
        JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
        return base.getPackageName().equals("org.derivcheck.cas") && !visible(base);
    }

    /** Public, and nested only in public types: reachable from other packages. */
    private static boolean visible(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static boolean symja(JavaClass t) {
        JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
        return base.getPackageName().startsWith("org.matheclipse") || base.getPackageName().startsWith("edu.jas");
    }

    /** The "may use" column of docs/ARCHITECTURE.md §3 (cli may use everything; a package not listed is not checked). */
    private static final Map<String, List<String>> MAY_USE = Map.ofEntries(
            Map.entry("notation", List.of()),
            Map.entry("derivation", List.of()),
            Map.entry("special", List.of()),
            Map.entry("integrate", List.of()),
            Map.entry("math", List.of()),
            Map.entry("cas", List.of("math", "notation", "special", "integrate")),
            Map.entry("prove", List.of("math")),
            Map.entry("diagnose", List.of("cas", "notation")),
            Map.entry("check", List.of("derivation", "notation", "math", "cas", "diagnose", "prove", "integrate")),
            Map.entry("document", List.of("derivation", "notation", "cas", "check")),
            Map.entry("report", List.of("check", "diagnose", "document", "derivation")),
            Map.entry("grade", List.of("check", "report", "derivation", "diagnose", "notation", "cas", "document")),
            Map.entry("command", List.of()));

    @Test
    void packagesUseOnlyWhatTheArchitectureAllows() {
        checkMayUse(classes, MAY_USE);
    }

    /** Each package of {@code mayUse} depends on no derivcheck package but itself and those listed (also for experiments/). */
    static void checkMayUse(JavaClasses classes, Map<String, List<String>> mayUse) {
        for (var e : mayUse.entrySet()) {
            List<String> allowed = new ArrayList<>();
            allowed.add("org.derivcheck." + e.getKey() + "..");
            for (String p : e.getValue()) {
                allowed.add("org.derivcheck." + p + "..");
            }
            DescribedPredicate<JavaClass> outside = JavaClass.Predicates.resideInAPackage("org.derivcheck..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(allowed.toArray(String[]::new))));
            noClasses().that().resideInAPackage("org.derivcheck." + e.getKey() + "..")
                    .should().dependOnClassesThat(outside)
                    .because("docs/ARCHITECTURE.md §3: " + e.getKey() + " may use " + e.getValue())
                    .check(classes);
        }
    }

    /** The longest a source file in src/main may be (docs/ARCHITECTURE.md §6: read in one sitting). */
    private static final int MAX_LINES = 500;

    /**
     * Files allowed over {@link #MAX_LINES} for now, each with the date it was allowed and the issue that splits it;
     * an entry is removed once its file is split (a short file in the list is not an error, so that the split and
     * the removal may land in either order).
     */
    private static final Map<String, String> OVER_LIMIT = Map.of(
            "TexParser.java", "2026-12-02: issue 13/14, the docs helper splits notation/TexParser.java");

    @Test
    void noSourceFileIsLongerThanTheLimit() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(root.resolve("derivations")) && root.getParent() != null) {
            root = root.getParent(); // a module of the multi-module build: the repository is one up
        }
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/")
                    && !f.toString().contains("/target/") && !f.toString().contains("/.git/")).toList();
        }
        assertTrue(sources.size() > 100, "the sources of src/main were not found under " + root);
        List<String> tooLong = new ArrayList<>();
        for (Path f : sources) {
            long n = lines(f);
            boolean allowed = OVER_LIMIT.containsKey(f.getFileName().toString());
            if (n > MAX_LINES && !allowed) {
                tooLong.add(root.relativize(f) + " (" + n + " lines)");
            }
        }
        assertEquals(List.of(), tooLong, "files in src/main stay under " + MAX_LINES + " lines: split them");
    }

    private static long lines(Path f) {
        try (Stream<String> s = Files.lines(f)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
