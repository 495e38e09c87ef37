package sh.grassroots.training.learner.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sh.grassroots.events.ConferenceEvents.UnitStaffLeft;
import sh.grassroots.events.ConferenceEvents.UnitStaffRegistered;
import sh.grassroots.platform.outbox.Inbox;
import sh.grassroots.training.enrolment.application.CancelEnrolment;
import sh.grassroots.training.enrolment.model.MemberStatus;
import sh.grassroots.training.learner.persistence.LearnerEntity;
import sh.grassroots.training.learner.model.UnitStaffChange;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies a member unit's registrations of its staff to the learner projection, each event at most
 * once: the finance talent of the 金融研修院 become learners of their unit, party members or not.
 * When a person stops working for a unit, their future enrolments are re-checked in the same
 * transaction: those that stood through the unit (an academy seat, a unit's quota) are cancelled.
 */
@ApplicationScoped
public class UnitStaffProjector {
    static final String CONSUMER = "training.unit-staff-projection";
    private static final Logger LOG = Logger.getLogger(UnitStaffProjector.class);

    private final Inbox inbox;
    private final CancelEnrolment enrolments;
    private final Clock clock;

    public UnitStaffProjector(Inbox inbox, CancelEnrolment enrolments, Clock clock) {
        this.inbox = inbox;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    public Uni<Boolean> onRegistered(UUID eventId, UnitStaffRegistered registered) {
        return Panache.withTransaction(() -> inbox.once(CONSUMER, eventId, () ->
                LearnerEntity.<LearnerEntity>findById(registered.personId()).chain(row -> apply(eventId, row,
                        registered.personId(),
                        UnitStaffChange.registered(known(row), registered.unitId(), registered.displayName())))));
    }

    public Uni<Boolean> onLeft(UUID eventId, UnitStaffLeft left) {
        return Panache.withTransaction(() -> inbox.once(CONSUMER, eventId, () ->
                LearnerEntity.<LearnerEntity>findById(left.personId()).chain(row -> apply(eventId, row,
                        left.personId(), UnitStaffChange.left(known(row), left.unitId(), left.leftOn())))));
    }

    private Uni<Void> apply(UUID eventId, LearnerEntity row, UUID personId, UnitStaffChange.Decision decision) {
        if (decision instanceof UnitStaffChange.Ignore ignore) {
            LOG.infof("Unit staff event %s ignored: %s", eventId, ignore.reason());
            return Uni.createFrom().voidItem();
        }
        if (decision instanceof UnitStaffChange.Create create) {
            LearnerEntity learner = new LearnerEntity();
            learner.personId = personId;
            learner.displayName = create.displayName();
            learner.memberStatus = MemberStatus.NOT_A_MEMBER;
            learner.memberUnitId = create.unitId();
            learner.updatedAt = OffsetDateTime.now(clock);
            return learner.persistAndFlush().replaceWithVoid();
        }
        UnitStaffChange.SetUnit set = (UnitStaffChange.SetUnit) decision;
        row.memberUnitId = set.unitId();
        row.updatedAt = OffsetDateTime.now(clock);
        Uni<Void> saved = Panache.getSession().chain(s -> s.flush());
        if (!set.recheck()) {
            return saved;
        }
        return saved.chain(() -> enrolments.recheckFutureEnrolmentsOf(personId, set.recheckWhy()))
                .invoke(n -> LOG.infof("%d future enrolments of %s cancelled: %s", n, personId, set.recheckWhy()))
                .replaceWithVoid();
    }

    private static Optional<UnitStaffChange.Known> known(LearnerEntity row) {
        return Optional.ofNullable(row).map(r -> new UnitStaffChange.Known(r.memberUnitId, r.leftOn));
    }
}
