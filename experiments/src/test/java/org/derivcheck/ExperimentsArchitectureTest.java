package org.derivcheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/ARCHITECTURE.md §3 for the experiments and the VAE (the checker's are its ArchitectureTest).
 * This module's class path holds all three modules, so the rules that span them are checked here.
 */
class ExperimentsArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ArchitectureTest.mainClasses();
    }

    @Test
    void onlyVaeImportsDjl() {
        noClasses().that().resideOutsideOfPackage("org.derivcheck.vae..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .because("DJL is used by the vae package alone")
                .check(classes);
    }

    @Test
    void theNumericsStayOutOfTheChecker() {
        noClasses().that().resideInAnyPackage("org.derivcheck.vi..", "org.derivcheck.vae..", "org.derivcheck.plot..")
                .should().dependOnClassesThat().resideInAnyPackage("org.derivcheck.check..",
                        "org.derivcheck.cas..", "org.derivcheck.grade..", "org.derivcheck.report..", "org.derivcheck.cli..")
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.derivcheck.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The "may use" column of docs/ARCHITECTURE.md §3 for the packages of experiments/ and vae/. */
    private static final Map<String, List<String>> MAY_USE = Map.ofEntries(
            Map.entry("vi", List.of("special")),
            Map.entry("vae", List.of("vi")),
            Map.entry("plot", List.of()),
            Map.entry("experiment", List.of("vi", "vae", "plot", "command")));

    @Test
    void packagesUseOnlyWhatTheArchitectureAllows() {
        ArchitectureTest.checkMayUse(classes, MAY_USE);
    }
}
