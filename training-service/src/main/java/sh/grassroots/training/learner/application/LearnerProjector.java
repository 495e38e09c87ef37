package sh.grassroots.training.learner.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sh.grassroots.platform.outbox.Inbox;
import sh.grassroots.training.enrolment.application.CancelEnrolment;
import sh.grassroots.training.enrolment.model.MemberStatus;
import sh.grassroots.training.learner.persistence.LearnerEntity;
import sh.grassroots.training.learner.model.MemberChange;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies org-service's member events to the learner projection, each event at most once, and in
 * the same transaction cancels a leaving member's future enrolments, or those a transferred
 * member is no longer eligible for (each cancellation is an event of its own, and freed seats go
 * to the waitlist).
 */
@ApplicationScoped
public class LearnerProjector {
    static final String CONSUMER = "training.learner-projection";
    private static final Logger LOG = Logger.getLogger(LearnerProjector.class);

    private final Inbox inbox;
    private final CancelEnrolment enrolments;
    private final Clock clock;

    public LearnerProjector(Inbox inbox, CancelEnrolment enrolments, Clock clock) {
        this.inbox = inbox;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    public Uni<Boolean> apply(UUID eventId, MemberChange.Event event, UUID personId) {
        return Panache.withTransaction(() -> inbox.once(CONSUMER, eventId, () ->
                LearnerEntity.<LearnerEntity>findById(personId).chain(row -> {
                    Optional<MemberChange.Known> known = Optional.ofNullable(row).map(r -> new MemberChange.Known(
                            r.personId, r.displayName, r.homeOrganizationId, r.memberStatus.name(), r.leftOn));
                    MemberChange.Decision decision = MemberChange.apply(known, event);
                    if (decision instanceof MemberChange.Ignore ignore) {
                        LOG.infof("Member event %s ignored: %s", eventId, ignore.reason());
                        return Uni.createFrom().voidItem();
                    }
                    MemberChange.Store store = (MemberChange.Store) decision;
                    LearnerEntity target = row == null ? new LearnerEntity() : row;
                    target.personId = store.learner().personId();
                    target.displayName = store.learner().name();
                    target.homeOrganizationId = store.learner().homeOrganizationId();
                    target.memberStatus = MemberStatus.valueOf(store.learner().status());
                    target.leftOn = store.learner().leftOn();
                    target.updatedAt = OffsetDateTime.now(clock);
                    Uni<Void> saved = (row == null ? target.persistAndFlush() : Panache.getSession().chain(s -> s.flush()))
                            .replaceWithVoid();
                    if (store.recheckFutureEnrolments()) {
                        return saved.chain(() -> enrolments.recheckFutureEnrolmentsOf(personId, store.why()))
                                .invoke(n -> LOG.infof("%d future enrolments of %s cancelled: %s", n, personId, store.why()))
                                .replaceWithVoid();
                    }
                    if (!store.cancelFutureEnrolments()) {
                        return saved;
                    }
                    return saved.chain(() -> enrolments.cancelFutureEnrolmentsOf(personId, store.why()))
                            .invoke(n -> LOG.infof("%d future enrolments of %s cancelled: %s", n, personId, store.why()))
                            .replaceWithVoid();
                })));
    }
}
