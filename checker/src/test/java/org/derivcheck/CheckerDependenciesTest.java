package org.derivcheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The checker uses Hipparchus, not the unmaintained Commons Math 3 (issue 15; docs/ARCHITECTURE.md section 3). */
class CheckerDependenciesTest {
    @Test
    void noCheckerClassUsesCommonsMath3() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.commons.math3..")
                .because("Commons Math 3 is unmaintained since 2016: the checker's random numbers, special functions and "
                        + "samplers come from Hipparchus (its maintained fork, the same code and draws; digamma: "
                        + "org.derivcheck.special)")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.derivcheck"));
    }
}
