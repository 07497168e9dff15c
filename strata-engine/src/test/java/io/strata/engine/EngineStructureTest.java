package io.strata.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/**
 * The engine's structure, checked on its compiled classes: no two packages depend on each other
 * (directly or around a loop), and nothing prints to the terminal (that is each front-end's job).
 */
class EngineStructureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.strata.engine");

    @Test
    void noPackageCycles() {
        slices().matching("io.strata.engine.(**)").should().beFreeOfCycles().check(ENGINE);
    }

    @Test
    void noTerminalOutput() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(ENGINE);
    }

    @Test
    void noFrontEndTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.strata.cli..", "io.strata.jenkins..", "hudson..", "jenkins..",
                "picocli..").check(ENGINE);
    }
}
