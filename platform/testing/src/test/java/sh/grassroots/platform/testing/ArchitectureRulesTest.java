package sh.grassroots.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchitectureRulesTest {
    private static final String FIXTURE = "sh.grassroots.platform.testing.archfixture";
    private static final JavaClasses ALL = new ClassFileImporter().importPackages(FIXTURE);
    private static final JavaClasses ALPHA_ONLY = new ClassFileImporter().importPackages(FIXTURE + ".alpha");

    private static String report(EvaluationResult result) {
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void a_feature_reading_another_features_table_is_refused_and_one_reading_its_own_is_not() {
        EvaluationResult result = ArchitectureRules.featuresKeepTheirPersistenceToThemselves().evaluate(ALL);
        assertTrue(result.hasViolation());
        String report = report(result);
        assertTrue(report.contains("BetaUseCase") && report.contains("AlphaRow"), report);
        assertFalse(report.contains("AlphaUseCase"), report);
        assertFalse(report.contains("BetaResource"), report);

        assertFalse(ArchitectureRules.featuresKeepTheirPersistenceToThemselves().evaluate(ALPHA_ONLY).hasViolation());
    }

    @Test
    void a_resource_reading_a_table_is_refused() {
        EvaluationResult result = ArchitectureRules.apiDoesNotTouchPersistence().evaluate(ALL);
        assertTrue(result.hasViolation());
        assertTrue(report(result).contains("BetaResource"), report(result));
        assertFalse(report(result).contains("UseCase"), report(result));
    }

    @Test
    void a_model_knowing_a_table_is_refused() {
        EvaluationResult result = ArchitectureRules.modelDoesNotDependOnOuterLayers().evaluate(ALL);
        assertTrue(result.hasViolation());
        assertTrue(report(result).contains("BetaRule"), report(result));
    }

    @Test
    void a_feature_is_the_package_above_its_layer() {
        assertEquals("sh.grassroots.training.enrolment", ArchitectureRules.feature("sh.grassroots.training.enrolment.persistence"));
        assertEquals("sh.grassroots.org.member", ArchitectureRules.feature("sh.grassroots.org.member.infrastructure.crypto"));
        assertNull(ArchitectureRules.feature("sh.grassroots.platform.outbox"));
        assertNull(ArchitectureRules.feature("sh.grassroots.platform.persistence"));
        assertNull(ArchitectureRules.feature("jakarta.persistence"));
    }

    @Test
    void a_model_using_jpa_or_mutiny_is_refused() {
        EvaluationResult result = ArchitectureRules.modelIsFrameworkFree().evaluate(ALL);
        assertTrue(result.hasViolation());
        assertTrue(report(result).contains("jakarta.persistence.EntityManager"), report(result));
        assertTrue(report(result).contains("io.smallrye.mutiny.Uni"), report(result));
    }

    @Test
    void a_model_reaching_into_the_application_layer_is_refused() {
        EvaluationResult result = ArchitectureRules.modelDoesNotDependOnOuterLayers().evaluate(ALL);
        assertTrue(report(result).contains("LeakyRule") && report(result).contains("SomeUseCase"), report(result));
    }

    @Test
    void a_model_asking_for_the_time_is_refused() {
        EvaluationResult result = ArchitectureRules.modelReadsNoWallClock().evaluate(ALL);
        assertTrue(result.hasViolation());
        assertTrue(report(result).contains("Instant.now()"), report(result));
    }

    @Test
    void a_jta_transaction_and_a_blocking_await_are_refused() {
        EvaluationResult transactional = ArchitectureRules.reactiveTransactionsOnly().evaluate(ALL);
        assertTrue(report(transactional).contains("blockingInsideAPipeline"), report(transactional));
        EvaluationResult blocking = ArchitectureRules.nothingBlocksOnAUni().evaluate(ALL);
        assertTrue(report(blocking).contains("Uni.await()"), report(blocking));
    }
}
