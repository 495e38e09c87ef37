package sh.grassroots.training.enrolment.application;

import sh.grassroots.training.enrolment.model.EnrolmentRule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.training.access.application.TrainingAccess;
import sh.grassroots.training.access.model.TrainingAccessPolicy;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.training.enrolment.model.Cancellation;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;
import sh.grassroots.training.enrolment.persistence.EnrolmentEntity;
import sh.grassroots.training.enrolment.persistence.LearnerDirectory;
import sh.grassroots.training.session.application.LockedSession;
import sh.grassroots.training.session.application.SessionSeats;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An enrolment ends before the session: its person or a manager cancels it, or the organization
 * changed under the person. The seat it held goes to the waitlist.
 */
@ApplicationScoped
public class CancelEnrolment {
    private final SessionSeats seats;
    private final EnrolmentRecords records;
    private final OfferFreedSeats offers;
    private final LearnerDirectory learners;
    private final TrainingAccess access;
    private final Clock clock;

    public CancelEnrolment(SessionSeats seats, EnrolmentRecords records, OfferFreedSeats offers,
                           LearnerDirectory learners, TrainingAccess access, Clock clock) {
        this.seats = seats;
        this.records = records;
        this.offers = offers;
        this.learners = learners;
        this.access = access;
        this.clock = clock;
    }

    /**
     * A learner cancels their own enrolment until the deadline; a manager in scope (of the
     * person's home, or the session's organizers) at any time. A freed seat goes to the waitlist.
     */
    @WithTransaction
    public Uni<EnrolmentView> cancel(Caller caller, UUID enrolmentId, String reason) {
        return cancellingAs(caller, enrolmentId)
                .chain(by -> records.lockedEnrolment(enrolmentId).chain(locked -> {
                    Cancellation.Canceller canceller = new Cancellation.Canceller(by, caller.subject());
                    Optional<Rejection> broken = Cancellation.check(locked.enrolment().status, by,
                            locked.session().cancellationDeadline(), clock);
                    if (broken.isPresent()) {
                        return Uni.createFrom().failure(Rejections.exception(broken.get()));
                    }
                    String why = reason == null || reason.isBlank()
                            ? "cancelled by the " + by.name().toLowerCase() : reason.strip();
                    return cancelLocked(locked.session(), locked.enrolment(), why, canceller)
                            .chain(() -> records.view(locked.enrolment()));
                }));
    }

    /** As whom the caller cancels this enrolment (learner or manager); a 403 when they may not. */
    private Uni<Cancellation.By> cancellingAs(Caller caller, UUID enrolmentId) {
        return records.parties(enrolmentId).chain(parties -> access.scope(caller).chain(scope ->
                access.personOrStranger(parties.personId()).chain(person -> access.providerOfSession(parties.sessionId())
                        .chain(provider -> {
                            TrainingAccessPolicy.CancelDecision decision =
                                    TrainingAccessPolicy.cancelEnrolment(scope, person, provider);
                            if (decision instanceof TrainingAccessPolicy.CancelRefused refused) {
                                return Uni.createFrom().failure(Callers.forbidden(refused.refusal()));
                            }
                            return Uni.createFrom().item(((TrainingAccessPolicy.CancelAs) decision).by());
                        }))));
    }

    /**
     * The organization changed under a person (they left, their branch was dissolved): their
     * enrolments in sessions not yet started are cancelled with the reason and the seats passed on.
     * Runs in the caller's transaction, e.g. the one that applies the org event.
     */
    public Uni<Integer> cancelFutureEnrolmentsOf(UUID personId, String reason) {
        return futureActiveEnrolments(personId).chain(rows -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (Object[] row : rows) {
                UUID enrolmentId = UUID.fromString((String) row[0]);
                UUID sessionId = UUID.fromString((String) row[1]);
                chain = chain.chain(done -> seats.lock(sessionId)
                        .chain(session -> EnrolmentEntity.<EnrolmentEntity>findById(enrolmentId)
                                .chain(e -> Cancellation.check(e.status, Cancellation.By.SYSTEM,
                                        session.cancellationDeadline(), clock).isPresent()
                                        ? Uni.createFrom().item(done)
                                        : cancelLocked(session, e, reason, Cancellation.Canceller.SYSTEM_CANCELLER)
                                        .replaceWith(done + 1))));
            }
            return chain;
        });
    }

    /**
     * A person's home organization changed (a completed transfer): each enrolment in a session not
     * yet started is kept if the course's eligibility rules still admit the person from the new
     * home, else cancelled with the broken rule as the reason and its seat passed on. Runs in the
     * caller's transaction, after the projection has been updated.
     */
    public Uni<Integer> recheckFutureEnrolmentsOf(UUID personId, String why) {
        return futureActiveEnrolments(personId).chain(rows -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (Object[] row : rows) {
                UUID enrolmentId = UUID.fromString((String) row[0]);
                UUID sessionId = UUID.fromString((String) row[1]);
                chain = chain.chain(done -> seats.lock(sessionId)
                        .chain(session -> EnrolmentEntity.<EnrolmentEntity>findById(enrolmentId)
                                .chain(e -> !e.status.isActive() || e.status == EnrolmentStatus.ATTENDED
                                        ? Uni.createFrom().item(done)
                                        : seats.eligibilityOfCourse(session.courseId()).chain(eligibility -> learners
                                        .find(personId).chain(learner -> {
                                            Optional<Rejection> broken = learner.isEmpty()
                                                    ? Optional.of(new Rejection(EnrolmentRule.LEARNER_UNKNOWN, "no longer a learner"))
                                                    : eligibility.check(learner.get());
                                            if (broken.isEmpty()) {
                                                return Uni.createFrom().item(done);
                                            }
                                            String reason = why + "; no longer eligible (" + broken.get().slug()
                                                    + "): " + broken.get().detail();
                                            return cancelLocked(session, e, reason,
                                                    Cancellation.Canceller.SYSTEM_CANCELLER).replaceWith(done + 1);
                                        })))));
            }
            return chain;
        });
    }

    private Uni<List<Object[]>> futureActiveEnrolments(UUID personId) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                        "select e.id::text, e.session_id::text from enrolment e join training_session s on s.id = e.session_id "
                                + "where e.person_id = ?1 and e.status in ('CONFIRMED', 'WAITLISTED', 'OFFERED') "
                                + "and s.starts_at > ?2 order by e.session_id, e.id")
                .setParameter(1, personId).setParameter(2, OffsetDateTime.now(clock)).getResultList());
    }

    private Uni<Void> cancelLocked(LockedSession session, EnrolmentEntity e, String reason,
                                   Cancellation.Canceller canceller) {
        boolean freesASeat = Cancellation.freesASeat(e.status);
        records.markCancelled(e, reason, canceller);
        return EnrolmentRecords.flush()
                .chain(() -> records.recordCancelled(e))
                .chain(() -> freesASeat ? seats.release(session.id(), e.quotaGroupId) : Uni.createFrom().voidItem())
                .chain(() -> offers.offerFreedSeats(session));
    }
}
