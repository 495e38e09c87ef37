package sh.grassroots.platform.testing;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The house rules every service states about itself (see docs/architecture.md). */
public final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /** Business rules live in plain Java, testable without Quarkus, Mutiny, JPA or a database. */
    public static ArchRule modelIsFrameworkFree() {
        return noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta.persistence..",
                        "jakarta.enterprise..", "jakarta.ws.rs..", "jakarta.inject..", "org.hibernate..",
                        "org.apache.kafka..", "com.fasterxml.jackson..")
                .because("the model holds the rules and must be unit-testable without a framework");
    }

    /** The model does not reach outward into the layers that use it. */
    public static ArchRule modelDoesNotDependOnOuterLayers() {
        return noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAnyPackage("..application..", "..infrastructure..", "..api..")
                .because("dependencies point inward: api -> application -> model");
    }
}
