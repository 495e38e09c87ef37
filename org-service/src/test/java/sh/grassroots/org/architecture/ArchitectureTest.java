package sh.grassroots.org.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.ArchitectureRules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchitectureTest {
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("sh.grassroots.org");

    private static final JavaClasses BAD = new ClassFileImporter().importPackages("sh.grassroots.org.archfixture");

    @Test
    void the_model_imports_no_framework() {
        ArchitectureRules.modelIsFrameworkFree().check(SERVICE);
    }

    @Test
    void the_model_does_not_depend_on_outer_layers() {
        ArchitectureRules.modelDoesNotDependOnOuterLayers().check(SERVICE);
    }

    @Test
    void the_model_reads_no_wall_clock_and_the_service_keeps_one_transaction_style() {
        ArchitectureRules.modelReadsNoWallClock().check(SERVICE);
        ArchitectureRules.reactiveTransactionsOnly().check(SERVICE);
        ArchitectureRules.nothingBlocksOnAUni().check(SERVICE);
    }

    @Test
    void the_framework_rule_fails_on_a_model_that_uses_jpa_and_mutiny() {
        EvaluationResult result = ArchitectureRules.modelIsFrameworkFree().evaluate(BAD);
        assertTrue(result.hasViolation());
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains("jakarta.persistence.EntityManager"), report);
        assertTrue(report.contains("io.smallrye.mutiny.Uni"), report);
        assertFalse(SERVICE.contain("sh.grassroots.org.archfixture.model.LeakyModel"));
    }

    @Test
    void the_layering_rule_fails_on_a_model_that_reaches_into_the_application_layer() {
        EvaluationResult result = ArchitectureRules.modelDoesNotDependOnOuterLayers().evaluate(BAD);
        assertTrue(result.hasViolation());
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains("SomeUseCase"), report);
    }
}
