package org.derivcheck.vi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The vi package is plain numerics: Java and Commons Math only (docs/ARCHITECTURE.md section 3). */
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
}
