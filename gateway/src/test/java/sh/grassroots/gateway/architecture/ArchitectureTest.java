package sh.grassroots.gateway.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.ArchitectureRules;

/** The rules' ability to fail is shown in org-service's ArchitectureTest against a bad fixture. */
class ArchitectureTest {
    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("sh.grassroots.gateway");

    @Test
    void the_resilience_model_imports_no_framework() {
        ArchitectureRules.modelIsFrameworkFree().check(GATEWAY);
    }

    @Test
    void the_model_reads_no_wall_clock_and_nothing_blocks_on_a_uni() {
        ArchitectureRules.modelReadsNoWallClock().check(GATEWAY);
        ArchitectureRules.nothingBlocksOnAUni().check(GATEWAY);
    }

    @Test
    void the_model_does_not_depend_on_outer_layers() {
        ArchitectureRules.modelDoesNotDependOnOuterLayers().check(GATEWAY);
    }
}
