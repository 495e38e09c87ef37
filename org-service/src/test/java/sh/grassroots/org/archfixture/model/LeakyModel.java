package sh.grassroots.org.archfixture.model;

import jakarta.persistence.EntityManager;

/** Deliberately breaks the architecture rules, so that a test can show the rules catch it. */
public class LeakyModel {
    EntityManager entityManager;

    public io.smallrye.mutiny.Uni<String> name() {
        return null;
    }

    public sh.grassroots.org.archfixture.application.SomeUseCase useCase() {
        return null;
    }
}
