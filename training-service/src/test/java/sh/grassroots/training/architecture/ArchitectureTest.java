package sh.grassroots.training.architecture;

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
            .importPackages("sh.grassroots.training");

    private static final JavaClasses BAD = new ClassFileImporter().importPackages("sh.grassroots.training.archfixture");

    @Test
    void only_reactive_transactions_and_no_blocking_on_a_uni() {
        ArchitectureRules.reactiveTransactionsOnly().check(SERVICE);
        ArchitectureRules.nothingBlocksOnAUni().check(SERVICE);
    }

    @Test
    void the_reactive_rules_fail_on_a_use_case_that_blocks_in_a_jta_transaction() {
        EvaluationResult transactional = ArchitectureRules.reactiveTransactionsOnly().evaluate(BAD);
        assertTrue(transactional.hasViolation());
        assertTrue(String.join("\n", transactional.getFailureReport().getDetails()).contains("blockingInsideAPipeline"));
        EvaluationResult blocking = ArchitectureRules.nothingBlocksOnAUni().evaluate(BAD);
        assertTrue(blocking.hasViolation());
        assertTrue(String.join("\n", blocking.getFailureReport().getDetails()).contains("Uni.await()"));
    }

    @Test
    void the_model_imports_no_framework() {
        ArchitectureRules.modelIsFrameworkFree().check(SERVICE);
    }

    @Test
    void the_model_does_not_depend_on_outer_layers() {
        ArchitectureRules.modelDoesNotDependOnOuterLayers().check(SERVICE);
    }

    @Test
    void the_model_reads_no_wall_clock() {
        ArchitectureRules.modelReadsNoWallClock().check(SERVICE);
    }

    @Test
    void the_framework_rule_fails_on_a_model_that_uses_jpa_panache_and_mutiny() {
        EvaluationResult result = ArchitectureRules.modelIsFrameworkFree().evaluate(BAD);
        assertTrue(result.hasViolation());
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains("jakarta.persistence.EntityManager"), report);
        assertTrue(report.contains("io.smallrye.mutiny.Uni"), report);
        assertTrue(report.contains("io.quarkus.hibernate.reactive.panache.Panache"), report);
        assertFalse(SERVICE.contain("sh.grassroots.training.archfixture.model.LeakySeatRule"));
    }

    @Test
    void the_layering_rule_fails_on_a_model_that_reaches_into_the_application_layer() {
        EvaluationResult result = ArchitectureRules.modelDoesNotDependOnOuterLayers().evaluate(BAD);
        assertTrue(result.hasViolation());
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains("SomeUseCase"), report);
    }

    @Test
    void the_clock_rule_fails_on_a_model_that_asks_for_the_time() {
        EvaluationResult result = ArchitectureRules.modelReadsNoWallClock().evaluate(BAD);
        assertTrue(result.hasViolation());
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains("Instant.now()"), report);
    }
}
