package sh.grassroots.training.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchitectureTest {
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("sh.grassroots.training");

    private static final JavaClasses BAD = new ClassFileImporter().importPackages("sh.grassroots.training.archfixture");

    /** The model reads no clock of its own: tests fix the time through an injected Clock. */
    static ArchRule modelReadsNoWallClock() {
        return noClasses().that().resideInAPackage("..model..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.lang.System.class, "currentTimeMillis")
                .because("the rules take a java.time.Clock so that tests decide what time it is");
    }

    /** Hibernate Reactive on this Quarkus version: @WithTransaction only, and no blocking inside a pipeline. */
    static ArchRule reactiveTransactionsOnly() {
        return noMethods().should().beAnnotatedWith("jakarta.transaction.Transactional")
                .because("@Transactional does not work with Hibernate Reactive here; use @WithTransaction");
    }

    static ArchRule nothingBlocksOnAUni() {
        return noClasses().should().callMethod(io.smallrye.mutiny.Uni.class, "await")
                .because("blocking a Uni inside a reactive pipeline stalls the event loop");
    }

    @Test
    void only_reactive_transactions_and_no_blocking_on_a_uni() {
        reactiveTransactionsOnly().check(SERVICE);
        nothingBlocksOnAUni().check(SERVICE);
    }

    @Test
    void the_reactive_rules_fail_on_a_use_case_that_blocks_in_a_jta_transaction() {
        EvaluationResult transactional = reactiveTransactionsOnly().evaluate(BAD);
        assertTrue(transactional.hasViolation());
        assertTrue(String.join("\n", transactional.getFailureReport().getDetails()).contains("blockingInsideAPipeline"));
        EvaluationResult blocking = nothingBlocksOnAUni().evaluate(BAD);
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
        modelReadsNoWallClock().check(SERVICE);
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
        EvaluationResult result = modelReadsNoWallClock().evaluate(BAD);
        assertTrue(result.hasViolation());
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains("Instant.now()"), report);
    }
}
