package org.derivcheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of docs/ARCHITECTURE.md §3, enforced. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
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
    void onlyVaeImportsDjl() {
        noClasses().that().resideOutsideOfPackage("org.derivcheck.vae..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .because("DJL is used by the vae package alone")
                .check(classes);
    }

    @Test
    void lowerLayersDoNotDependOnUpperOnes() {
        noClasses().that().resideInAnyPackage("org.derivcheck.notation..", "org.derivcheck.derivation..",
                        "org.derivcheck.cas..")
                .should().dependOnClassesThat().resideInAnyPackage("org.derivcheck.check..",
                        "org.derivcheck.report..", "org.derivcheck.grade..", "org.derivcheck.cli..",
                        "org.derivcheck.diagnose..", "org.derivcheck.experiment..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("org.derivcheck.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.derivcheck.cli..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.derivcheck.vi..", "org.derivcheck.vae..", "org.derivcheck.plot..")
                .should().dependOnClassesThat().resideInAnyPackage("org.derivcheck.check..",
                        "org.derivcheck.cas..", "org.derivcheck.grade..", "org.derivcheck.report..")
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
}
