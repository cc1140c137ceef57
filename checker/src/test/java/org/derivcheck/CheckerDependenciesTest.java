package org.derivcheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checker module's dependencies (issue 15): no DJL, PyTorch or XChart on its class path, and Hipparchus rather than the
 * unmaintained Commons Math 3 (docs/ARCHITECTURE.md section 3).
 */
class CheckerDependenciesTest {
    /** The tests' class path is the checker's runtime class path plus test libraries: every checker test runs without these. */
    @Test
    void theClassPathHasNoDjlPytorchOrCharts() {
        List<String> jars = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        assertTrue(jars.size() > 10, "a class path of jars: " + jars);
        for (String jar : jars) {
            String name = new File(jar).getName();
            assertTrue(!name.startsWith("pytorch-") && !name.startsWith("xchart-") && !jar.contains("/ai/djl/")
                    && !name.startsWith("derivcheck-vae") && !name.startsWith("derivcheck-experiments"), jar);
        }
    }

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
