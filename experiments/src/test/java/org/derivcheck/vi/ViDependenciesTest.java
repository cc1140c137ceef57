package org.derivcheck.vi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The vi package is plain numerics: Java, Commons RNG and Commons Numbers only (docs/ARCHITECTURE.md section 3). */
class ViDependenciesTest {
    @Test
    void viUsesNoChartsCliOrProgressLibraries() {
        noClasses().that().resideInAPackage("org.derivcheck.vi..")
                .should().dependOnClassesThat().resideInAnyPackage("org.knowm..", "me.tongfei..", "picocli..",
                        "com.fasterxml..", "org.derivcheck.plot..", "org.derivcheck.experiment..", "ai.djl..")
                .because("vi holds the numerics alone; figures, options and progress live in plot and experiment")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.derivcheck.vi"));
    }

    @Test
    void viUsesCommonsRngAndNumbersNotTheUnmaintainedCommonsMath3() {
        noClasses().that().resideInAPackage("org.derivcheck.vi..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.commons.math3..")
                .because("Commons Math 3 is unmaintained since 2016: random numbers from Commons RNG, special functions "
                        + "from Commons Numbers (digamma: org.derivcheck.special)")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.derivcheck.vi"));
    }
}
