package sh.grassroots.training.archfixture.model;

import io.quarkus.hibernate.reactive.panache.Panache;
import jakarta.persistence.EntityManager;

/** Deliberately breaks the architecture rules, so that a test can show the rules catch it. */
public class LeakySeatRule {
    EntityManager entityManager;

    public io.smallrye.mutiny.Uni<Boolean> seatFree() {
        return Panache.withSession(() -> null);
    }

    public boolean holdExpired(java.time.Instant expiresAt) {
        return java.time.Instant.now().isAfter(expiresAt);
    }

    public sh.grassroots.training.archfixture.application.SomeUseCase useCase() {
        return null;
    }
}
