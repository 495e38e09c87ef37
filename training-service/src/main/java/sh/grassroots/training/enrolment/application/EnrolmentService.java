package sh.grassroots.training.enrolment.application;

import sh.grassroots.platform.web.IdempotencyKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.platform.persistence.DatabaseFailures;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.access.application.TrainingAccess;
import sh.grassroots.training.access.model.TrainingAccessPolicy;
import sh.grassroots.training.common.application.Rejections;
import sh.grassroots.training.common.model.Rejection;
import sh.grassroots.training.course.persistence.CourseEntity;
import sh.grassroots.training.session.persistence.EligibilityRows;
import sh.grassroots.training.session.persistence.SessionEntity;
import sh.grassroots.training.enrolment.model.Admission;
import sh.grassroots.training.enrolment.model.Cancellation;
import sh.grassroots.training.session.model.Eligibility;
import sh.grassroots.training.enrolment.model.EnrolmentRules;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;
import sh.grassroots.training.enrolment.model.Hold;
import sh.grassroots.training.enrolment.model.Learner;
import sh.grassroots.training.session.model.SessionClosure;
import sh.grassroots.training.session.model.SessionRules;
import sh.grassroots.training.enrolment.model.Waitlist;
import sh.grassroots.training.enrolment.persistence.EnrolStatement;
import sh.grassroots.training.enrolment.persistence.EnrolmentEntity;
import sh.grassroots.training.enrolment.persistence.EnrolmentRequests;
import sh.grassroots.training.enrolment.persistence.LearnerDirectory;
import sh.grassroots.training.session.persistence.Seats;
import sh.grassroots.training.session.persistence.SessionRulesCache;
import sh.grassroots.events.TrainingEvents;
import sh.grassroots.events.VenueEvents;
import sh.grassroots.training.venue.model.VenueSaga;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Enrolment, cancellation, offers of freed seats and their expiry. Every operation that changes
 * seats locks the session row first (see {@link Seats}), so within a session they run one after
 * the other in arrival order; sessions do not block each other.
 */
@ApplicationScoped
public class EnrolmentService {
    private static final String ONE_ACTIVE_PER_PERSON = "enrolment_one_active_per_person";
    private final Seats seats;
    private final SessionRulesCache rulesCache;
    private final EnrolStatement enrolStatement;
    private final LearnerDirectory learners;
    private final EligibilityRows eligibilityRows;
    private final EnrolmentRequests idempotencyKeys;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final TrainingAccess access;
    private final Clock clock;

    public EnrolmentService(Seats seats, SessionRulesCache rulesCache, EnrolStatement enrolStatement,
                            LearnerDirectory learners, EligibilityRows eligibilityRows,
                            EnrolmentRequests idempotencyKeys, Outbox outbox, ObjectMapper mapper, TrainingAccess access,
                            Clock clock) {
        this.rulesCache = rulesCache;
        this.enrolStatement = enrolStatement;
        this.access = access;
        this.seats = seats;
        this.learners = learners;
        this.eligibilityRows = eligibilityRows;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The answer to one enrolment request; {@code replayed} when it repeats an earlier answer to the same Idempotency-Key. */
    public record Enrolled(EnrolmentView enrolment, boolean replayed) {
    }

    /**
     * A bulk answer: one outcome per member of the organization, in person id order, each with
     * whether the person is a member at home there or an affiliate.
     */
    public record BulkEnrolled(UUID organizationId, List<EnrolmentOutcome> outcomes, Map<UUID, Admission> memberOf) {
    }

    /**
     * The caller enrols themselves, or someone whose enrolments they manage; an Idempotency-Key is
     * the caller's own. A session without seat quotas is served in two round trips and no explicit
     * transaction: the session's rules come from this replica's copy ({@link SessionRulesCache}),
     * the person's facts from one read, access and the rules are decided here, and one statement
     * ({@link EnrolStatement}) takes the seat or the place in line, records the event, and acts only
     * while the rules it was decided on are still the session's (see docs/performance-enrolment.md).
     * Quota sessions and requests with an Idempotency-Key keep the transaction under the session
     * lock ({@link #enrolUnderLock}).
     */
    @WithSession
    public Uni<Enrolled> enrol(Caller caller, UUID sessionId, UUID personId, String idempotencyKey) {
        return rulesOf(sessionId).chain(rules -> idempotencyKey != null || rules.hasQuota()
                ? Panache.withTransaction(() -> enrolUnderLock(caller, sessionId, personId, idempotencyKey))
                : enrolInOneStatement(caller, rules, personId, true));
    }

    private Uni<SessionRules> rulesOf(UUID sessionId) {
        return rulesCache.get(sessionId).onItem().ifNull().failWith(() -> ProblemException.notFound("Session", sessionId));
    }

    private Uni<Enrolled> enrolInOneStatement(Caller caller, SessionRules rules, UUID personId, boolean mayRetry) {
        return learners.enrolmentFacts(personId, rules.sessionId()).chain(facts -> {
            if (facts.person().isEmpty()) {
                return Uni.createFrom().failure(unknownLearner(personId));
            }
            return access.scope(caller)
                    .chain(scope -> TrainingAccess.enforce(TrainingAccessPolicy.enrol(scope, facts.person().get())))
                    .chain(() -> {
                        if (facts.learner().isEmpty()) {
                            return Uni.createFrom().failure(Rejections.problem(new Rejection("learner-unknown",
                                    "Training does not know person " + personId + " yet")));
                        }
                        Optional<Rejection> broken = rules.check(clock.instant(), facts.learner().get(),
                                facts.alreadyEnrolled());
                        if (broken.isPresent()) {
                            // a refusal from the copy is checked too: the rule may have opened since
                            return rulesCache.isCurrent(rules).chain(current -> current || !mayRetry
                                    ? Uni.createFrom().failure(Rejections.problem(broken.get()))
                                    : Uni.createFrom().voidItem().invoke(() -> rulesCache.stale(rules))
                                    .chain(() -> rulesOf(rules.sessionId()))
                                    .chain(fresh -> fresh.hasQuota()
                                            ? Panache.withTransaction(() ->
                                            enrolUnderLock(caller, rules.sessionId(), personId, null))
                                            : enrolInOneStatement(caller, fresh, personId, false)));
                        }
                        UUID enrolmentId = UUID.randomUUID();
                        OffsetDateTime at = OffsetDateTime.now(clock);
                        return enrolStatement.enrol(rules.sessionId(), rules.rulesVersion(), enrolmentId, personId, at,
                                        event(enrolmentId, rules.sessionId(), personId))
                                .chain(result -> {
                                    if (!result.rulesCurrent()) {
                                        rulesCache.stale(rules);
                                        return rulesOf(rules.sessionId()).chain(fresh -> mayRetry && !fresh.hasQuota()
                                                ? enrolInOneStatement(caller, fresh, personId, false)
                                                : Panache.withTransaction(() ->
                                                enrolUnderLock(caller, rules.sessionId(), personId, null)));
                                    }
                                    if (result.status() == null) {
                                        return Uni.createFrom().failure(Rejections.problem(new Rejection(
                                                "already-enrolled", "This person is already enrolled in the session")));
                                    }
                                    return placed(enrolmentId, rules.sessionId(), personId, result, at)
                                            .map(view -> new Enrolled(view, false));
                                });
                    });
        });
    }

    /** The envelope Outbox would record, serialised as CONFIRMED at position 0: the statement writes what it decided. */
    private EnrolStatement.Event event(UUID enrolmentId, UUID sessionId, UUID personId) {
        var payload = new TrainingEvents.EnrolmentChanged(enrolmentId, sessionId, personId,
                EnrolmentStatus.CONFIRMED.name(), 0, null, null);
        var envelope = outbox.envelope(TrainingEvents.ENROLMENT_CONFIRMED, TrainingEvents.VERSION, sessionId.toString(),
                null, payload);
        try {
            return new EnrolStatement.Event(envelope.eventId(), TrainingEvents.TOPIC_ENROLMENT, envelope.aggregateId(),
                    TrainingEvents.ENROLMENT_CONFIRMED, TrainingEvents.ENROLMENT_WAITLISTED,
                    mapper.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event cannot be serialised: " + envelope.type(), e);
        }
    }

    /** The answer to a placed enrolment; a waiting person's place in line is counted after the commit. */
    private Uni<EnrolmentView> placed(UUID enrolmentId, UUID sessionId, UUID personId, EnrolStatement.Result result,
                                      OffsetDateTime at) {
        if (result.status() != EnrolmentStatus.WAITLISTED) {
            return Uni.createFrom().item(new EnrolmentView(enrolmentId, sessionId, personId, result.status(),
                    result.position(), null, at, null, null, null, null, null));
        }
        return EnrolmentEntity.count("sessionId = ?1 and status = ?2 and position <= ?3",
                        sessionId, EnrolmentStatus.WAITLISTED, result.position())
                .map(place -> new EnrolmentView(enrolmentId, sessionId, personId, result.status(), result.position(),
                        place.intValue(), at, null, null, null, null, null));
    }

    /**
     * The organization's people: those whose home it is and those affiliated to it (a functional or
     * temporary branch's members), in person id order; someone both is counted at home.
     */
    private static final String MEMBERS_AND_AFFILIATES = """
            select l.person_id::text, 'HOME' from learner l where l.home_organization_id = ?1 and l.left_on is null
            union all
            select a.person_id::text, 'AFFILIATE' from learner_affiliation a join learner l on l.person_id = a.person_id
            where a.organization_id = ?1 and a.ended_on is null and l.left_on is null
              and l.home_organization_id is distinct from ?1
            order by 1""";

    /**
     * For each person enrolled in session ?1: HOME when their home is one of the roots or below,
     * AFFILIATE when only an active affiliation is, else null. The roots are the course's subtrees
     * or the organization ?2.
     */
    private static final String MEMBER_OF = """
            with recursive below(id, depth) as (
                %s
                union all
                select k.id, b.depth + 1 from known_organization k join below b on k.parent_id = b.id where b.depth < 32
            )
            select e.person_id::text,
                   case when exists (select 1 from learner l where l.person_id = e.person_id
                                     and l.home_organization_id in (select id from below)) then 'HOME'
                        when exists (select 1 from learner_affiliation a where a.person_id = e.person_id
                                     and a.ended_on is null and a.organization_id in (select id from below)) then 'AFFILIATE'
                   end
            from enrolment e where e.session_id = ?1""";
    private static final String COURSE_ROOTS = """
            select cast(ce.value as uuid), 0 from course_eligibility ce join training_session ts on ts.course_id = ce.course_id
                where ts.id = ?1 and ce.rule = 'SUBTREE'""";
    private static final String GIVEN_ROOT = "select cast(?2 as uuid), 0";

    /**
     * The course's rules and the person's record do not change with the seats, so they are read
     * before the session row is locked: the lock every enrolment of the session queues on is then
     * held for the seat work only. Runs in the caller's transaction.
     */
    private Uni<Enrolled> enrolUnderLock(Caller caller, UUID sessionId, UUID personId, String idempotencyKey) {
        return courseOf(sessionId)
                .call(() -> mayEnrol(caller, personId))
                .chain(this::eligibilityOfCourse)
                .chain(eligibility -> learners.find(personId)
                        .chain(learner -> lockedSession(sessionId).chain(session -> {
                            if (idempotencyKey == null) {
                                return enrolOne(session, eligibility, personId, learner)
                                        .map(view -> new Enrolled(view, false));
                            }
                            String requestHash = IdempotencyKeys.fingerprint(personId.toString());
                            EnrolmentRequests.Key key = new EnrolmentRequests.Key(sessionId, caller.subject(), idempotencyKey);
                            return idempotencyKeys.claim(key, requestHash, OffsetDateTime.now(clock))
                                    .chain(first -> first
                                            ? enrolOne(session, eligibility, personId, learner)
                                            .call(view -> idempotencyKeys.complete(key, 201, json(view)))
                                            .map(view -> new Enrolled(view, false))
                                            : replay(key, requestHash));
                        })));
    }

    private static ProblemException unknownLearner(UUID personId) {
        return new ProblemException(Problem.withErrors(422, "learner-unknown",
                "Learner unknown", "Training does not know person " + personId + " yet",
                List.of(new Problem.FieldError("personId", "no such person known to training"))));
    }

    /**
     * The person must be one training knows (the id names them in the body: 422 otherwise), and
     * the caller them or someone who manages them.
     */
    private Uni<Void> mayEnrol(Caller caller, UUID personId) {
        return access.person(personId).chain(person -> {
            if (person.isEmpty()) {
                return Uni.createFrom().failure(unknownLearner(personId));
            }
            return access.scope(caller).chain(scope ->
                    TrainingAccess.enforce(TrainingAccessPolicy.enrol(scope, person.get())));
        });
    }

    private Uni<UUID> courseOf(UUID sessionId) {
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery(
                                "select course_id::text from training_session where id = ?1")
                        .setParameter(1, sessionId).getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Session", sessionId))
                .map(id -> UUID.fromString(id.toString()));
    }

    /**
     * A secretary enrols every person whose home is the organization and every person affiliated to
     * it (a functional or temporary branch). Each person gets their own outcome; one person's
     * rejection does not stop the others.
     */
    @WithTransaction
    public Uni<BulkEnrolled> enrolOrganization(Caller caller, UUID sessionId, UUID organizationId) {
        return courseOf(sessionId)
                .chain(() -> access.placeOf(organizationId))
                .chain(place -> place == null
                        ? Uni.createFrom().failure(new ProblemException(Problem.withErrors(422, "organization-unknown",
                        "Organization unknown", "Training knows no organization " + organizationId
                                + ". One just created in org-service reaches training within seconds: try again shortly if it is new",
                        List.of(new Problem.FieldError("organizationId", "no such organization known to training")))))
                        : access.scope(caller).chain(scope ->
                        TrainingAccess.enforce(TrainingAccessPolicy.bulkEnrol(scope, place))))
                .chain(() -> lockedSession(sessionId)).chain(session -> eligibilityOf(session)
                .chain(eligibility -> Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                                        MEMBERS_AND_AFFILIATES, Object[].class)
                                .setParameter(1, organizationId).getResultList())
                        .chain(people -> {
                            List<EnrolmentOutcome> outcomes = new ArrayList<>();
                            Map<UUID, Admission> memberOf = new HashMap<>();
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (Object[] person : people) {
                                UUID personId = UUID.fromString((String) person[0]);
                                if (memberOf.putIfAbsent(personId, Admission.valueOf((String) person[1])) != null) {
                                    continue;
                                }
                                chain = chain.chain(() -> attempt(session, eligibility, personId)
                                        .invoke(outcomes::add).replaceWithVoid());
                            }
                            return chain.map(done -> new BulkEnrolled(organizationId, outcomes, memberOf));
                        })));
    }

    private Uni<Enrolled> replay(EnrolmentRequests.Key key, String requestHash) {
        return idempotencyKeys.find(key).map(stored -> {
            if (!stored.requestHash().equals(requestHash)) {
                throw IdempotencyKeys.reused();
            }
            try {
                return new Enrolled(mapper.readValue(stored.responseBody(), EnrolmentView.class), true);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored answer cannot be read for key " + key.key(), e);
            }
        });
    }

    private Uni<EnrolmentView> enrolOne(SessionEntity session, Eligibility eligibility, UUID personId,
                                        Optional<Learner> learner) {
        return attempt(session, eligibility, personId, learner).map(outcome -> {
            if (outcome instanceof EnrolmentOutcome.Refused refused) {
                throw Rejections.problem(refused.rejection());
            }
            return ((EnrolmentOutcome.Placed) outcome).enrolment();
        });
    }

    private Uni<EnrolmentOutcome> attempt(SessionEntity session, Eligibility eligibility, UUID personId) {
        return learners.find(personId).chain(learner -> attempt(session, eligibility, personId, learner));
    }

    /** Asks the rules, then competes for a seat; call with the session locked. */
    private Uni<EnrolmentOutcome> attempt(SessionEntity session, Eligibility eligibility, UUID personId,
                                          Optional<Learner> learner) {
        if (learner.isEmpty()) {
            return Uni.createFrom().item(new EnrolmentOutcome.Refused(personId, new Rejection("learner-unknown",
                    "Training does not know person " + personId + " yet")));
        }
        return hasActiveEnrolment(session.id, personId).chain(already -> {
            Optional<Rejection> broken = EnrolmentRules.check(new EnrolmentRules.Request(
                    clock.instant(), session.enrolmentOpensAt.toInstant(), session.enrolmentClosesAt.toInstant(),
                    session.status != SessionEntity.Status.CANCELLED, already, session.quota(), learner.get(),
                    eligibility, session.venueStage()));
            if (broken.isPresent()) {
                return Uni.createFrom().item(new EnrolmentOutcome.Refused(personId, broken.get()));
            }
            return place(session, learner.get()).map(EnrolmentOutcome.Placed::new);
        });
    }

    private Uni<SessionEntity> lockedSession(UUID sessionId) {
        return seats.lock(sessionId).onItem().ifNull().failWith(() -> ProblemException.notFound("Session", sessionId));
    }

    private Uni<Eligibility> eligibilityOf(SessionEntity session) {
        return eligibilityOfCourse(session.courseId);
    }

    private Uni<Eligibility> eligibilityOfCourse(UUID courseId) {
        return CourseEntity.<CourseEntity>findById(courseId)
                .chain(course -> eligibilityRows.load(course.id, course.kind));
    }

    private String json(EnrolmentView view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<EnrolmentView> place(SessionEntity session, Learner learner) {
        UUID group = session.quota().groupOf(learner.homeOrganizationId(), learner.memberUnitId()).orElse(null);
        return seats.nextPosition(session.id)
                .chain(position -> seats.claim(session.id, group, session.seatsPerGroup)
                        .chain(seated -> {
                            EnrolmentEntity e = new EnrolmentEntity();
                            e.id = UUID.randomUUID();
                            e.sessionId = session.id;
                            e.personId = learner.personId();
                            e.quotaGroupId = group;
                            e.status = seated ? EnrolmentStatus.CONFIRMED : EnrolmentStatus.WAITLISTED;
                            e.position = position;
                            e.enrolledAt = OffsetDateTime.now(clock);
                            return e.<EnrolmentEntity>persistAndFlush()
                                    .onFailure(EnrolmentService::isAlreadyEnrolled).transform(f -> Rejections.problem(
                                            new Rejection("already-enrolled", "This person is already enrolled in the session")))
                                    .chain(() -> record(seated ? TrainingEvents.ENROLMENT_CONFIRMED
                                            : TrainingEvents.ENROLMENT_WAITLISTED, e, null))
                                    .chain(() -> view(e));
                        }));
    }

    /**
     * A learner cancels their own enrolment until the deadline; a manager in scope (of the
     * person's home, or the session's organizers) at any time. A freed seat goes to the waitlist.
     */
    @WithTransaction
    public Uni<EnrolmentView> cancel(Caller caller, UUID enrolmentId, String reason) {
        return cancellingAs(caller, enrolmentId)
                .chain(by -> lockedEnrolment(enrolmentId).chain(locked -> {
                    Cancellation.Canceller canceller = new Cancellation.Canceller(by, caller.subject());
                    Optional<Rejection> broken = Cancellation.check(locked.enrolment.status, by,
                            locked.session.cancellationDeadline.toInstant(), clock);
                    if (broken.isPresent()) {
                        return Uni.createFrom().failure(Rejections.problem(broken.get()));
                    }
                    String why = reason == null || reason.isBlank()
                            ? "cancelled by the " + by.name().toLowerCase() : reason.strip();
                    return cancelLocked(locked.session, locked.enrolment, why, canceller)
                            .chain(() -> view(locked.enrolment));
                }));
    }

    /** As whom the caller cancels this enrolment (learner or manager); a 403 when they may not. */
    private Uni<Cancellation.By> cancellingAs(Caller caller, UUID enrolmentId) {
        return enrolmentParties(enrolmentId).chain(parties -> access.scope(caller).chain(scope ->
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
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                        "select e.id::text, e.session_id::text from enrolment e join training_session s on s.id = e.session_id "
                                + "where e.person_id = ?1 and e.status in ('CONFIRMED', 'WAITLISTED', 'OFFERED') "
                                + "and s.starts_at > ?2 order by e.session_id, e.id")
                .setParameter(1, personId).setParameter(2, OffsetDateTime.now(clock)).getResultList())
                .chain(rows -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Object[] row : rows) {
                        UUID enrolmentId = UUID.fromString((String) row[0]);
                        UUID sessionId = UUID.fromString((String) row[1]);
                        chain = chain.chain(done -> seats.lock(sessionId)
                                .chain(session -> EnrolmentEntity.<EnrolmentEntity>findById(enrolmentId)
                                        .chain(e -> Cancellation.check(e.status, Cancellation.By.SYSTEM,
                                                session.cancellationDeadline.toInstant(), clock).isPresent()
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
                                        : eligibilityOf(session).chain(eligibility -> learners.find(personId)
                                        .chain(learner -> {
                                            Optional<Rejection> broken = learner.isEmpty()
                                                    ? Optional.of(new Rejection("learner-unknown", "no longer a learner"))
                                                    : eligibility.check(learner.get());
                                            if (broken.isEmpty()) {
                                                return Uni.createFrom().item(done);
                                            }
                                            String reason = why + "; no longer eligible (" + broken.get().code()
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

    private Uni<Void> cancelLocked(SessionEntity session, EnrolmentEntity e, String reason,
                                   Cancellation.Canceller canceller) {
        boolean freesASeat = Cancellation.freesASeat(e.status);
        markCancelled(e, reason, canceller);
        return flush()
                .chain(() -> recordCancelled(e))
                .chain(() -> freesASeat ? seats.release(session.id, e.quotaGroupId) : Uni.createFrom().voidItem())
                .chain(() -> offerFreedSeats(session));
    }

    /**
     * An organizer cancels a session before it starts: every active enrolment is cancelled with the
     * reason, all seats are released (nobody is promoted into a cancelled session).
     */
    @WithTransaction
    public Uni<Integer> cancelSession(Caller caller, UUID sessionId, String reason) {
        Cancellation.Canceller canceller = new Cancellation.Canceller(Cancellation.By.ORGANIZER, caller.subject());
        return access.requireOrganizerOfSession(caller, sessionId).chain(() -> lockedSession(sessionId)).chain(session -> {
            Optional<Rejection> broken = SessionClosure.mayCancel(session.status != SessionEntity.Status.CANCELLED,
                    session.startsAt.toInstant(), clock);
            if (broken.isPresent()) {
                return Uni.createFrom().failure(Rejections.problem(broken.get()));
            }
            String why = reason == null || reason.isBlank() ? "the session was cancelled" : reason.strip();
            return close(session, why, canceller, VenueSaga.releaseOnCancel(session.venueStage()));
        }).invoke(() -> rulesCache.forget(sessionId));
    }

    /**
     * The organization that provides a course was dissolved (org.organization.v1): nobody will hold
     * its sessions that have not started. Each is cancelled as an organizer would cancel it, by
     * {@code SYSTEM} with the reason: every enrolment ends and its person sees why in the member
     * view, and a room requested or confirmed at a station is released. Runs in the caller's
     * transaction (the one that applies the org event); returns how many sessions were cancelled.
     */
    public Uni<Integer> cancelFutureSessionsOfProvider(UUID organizationId, String why) {
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery("""
                                select ts.id::text from training_session ts join course c on c.id = ts.course_id
                                where c.provider_kind = 'ORGANIZATION' and c.provider_id = ?1
                                  and ts.status = 'SCHEDULED' and ts.starts_at > ?2
                                order by ts.starts_at, ts.id""")
                        .setParameter(1, organizationId).setParameter(2, OffsetDateTime.now(clock)).getResultList())
                .chain(ids -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Object id : ids) {
                        UUID sessionId = UUID.fromString(id.toString());
                        chain = chain.chain(done -> seats.lock(sessionId).chain(session ->
                                SessionClosure.mayCancel(session.status != SessionEntity.Status.CANCELLED,
                                        session.startsAt.toInstant(), clock).isPresent()
                                        ? Uni.createFrom().item(done)
                                        : close(session, why, Cancellation.Canceller.SYSTEM_CANCELLER,
                                        VenueSaga.releaseOnCancel(session.venueStage())).replaceWith(done + 1)));
                    }
                    return chain;
                });
    }

    /**
     * The station cancelled the room it had confirmed for the session (VenueCancelled). No session
     * can be moved to another room, so one without its room cannot take place: it is cancelled for
     * everyone enrolled, each enrolment by {@code SYSTEM} with the station's reason, as an
     * organizer's cancellation would, so that each person sees at once that it will not happen and
     * their seat, hold or place on the waitlist ends instead of waiting for a lesson without a room.
     * The room is already gone: nothing is released. A session already under way is left as it is.
     * Runs in the caller's transaction, on the session row it locked.
     */
    public Uni<Integer> cancelForLostRoom(SessionEntity session, String reason) {
        if (!session.startsAt.toInstant().isAfter(clock.instant())) {
            return Uni.createFrom().item(0);
        }
        return close(session, reason, Cancellation.Canceller.SYSTEM_CANCELLER, false);
    }

    private Uni<Integer> close(SessionEntity session, String why, Cancellation.Canceller canceller, boolean releaseRoom) {
        UUID sessionId = session.id;
        session.status = SessionEntity.Status.CANCELLED;
        return EnrolmentEntity.<EnrolmentEntity>list("sessionId = ?1 and status in ?2 order by position", sessionId,
                        List.of(EnrolmentStatus.CONFIRMED, EnrolmentStatus.WAITLISTED, EnrolmentStatus.OFFERED))
                .chain(active -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (EnrolmentEntity e : active) {
                        chain = chain.chain(() -> {
                            boolean freesASeat = e.status.holdsASeat();
                            markCancelled(e, why, canceller);
                            return flush().chain(() -> recordCancelled(e))
                                    .chain(() -> freesASeat ? seats.release(sessionId, e.quotaGroupId)
                                            : Uni.createFrom().voidItem());
                        });
                    }
                    var payload = new TrainingEvents.SessionCancelled(session.id, session.courseId,
                            session.stationRoomId, why, active.size());
                    return chain.chain(() -> flush())
                            .chain(() -> outbox.record(TrainingEvents.TOPIC_SESSION, outbox.envelope(
                                    TrainingEvents.SESSION_CANCELLED, TrainingEvents.VERSION, session.id.toString(),
                                    null, payload)))
                            .chain(() -> releaseRoom ? outbox.record(VenueEvents.TOPIC_REQUESTS, outbox.envelope(
                                    VenueEvents.RELEASED, VenueEvents.VERSION, session.id.toString(), null,
                                    new VenueEvents.VenueReleased(session.venueRequestId, session.id,
                                            session.stationRoomId, why))) : Uni.createFrom().voidItem())
                            .replaceWith(active.size());
                });
    }

    /** After the session: confirmed people who were not checked in are recorded as no-shows. */
    @WithTransaction
    public Uni<Integer> recordNoShows(Caller caller, UUID sessionId) {
        return access.requireOrganizerOfSession(caller, sessionId).chain(() -> lockedSession(sessionId)).chain(session -> {
            Optional<Rejection> broken = SessionClosure.mayRecordNoShows(session.status == SessionEntity.Status.SCHEDULED,
                    session.endsAt.toInstant(), clock);
            if (broken.isPresent()) {
                return Uni.createFrom().failure(Rejections.problem(broken.get()));
            }
            return EnrolmentEntity.<EnrolmentEntity>list("sessionId = ?1 and status = ?2 order by position", sessionId,
                            EnrolmentStatus.CONFIRMED)
                    .chain(absent -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (EnrolmentEntity e : absent) {
                            chain = chain.chain(() -> {
                                e.status = EnrolmentStatus.NO_SHOW;
                                e.closedAt = OffsetDateTime.now(clock);
                                return flush().chain(() -> record(TrainingEvents.NO_SHOW_RECORDED, e, null));
                            });
                        }
                        return chain.replaceWith(absent.size());
                    });
        });
    }

    /** The person offered a freed seat takes it, while the hold lasts; nobody takes it for them. */
    @WithTransaction
    public Uni<EnrolmentView> accept(Caller caller, UUID enrolmentId) {
        return enrolmentParties(enrolmentId)
                .chain(parties -> access.scope(caller).chain(scope ->
                        TrainingAccess.enforce(TrainingAccessPolicy.acceptHeldSeat(scope, parties.personId()))))
                .chain(() -> lockedEnrolment(enrolmentId)).chain(locked -> {
            EnrolmentEntity e = locked.enrolment;
            if (e.status != EnrolmentStatus.OFFERED) {
                return Uni.createFrom().failure(Rejections.problem(new Rejection("offer-not-open",
                        "There is no seat on offer for this enrolment; it is " + e.status)));
            }
            Optional<Rejection> expired = new Hold(e.offeredAt.toInstant(), e.offerExpiresAt.toInstant()).accept(clock);
            if (expired.isPresent()) {
                return Uni.createFrom().failure(Rejections.problem(expired.get()));
            }
            e.status = EnrolmentStatus.CONFIRMED;
            return flush()
                    .chain(() -> record(TrainingEvents.ENROLMENT_PROMOTED, e, null))
                    .chain(() -> view(e));
        });
    }

    /** Ends every hold that has run out and offers those seats to the next in line; returns how many ended. */
    @WithTransaction
    public Uni<Integer> expireDueHolds() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Only ids first: the rows are read again after their session is locked.
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery(
                        "select distinct session_id::text from enrolment where status = 'OFFERED' and offer_expires_at <= ?1 "
                                + "order by 1")
                .setParameter(1, now).getResultList())
                .chain(ids -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Object id : ids) {
                        UUID sessionId = UUID.fromString(id.toString());
                        chain = chain.chain(total -> expireIn(sessionId, now).map(n -> total + n));
                    }
                    return chain;
                });
    }

    private Uni<Integer> expireIn(UUID sessionId, OffsetDateTime now) {
        return seats.lock(sessionId).chain(session -> EnrolmentEntity.<EnrolmentEntity>list(
                        "sessionId = ?1 and status = ?2 and offerExpiresAt <= ?3 order by position",
                        sessionId, EnrolmentStatus.OFFERED, now)
                .chain(due -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (EnrolmentEntity e : due) {
                        chain = chain.chain(() -> {
                            e.status = EnrolmentStatus.EXPIRED;
                            e.closedAt = now;
                            e.closeReason = "the held seat was not taken in time";
                            return flush()
                                    .chain(() -> record(TrainingEvents.SEAT_OFFER_EXPIRED, e, e.closeReason))
                                    .chain(() -> seats.release(sessionId, e.quotaGroupId));
                        });
                    }
                    return chain.chain(() -> offerFreedSeats(session)).replaceWith(due.size());
                }));
    }

    /** The person, whoever reads or manages the training of the members at their home, or the session's organizers. */
    @WithSession
    public Uni<EnrolmentView> get(Caller caller, UUID enrolmentId) {
        return EnrolmentEntity.<EnrolmentEntity>findById(enrolmentId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Enrolment", enrolmentId))
                .call(e -> access.scope(caller).chain(scope -> access.personOrStranger(e.personId)
                        .chain(person -> access.providerOfSession(e.sessionId).chain(provider -> TrainingAccess.enforce(
                                TrainingAccessPolicy.readEnrolment(scope, person, provider))))))
                .chain(this::view);
    }

    /**
     * All enrolments of a session in arrival order, with each waiting person's place in line: for its
     * organizers. Each person is marked HOME or AFFILIATE for {@code organizationId} when given
     * (e.g. the temporary branch a secretary enrolled), else for the organizations the course is for.
     */
    @WithSession
    public Uni<List<EnrolmentView>> listForSession(Caller caller, UUID sessionId, UUID organizationId) {
        return access.requireOrganizerOfSession(caller, sessionId)
                .chain(s -> EnrolmentEntity.<EnrolmentEntity>list("sessionId = ?1 order by position", sessionId))
                .chain(rows -> memberOf(sessionId, organizationId).map(memberOf -> {
                    List<Waitlist.Entry> waiting = rows.stream().filter(e -> e.status == EnrolmentStatus.WAITLISTED)
                            .map(EnrolmentService::entry).toList();
                    List<EnrolmentView> views = new ArrayList<>();
                    for (EnrolmentEntity e : rows) {
                        views.add(EnrolmentView.of(e, Waitlist.placeOf(waiting, e.id).orElse(null))
                                .memberOf(memberOf.get(e.personId)));
                    }
                    return views;
                }));
    }

    private Uni<Map<UUID, Admission>> memberOf(UUID sessionId, UUID organizationId) {
        String sql = MEMBER_OF.formatted(organizationId == null ? COURSE_ROOTS : GIVEN_ROOT);
        return Panache.getSession().chain(s -> {
                    var query = s.<Object[]>createNativeQuery(sql, Object[].class).setParameter(1, sessionId);
                    return (organizationId == null ? query : query.setParameter(2, organizationId)).getResultList();
                })
                .map(rows -> {
                    Map<UUID, Admission> marks = new HashMap<>();
                    for (Object[] row : rows) {
                        if (row[1] != null) {
                            marks.put(UUID.fromString((String) row[0]), Admission.valueOf((String) row[1]));
                        }
                    }
                    return marks;
                });
    }

    /** Offers free seats to the people waiting longest whose quota group still has room. */
    private Uni<Void> offerFreedSeats(SessionEntity session) {
        return seats.free(session.id).chain(free -> {
            if (free <= 0) {
                return Uni.createFrom().voidItem();
            }
            return EnrolmentEntity.<EnrolmentEntity>list("sessionId = ?1 and status = ?2 order by position",
                            session.id, EnrolmentStatus.WAITLISTED)
                    .chain(waiting -> seats.takenByGroup(session.id)
                            .chain(taken -> offerNext(session, new ArrayList<>(waiting), new HashMap<>(taken), free)));
        });
    }

    private Uni<Void> offerNext(SessionEntity session, List<EnrolmentEntity> waiting, Map<UUID, Integer> taken, int free) {
        if (free == 0) {
            return Uni.createFrom().voidItem();
        }
        Optional<Waitlist.Entry> next = Waitlist.next(waiting.stream().map(EnrolmentService::entry).toList(),
                group -> group.isEmpty() || taken.getOrDefault(group.get(), 0) < session.seatsPerGroup);
        if (next.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        EnrolmentEntity e = waiting.stream().filter(w -> w.id.equals(next.get().enrolmentId())).findFirst().orElseThrow();
        return seats.claim(session.id, e.quotaGroupId, session.seatsPerGroup).chain(seated -> {
            if (!seated) {
                return Uni.createFrom().voidItem();
            }
            Hold hold = Hold.offer(clock, session.holdWindow());
            e.status = EnrolmentStatus.OFFERED;
            e.offeredAt = hold.offeredAt().atOffset(java.time.ZoneOffset.UTC);
            e.offerExpiresAt = hold.expiresAt().atOffset(java.time.ZoneOffset.UTC);
            waiting.remove(e);
            if (e.quotaGroupId != null) {
                taken.merge(e.quotaGroupId, 1, Integer::sum);
            }
            return flush()
                    .chain(() -> record(TrainingEvents.SEAT_OFFERED, e, null))
                    .chain(() -> offerNext(session, waiting, taken, free - 1));
        });
    }

    private record Locked(SessionEntity session, EnrolmentEntity enrolment) {
    }

    /** Whose enrolment it is and in which session, read without loading the entity (it is read again under the lock). */
    private record Parties(UUID personId, UUID sessionId) {
    }

    private Uni<Parties> enrolmentParties(UUID enrolmentId) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                                "select person_id::text, session_id::text from enrolment where id = ?1", Object[].class)
                        .setParameter(1, enrolmentId).getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Enrolment", enrolmentId))
                .map(row -> new Parties(UUID.fromString((String) row[0]), UUID.fromString((String) row[1])));
    }

    /**
     * Locks the enrolment's session, then reads the enrolment under that lock. Only the session id
     * is read before the lock, so the entity is never a stale copy.
     */
    private Uni<Locked> lockedEnrolment(UUID enrolmentId) {
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery(
                                "select session_id::text from enrolment where id = ?1")
                        .setParameter(1, enrolmentId).getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Enrolment", enrolmentId))
                .chain(sessionId -> seats.lock(UUID.fromString(sessionId.toString())))
                .chain(session -> EnrolmentEntity.<EnrolmentEntity>findById(enrolmentId)
                        .map(e -> new Locked(session, e)));
    }

    private Uni<Boolean> hasActiveEnrolment(UUID sessionId, UUID personId) {
        return EnrolmentEntity.count("sessionId = ?1 and personId = ?2 and status in ?3",
                sessionId, personId, List.copyOf(EnrolmentStatus.ACTIVE)).map(n -> n > 0);
    }

    private Uni<EnrolmentView> view(EnrolmentEntity e) {
        if (e.status != EnrolmentStatus.WAITLISTED) {
            return Uni.createFrom().item(EnrolmentView.of(e, null));
        }
        return EnrolmentEntity.count("sessionId = ?1 and status = ?2 and position <= ?3",
                        e.sessionId, EnrolmentStatus.WAITLISTED, e.position)
                .map(place -> EnrolmentView.of(e, place.intValue()));
    }

    private Uni<Void> record(String type, EnrolmentEntity e, String reason) {
        var payload = new TrainingEvents.EnrolmentChanged(e.id, e.sessionId, e.personId, e.status.name(), e.position,
                e.offerExpiresAt, reason);
        return outbox.record(TrainingEvents.TOPIC_ENROLMENT,
                outbox.envelope(type, TrainingEvents.VERSION, e.sessionId.toString(), null, payload));
    }

    private void markCancelled(EnrolmentEntity e, String reason, Cancellation.Canceller canceller) {
        e.status = EnrolmentStatus.CANCELLED;
        e.closedAt = OffsetDateTime.now(clock);
        e.closeReason = reason;
        e.cancelledBy = canceller.by();
        e.cancelledBySubject = canceller.subject();
    }

    private Uni<Void> recordCancelled(EnrolmentEntity e) {
        var payload = new TrainingEvents.EnrolmentCancelled(e.id, e.sessionId, e.personId, e.status.name(), e.position,
                e.offerExpiresAt, e.closeReason, e.cancelledBy.name(), e.cancelledBySubject);
        return outbox.record(TrainingEvents.TOPIC_ENROLMENT, outbox.envelope(TrainingEvents.ENROLMENT_CANCELLED,
                TrainingEvents.VERSION, e.sessionId.toString(), null, payload));
    }

    /**
     * The unique index is the backstop behind the check under the session lock. Only it means
     * "already enrolled": the capacity and quota checks flushed with the same row are other rules.
     */
    static boolean isAlreadyEnrolled(Throwable failure) {
        return DatabaseFailures.violates(failure, DatabaseFailures.UNIQUE_VIOLATION, ONE_ACTIVE_PER_PERSON);
    }

    private static Uni<Void> flush() {
        return Panache.getSession().chain(s -> s.flush());
    }

    private static Waitlist.Entry entry(EnrolmentEntity e) {
        return new Waitlist.Entry(e.id, e.position, Optional.ofNullable(e.quotaGroupId));
    }
}
