package sh.grassroots.stations.archfixture.model;

import jakarta.persistence.EntityManager;

/** Deliberately breaks the architecture rules, so that a test can show the rules catch it. */
public class LeakyBookingRule {
    EntityManager entityManager;

    public io.smallrye.mutiny.Uni<Boolean> slotFree() {
        return null;
    }

    public sh.grassroots.stations.archfixture.application.SomeBookingUseCase useCase() {
        return null;
    }

    public java.time.Instant now() {
        return java.time.Instant.now();
    }
}
