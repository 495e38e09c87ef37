package sh.grassroots.notifications.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.ArchitectureRules;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchitectureTest {
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("sh.grassroots.notifications");
    private static final JavaClasses BAD = new ClassFileImporter().importPackages("sh.grassroots.notifications.archfixture");

    @Test
    void the_model_imports_no_framework() {
        ArchitectureRules.modelIsFrameworkFree().check(SERVICE);
    }

    @Test
    void the_model_does_not_depend_on_outer_layers() {
        ArchitectureRules.modelDoesNotDependOnOuterLayers().check(SERVICE);
    }

    @Test
    void the_model_never_reads_the_wall_clock() {
        ArchitectureRules.modelReadsNoWallClock().check(SERVICE);
    }

    @Test
    void transactions_are_reactive_only_and_nothing_blocks_on_a_uni() {
        ArchitectureRules.reactiveTransactionsOnly().check(SERVICE);
        ArchitectureRules.nothingBlocksOnAUni().check(SERVICE);
    }

    @Test
    void the_rules_fail_on_a_model_that_uses_mutiny_reaches_into_the_application_and_reads_the_clock() {
        assertTrue(ArchitectureRules.modelIsFrameworkFree().evaluate(BAD).hasViolation());
        assertTrue(ArchitectureRules.modelDoesNotDependOnOuterLayers().evaluate(BAD).hasViolation());
        EvaluationResult clock = ArchitectureRules.modelReadsNoWallClock().evaluate(BAD);
        assertTrue(clock.hasViolation());
    }
}
