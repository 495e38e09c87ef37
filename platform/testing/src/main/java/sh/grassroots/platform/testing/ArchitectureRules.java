package sh.grassroots.platform.testing;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

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

    /** The model reads no clock of its own: tests fix the time through an injected Clock. */
    public static ArchRule modelReadsNoWallClock() {
        return noClasses().that().resideInAPackage("..model..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("the rules take a java.time.Clock so that tests decide what time it is");
    }

    /** One transaction style with Hibernate Reactive on this Quarkus version. */
    public static ArchRule reactiveTransactionsOnly() {
        return noMethods().should().beAnnotatedWith("jakarta.transaction.Transactional")
                .because("@Transactional does not work with Hibernate Reactive here; use @WithTransaction");
    }

    /** Blocking on a Uni inside a reactive pipeline stalls the event loop. */
    public static ArchRule nothingBlocksOnAUni() {
        return noClasses().should().callMethod("io.smallrye.mutiny.Uni", "await")
                .because("blocking a Uni inside a reactive pipeline stalls the event loop");
    }
}
