package sh.grassroots.training.enrolment.application;

import sh.grassroots.training.enrolment.model.EnrolmentRule;
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
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.access.application.TrainingAccess;
import sh.grassroots.training.access.model.TrainingAccessPolicy;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.training.enrolment.model.Admission;
import sh.grassroots.training.session.model.Eligibility;
import sh.grassroots.training.enrolment.model.EnrolmentRules;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;
import sh.grassroots.training.enrolment.model.Learner;
import sh.grassroots.training.session.model.SessionRules;
import sh.grassroots.training.enrolment.persistence.EnrolStatement;
import sh.grassroots.training.session.application.LockedSession;
import sh.grassroots.training.session.application.SessionRulesCache;
import sh.grassroots.training.session.application.SessionSeats;
import sh.grassroots.training.enrolment.persistence.EnrolmentEntity;
import sh.grassroots.training.enrolment.persistence.EnrolmentRequests;
import sh.grassroots.training.enrolment.persistence.LearnerDirectory;
import sh.grassroots.events.TrainingEvents;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A person enrols in a session, or a secretary enrols a whole organization. Every enrolment that
 * takes a seat under the session's lock locks the session row first (see {@link SessionSeats#lock}),
 * so within a session they run one after the other in arrival order; sessions do not block each other.
 */
@ApplicationScoped
public class Enrol {
    private static final String ONE_ACTIVE_PER_PERSON = "enrolment_one_active_per_person";
    private final SessionSeats seats;
    private final SessionRulesCache rulesCache;
    private final EnrolStatement enrolStatement;
    private final LearnerDirectory learners;
    private final EnrolmentRecords records;
    private final EnrolmentRequests idempotencyKeys;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final TrainingAccess access;
    private final Clock clock;

    public Enrol(SessionSeats seats, SessionRulesCache rulesCache, EnrolStatement enrolStatement,
                 LearnerDirectory learners, EnrolmentRecords records, EnrolmentRequests idempotencyKeys, Outbox outbox,
                 ObjectMapper mapper, TrainingAccess access, Clock clock) {
        this.rulesCache = rulesCache;
        this.enrolStatement = enrolStatement;
        this.access = access;
        this.seats = seats;
        this.learners = learners;
        this.records = records;
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
                            return Uni.createFrom().failure(Rejections.exception(new Rejection(EnrolmentRule.LEARNER_UNKNOWN,
                                    "Training does not know person " + personId + " yet")));
                        }
                        Optional<Rejection> broken = rules.check(clock.instant(), facts.learner().get(),
                                facts.alreadyEnrolled());
                        if (broken.isPresent()) {
                            // a refusal from the copy is checked too: the rule may have opened since
                            return rulesCache.isCurrent(rules).chain(current -> current || !mayRetry
                                    ? Uni.createFrom().failure(Rejections.exception(broken.get()))
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
                                        return Uni.createFrom().failure(Rejections.exception(new Rejection(EnrolmentRule.ALREADY_ENROLLED, "This person is already enrolled in the session")));
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
     * The course's rules and the person's record do not change with the seats, so they are read
     * before the session row is locked: the lock every enrolment of the session queues on is then
     * held for the seat work only. Runs in the caller's transaction.
     */
    private Uni<Enrolled> enrolUnderLock(Caller caller, UUID sessionId, UUID personId, String idempotencyKey) {
        return seats.courseOf(sessionId)
                .call(() -> mayEnrol(caller, personId))
                .chain(seats::eligibilityOfCourse)
                .chain(eligibility -> learners.find(personId)
                        .chain(learner -> seats.lockKnown(sessionId).chain(session -> {
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
        return Rejections.exception(new Rejection(EnrolmentRule.LEARNER_UNKNOWN,
                "Training does not know person " + personId + " yet"), "personId", "no such person known to training");
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

    /**
     * A secretary enrols every person whose home is the organization and every person affiliated to
     * it (a functional or temporary branch). Each person gets their own outcome; one person's
     * rejection does not stop the others.
     */
    @WithTransaction
    public Uni<BulkEnrolled> enrolOrganization(Caller caller, UUID sessionId, UUID organizationId) {
        return seats.courseOf(sessionId)
                .chain(() -> access.placeOf(organizationId))
                .chain(place -> place == null
                        ? Uni.createFrom().failure(Rejections.exception(new Rejection(EnrolmentRule.ORGANIZATION_UNKNOWN,
                        "Training knows no organization " + organizationId
                                + ". One just created in org-service reaches training within seconds: try again shortly if it is new"),
                        "organizationId", "no such organization known to training"))
                        : access.scope(caller).chain(scope ->
                        TrainingAccess.enforce(TrainingAccessPolicy.bulkEnrol(scope, place))))
                .chain(() -> seats.lockKnown(sessionId)).chain(session -> seats.eligibilityOfCourse(session.courseId())
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

    private Uni<EnrolmentView> enrolOne(LockedSession session, Eligibility eligibility, UUID personId,
                                        Optional<Learner> learner) {
        return attempt(session, eligibility, personId, learner).map(outcome -> {
            if (outcome instanceof EnrolmentOutcome.Refused refused) {
                throw Rejections.exception(refused.rejection());
            }
            return ((EnrolmentOutcome.Placed) outcome).enrolment();
        });
    }

    private Uni<EnrolmentOutcome> attempt(LockedSession session, Eligibility eligibility, UUID personId) {
        return learners.find(personId).chain(learner -> attempt(session, eligibility, personId, learner));
    }

    /** Asks the rules, then competes for a seat; call with the session locked. */
    private Uni<EnrolmentOutcome> attempt(LockedSession session, Eligibility eligibility, UUID personId,
                                          Optional<Learner> learner) {
        if (learner.isEmpty()) {
            return Uni.createFrom().item(new EnrolmentOutcome.Refused(personId, new Rejection(EnrolmentRule.LEARNER_UNKNOWN,
                    "Training does not know person " + personId + " yet")));
        }
        return records.hasActiveEnrolment(session.id(), personId).chain(already -> {
            Optional<Rejection> broken = EnrolmentRules.check(new EnrolmentRules.Request(
                    clock.instant(), session.enrolmentOpensAt(), session.enrolmentClosesAt(),
                    session.open(), already, session.quota(), learner.get(),
                    eligibility, session.venueStage()));
            if (broken.isPresent()) {
                return Uni.createFrom().item(new EnrolmentOutcome.Refused(personId, broken.get()));
            }
            return place(session, learner.get()).map(EnrolmentOutcome.Placed::new);
        });
    }

    private String json(EnrolmentView view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<EnrolmentView> place(LockedSession session, Learner learner) {
        UUID group = session.quota().groupOf(learner.homeOrganizationId(), learner.memberUnitId()).orElse(null);
        return seats.nextPosition(session.id())
                .chain(position -> seats.claim(session.id(), group, session.seatsPerGroup())
                        .chain(seated -> {
                            EnrolmentEntity e = new EnrolmentEntity();
                            e.id = UUID.randomUUID();
                            e.sessionId = session.id();
                            e.personId = learner.personId();
                            e.quotaGroupId = group;
                            e.status = seated ? EnrolmentStatus.CONFIRMED : EnrolmentStatus.WAITLISTED;
                            e.position = position;
                            e.enrolledAt = OffsetDateTime.now(clock);
                            return e.<EnrolmentEntity>persistAndFlush()
                                    .onFailure(Enrol::isAlreadyEnrolled).transform(f -> Rejections.exception(
                                            new Rejection(EnrolmentRule.ALREADY_ENROLLED, "This person is already enrolled in the session")))
                                    .chain(() -> records.record(seated ? TrainingEvents.ENROLMENT_CONFIRMED
                                            : TrainingEvents.ENROLMENT_WAITLISTED, e, null))
                                    .chain(() -> records.view(e));
                        }));
    }

    /**
     * The unique index is the backstop behind the check under the session lock. Only it means
     * "already enrolled": the capacity and quota checks flushed with the same row are other rules.
     */
    static boolean isAlreadyEnrolled(Throwable failure) {
        return DatabaseFailures.violates(failure, DatabaseFailures.UNIQUE_VIOLATION, ONE_ACTIVE_PER_PERSON);
    }
}
