package sh.grassroots.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

/**
 * The house rules (see {@link ArchitectureRules}), checked against one service: a service's
 * {@code ArchitectureTest} extends this and names its package. That each rule can fail is shown
 * once, against bad fixtures, in platform/testing's own tests.
 *
 * <p>Features reaching into another feature's persistence are frozen rather than forbidden
 * outright: the places that did so when the rule came are recorded in the service's
 * {@code src/test/archunit-store} (see its {@code archunit.properties}), a new one fails the
 * build, and one removed leaves the record. To re-record deliberately:
 * {@code -Darchunit.freeze.refreeze=true}.
 */
public abstract class ServiceArchitectureTest {
    private JavaClasses classes;

    /** The service's root package, e.g. {@code sh.grassroots.training}. */
    protected abstract String servicePackage();

    private JavaClasses service() {
        if (classes == null) {
            classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(servicePackage());
        }
        return classes;
    }

    @Test
    void the_model_imports_no_framework() {
        ArchitectureRules.modelIsFrameworkFree().allowEmptyShould(true).check(service());
    }

    @Test
    void the_model_depends_on_no_outer_layer() {
        ArchitectureRules.modelDoesNotDependOnOuterLayers().allowEmptyShould(true).check(service());
    }

    @Test
    void the_model_reads_no_wall_clock() {
        ArchitectureRules.modelReadsNoWallClock().allowEmptyShould(true).check(service());
    }

    @Test
    void one_transaction_style_and_nothing_blocks_on_a_uni() {
        ArchitectureRules.reactiveTransactionsOnly().allowEmptyShould(true).check(service());
        ArchitectureRules.nothingBlocksOnAUni().allowEmptyShould(true).check(service());
    }

    @Test
    void resources_leave_the_tables_to_their_use_cases() {
        ArchitectureRules.apiDoesNotTouchPersistence().allowEmptyShould(true).check(service());
    }

    @Test
    void no_new_reach_into_another_features_tables() {
        FreezingArchRule.freeze(ArchitectureRules.featuresKeepTheirPersistenceToThemselves()).check(service());
    }
}
