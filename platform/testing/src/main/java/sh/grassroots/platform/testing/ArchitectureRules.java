package sh.grassroots.platform.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..application..", "..infrastructure..", "..api..", "..persistence..", "..messaging..")
                .because("dependencies point inward: api, messaging, persistence -> application -> model");
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

    /** The resources speak to use cases; only the application layer opens a session. */
    public static ArchRule apiDoesNotTouchPersistence() {
        return noClasses().that().resideInAPackage("..api..")
                .should().dependOnClassesThat().resideInAPackage("..persistence..")
                .because("a resource passes the request to its use case, which owns the transaction and the tables");
    }

    /**
     * A feature's tables are its own: another feature asks it through its application layer (or
     * learns from its events), so that a table can change with only its feature looking.
     */
    public static ArchRule featuresKeepTheirPersistenceToThemselves() {
        return classes().should(new ArchCondition<JavaClass>("reach no other feature's persistence") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String from = feature(origin.getPackageName());
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            String to = feature(target.getPackageName());
                            if (to != null && isPersistence(target.getPackageName()) && !to.equals(from)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("a feature's persistence is reached only from inside that feature");
    }

    private static final List<String> LAYERS = List.of(
            "model", "application", "api", "persistence", "messaging", "infrastructure");

    /**
     * {@code sh.grassroots.training.enrolment.persistence} → {@code sh.grassroots.training.enrolment};
     * null outside a feature's layer (a library's {@code jakarta.persistence} or the platform's
     * {@code sh.grassroots.platform.persistence} are none).
     */
    static String feature(String packageName) {
        if (!packageName.startsWith("sh.grassroots.")) {
            return null;
        }
        String[] parts = packageName.split("\\.");
        // sh.grassroots.<service>.<feature>.<layer>: a layer right under a module (platform's own) is no feature's
        for (int i = 4; i < parts.length; i++) {
            if (LAYERS.contains(parts[i])) {
                return String.join(".", java.util.Arrays.copyOfRange(parts, 0, i));
            }
        }
        return null;
    }

    private static boolean isPersistence(String packageName) {
        return ("." + packageName + ".").contains(".persistence.");
    }
}
