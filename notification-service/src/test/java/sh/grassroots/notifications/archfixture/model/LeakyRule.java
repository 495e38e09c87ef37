package sh.grassroots.notifications.archfixture.model;

import io.smallrye.mutiny.Uni;
import sh.grassroots.notifications.archfixture.application.SomeUseCase;

import java.time.Instant;

/** Test fixture: a model class breaking every rule, so the architecture test shows each can fail. */
public class LeakyRule {
    public Uni<Instant> decide(SomeUseCase useCase) {
        return Uni.createFrom().item(Instant.now());
    }
}
