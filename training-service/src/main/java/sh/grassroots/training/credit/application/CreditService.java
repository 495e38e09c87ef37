package sh.grassroots.training.credit.application;

import sh.grassroots.training.credit.model.CreditRule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.access.application.TrainingAccess;
import sh.grassroots.training.access.model.TrainingAccessPolicy;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.training.course.application.CourseService;
import sh.grassroots.training.credit.model.AnnualRequirement;
import sh.grassroots.training.credit.model.CreditEntry;
import sh.grassroots.training.credit.model.CreditLedger;
import sh.grassroots.training.credit.persistence.CreditEntryEntity;
import sh.grassroots.training.session.application.LockedSession;
import sh.grassroots.training.session.application.SessionCheckInCodes;
import sh.grassroots.training.enrolment.model.Attendance;
import sh.grassroots.training.enrolment.model.CheckInCode;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;
import sh.grassroots.training.enrolment.persistence.EnrolmentEntity;
import sh.grassroots.training.learner.persistence.LearnerEntity;
import sh.grassroots.training.session.application.SessionSeats;
import sh.grassroots.events.TrainingEvents;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Attendance and the credit-hour ledger it feeds. */
@ApplicationScoped
public class CreditService {
    private final SessionSeats seats;
    private final SessionCheckInCodes codes;
    private final CourseService courses;
    private final Outbox outbox;
    private final TrainingAccess access;
    private final Clock clock;
    private final AnnualRequirement requirement = AnnualRequirement.standard();

    public CreditService(SessionSeats seats, SessionCheckInCodes codes, CourseService courses, Outbox outbox,
                         TrainingAccess access, Clock clock) {
        this.codes = codes;
        this.courses = courses;
        this.access = access;
        this.seats = seats;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One of the session's organizers checks a person in: the enrolment becomes ATTENDED and the course's hours are credited. */
    @WithTransaction
    public Uni<CreditView.Entry> recordAttendance(Caller caller, UUID sessionId, UUID personId) {
        return access.requireOrganizerOfSession(caller, sessionId)
                .chain(() -> seats.lockKnown(sessionId)).chain(session -> attend(session, personId));
    }

    /** A learner checks themselves in with the code on the screen; an old or wrong code is refused. */
    @WithTransaction
    public Uni<CreditView.Entry> checkInWithCode(Caller caller, UUID sessionId, UUID personId, String code) {
        return access.providerOfSession(sessionId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Session", sessionId))
                .chain(() -> access.scope(caller))
                .chain(scope -> TrainingAccess.enforce(TrainingAccessPolicy.checkInWithCode(scope, personId)))
                .chain(() -> seats.lockKnown(sessionId)).chain(session -> codes.verify(session.id(), code)
                        .chain(wrong -> wrong.isPresent()
                                ? Uni.createFrom().failure(Rejections.exception(wrong.get()))
                                : attend(session, personId)));
    }

    /** The code to show on the screen in the room right now: for the session's organizers. */
    @WithSession
    public Uni<CheckInCode.Shown> currentCode(Caller caller, UUID sessionId) {
        return access.requireOrganizerOfSession(caller, sessionId)
                .chain(() -> codes.current(sessionId));
    }

    private Uni<CreditView.Entry> attend(LockedSession session, UUID personId) {
        UUID sessionId = session.id();
        return EnrolmentEntity.<EnrolmentEntity>find("sessionId = ?1 and personId = ?2 and status in ?3", sessionId,
                        personId, List.copyOf(EnrolmentStatus.ACTIVE)).firstResult()
                .chain(enrolment -> {
                    Optional<Rejection> broken = Attendance.check(Optional.ofNullable(enrolment).map(e -> e.status),
                            clock.instant(), session.startsAt());
                    if (broken.isPresent()) {
                        return Uni.createFrom().failure(Rejections.exception(broken.get()));
                    }
                    enrolment.status = EnrolmentStatus.ATTENDED;
                    return courses.summary(session.courseId())
                            .chain(course -> ledger(personId).chain(ledger -> save(
                                    ledger.earn(UUID.randomUUID(), sessionId, session.startsAt(),
                                            course.creditHours(), clock),
                                    TrainingEvents.CREDIT_HOURS_AWARDED)))
                            .call(() -> recordAttendanceEvent(enrolment));
                });
    }

    /**
     * Whoever runs training at the person's home takes credit back, with a reason; the original
     * line stays in the ledger.
     */
    @WithTransaction
    public Uni<CreditView.Entry> reverse(Caller caller, UUID entryId, String reason) {
        return CreditEntryEntity.<CreditEntryEntity>findById(entryId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Credit entry", entryId))
                .call(entry -> access.scope(caller).chain(scope -> access.personOrStranger(entry.personId)
                        .chain(person -> creditedBy(entry).chain(session -> TrainingAccess.enforce(
                                TrainingAccessPolicy.reverseCredit(scope, person, session))))))
                .chain(entry -> ledger(entry.personId)
                        .chain(ledger -> save(ledger.reverse(entryId, UUID.randomUUID(), reason, clock),
                                TrainingEvents.CREDIT_HOURS_REVERSED)))
                .onFailure(CreditService::isReversedTwice).transform(f -> Rejections.exception(
                        new Rejection(CreditRule.CREDIT_ALREADY_REVERSED, "This credit has already been reversed")));
    }

    private Uni<Optional<TrainingAccessPolicy.Provider>> creditedBy(CreditEntryEntity entry) {
        if (entry.sessionId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return access.providerOfSession(entry.sessionId).map(Optional::ofNullable);
    }

    /** A person's year: for the person, or READ_TRAINING at their home (404 for someone training never heard of). */
    @WithSession
    public Uni<CreditView.Year> year(Caller caller, UUID personId, int year) {
        return access.readPersonRecords(caller, personId).chain(() -> LearnerEntity.<LearnerEntity>findById(personId))
                .chain(learner -> CreditEntryEntity.<CreditEntryEntity>list("personId = ?1 and studyYear = ?2", personId, year)
                        .map(rows -> {
                            List<CreditEntry> entries = rows.stream().map(CreditEntryEntity::toModel)
                                    .sorted(Comparator.comparing(CreditEntry::recordedAt).thenComparing(CreditEntry::id))
                                    .toList();
                            BigDecimal earned = new CreditLedger(personId, entries).total(year);
                            String kind = learner == null ? "UNKNOWN" : learner.memberStatus.name();
                            AnnualRequirement.Progress p = requirement.progress(kind, earned);
                            return new CreditView.Year(personId, year, p.earned(), p.required(), p.remaining(), p.met(),
                                    entries.stream().map(CreditView.Entry::of).toList());
                        }));
    }

    private Uni<CreditLedger> ledger(UUID personId) {
        return CreditEntryEntity.<CreditEntryEntity>list("personId", personId)
                .map(rows -> new CreditLedger(personId, rows.stream().map(CreditEntryEntity::toModel).toList()));
    }

    private Uni<CreditView.Entry> save(CreditLedger.Outcome outcome, String eventType) {
        if (outcome instanceof CreditLedger.Refused refused) {
            return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
        }
        CreditEntry entry = ((CreditLedger.Recorded) outcome).entry();
        var payload = new TrainingEvents.CreditHoursChanged(entry.id(), entry.personId(), entry.year(), entry.hours(),
                entry.sessionId(), entry.reverses(), entry.reason());
        return CreditEntryEntity.of(entry).persistAndFlush()
                .chain(() -> outbox.record(TrainingEvents.TOPIC_CREDIT, outbox.envelope(eventType, TrainingEvents.VERSION,
                        entry.personId().toString(), null, payload)))
                .replaceWith(() -> CreditView.Entry.of(entry));
    }

    private Uni<Void> recordAttendanceEvent(EnrolmentEntity e) {
        var payload = new TrainingEvents.EnrolmentChanged(e.id, e.sessionId, e.personId, e.status.name(), e.position,
                null, null);
        return Panache.getSession().chain(s -> s.flush())
                .chain(() -> outbox.record(TrainingEvents.TOPIC_ENROLMENT, outbox.envelope(
                        TrainingEvents.ATTENDANCE_RECORDED, TrainingEvents.VERSION, e.sessionId.toString(), null, payload)));
    }

    private static boolean isReversedTwice(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("credit_entry_reversed_once")) {
                return true;
            }
        }
        return false;
    }
}
