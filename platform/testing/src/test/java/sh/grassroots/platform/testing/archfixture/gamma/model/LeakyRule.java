package sh.grassroots.platform.testing.archfixture.gamma.model;

import io.smallrye.mutiny.Uni;
import jakarta.persistence.EntityManager;
import sh.grassroots.platform.testing.archfixture.gamma.application.SomeUseCase;

/** Deliberately breaks the model rules, so that a test can show the rules catch it. */
public class LeakyRule {
    EntityManager entityManager;

    public Uni<Boolean> seatFree() {
        return Uni.createFrom().item(true);
    }

    public boolean holdExpired(java.time.Instant expiresAt) {
        return java.time.Instant.now().isAfter(expiresAt);
    }

    public SomeUseCase useCase() {
        return null;
    }
}
