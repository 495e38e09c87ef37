package sh.grassroots.training.course.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.platform.web.ETags;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.access.application.TrainingAccess;
import sh.grassroots.training.access.model.TrainingAccessPolicy;
import sh.grassroots.training.common.application.Rejections;
import sh.grassroots.training.common.model.Rejection;
import sh.grassroots.training.course.model.ProviderKind;
import sh.grassroots.training.course.model.SessionPlan;
import sh.grassroots.training.course.model.VenueKind;
import sh.grassroots.training.course.persistence.CourseEntity;
import sh.grassroots.training.course.persistence.EligibilityRows;
import sh.grassroots.training.course.persistence.SessionEntity;
import sh.grassroots.events.EventEnvelope;
import sh.grassroots.events.TrainingEvents;
import sh.grassroots.events.VenueEvents;
import sh.grassroots.training.venue.model.VenueSaga;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CourseService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Outbox outbox;
    private final EligibilityRows eligibilityRows;
    private final TrainingAccess access;
    private final Clock clock;

    public CourseService(Outbox outbox, EligibilityRows eligibilityRows, TrainingAccess access, Clock clock) {
        this.outbox = outbox;
        this.eligibilityRows = eligibilityRows;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The provider's organizers create its courses. A provider training does not know is the
     * request's mistake, or the projection has not caught up with org-service yet: 422 naming the
     * field either way.
     */
    @WithTransaction
    public Uni<CourseView> create(Caller caller, CreateCourse command) {
        return access.scope(caller)
                .chain(scope -> access.provider(command.providerKind(), command.providerId()).chain(provider -> {
                    if (provider instanceof TrainingAccessPolicy.UnknownProvider) {
                        return Uni.createFrom().failure(unknownProvider(command));
                    }
                    return TrainingAccess.enforce(TrainingAccessPolicy.organizers(scope, provider));
                }))
                .chain(() -> createAllowed(command));
    }

    private static ProblemException unknownProvider(CreateCourse command) {
        String what = command.providerKind() == ProviderKind.JOINT_CONFERENCE
                ? "joint conference" : "organization";
        return new ProblemException(Problem.withErrors(422, "provider-unknown", "Provider unknown",
                "Training knows no " + what + " " + command.providerId() + ". One just created in org-service "
                        + "reaches training within seconds: try again shortly if it is new",
                List.of(new Problem.FieldError("providerId", "no such " + what + " known to training"))));
    }

    private Uni<CourseView> createAllowed(CreateCourse command) {
        if (command.creditHours().signum() < 0 || command.creditHours().scale() > 1
                || command.creditHours().compareTo(BigDecimal.valueOf(999)) > 0) {
            return Uni.createFrom().failure(Rejections.problem(new Rejection("credit-hours-invalid",
                    "Credit hours are between 0 and 999, in steps of 0.1")));
        }
        CourseEntity course = new CourseEntity();
        course.id = UUID.randomUUID();
        course.title = command.title().strip();
        course.kind = command.kind();
        course.providerKind = command.providerKind();
        course.providerId = command.providerId();
        course.creditHours = command.creditHours();
        course.description = command.description();
        course.createdAt = OffsetDateTime.now(clock);
        // flushed first: the eligibility rows are written by native SQL, which does not flush the session
        return course.persistAndFlush()
                .chain(() -> eligibilityRows.save(course.id, command.eligibility()))
                .replaceWith(() -> CourseView.of(course, command.eligibility()));
    }

    /** Any person reads a course. */
    @WithSession
    public Uni<CourseView> get(Caller caller, UUID id) {
        return CourseEntity.<CourseEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Course", id))
                .call(() -> access.scope(caller).chain(scope ->
                        TrainingAccess.enforce(TrainingAccessPolicy.readOpenCatalogue(scope))))
                .chain(course -> eligibilityRows.load(course.id, course.kind).map(e -> CourseView.of(course, e)));
    }

    /**
     * The course's organizers correct its title or description (a value left out stays as it is).
     * With {@code expectedVersion} (If-Match) a course corrected meanwhile is 412, not overwritten;
     * two corrections at the same moment lose one to the version check (409 changed-concurrently).
     */
    @WithTransaction
    public Uni<CourseView> correct(Caller caller, UUID id, String title, String description, Long expectedVersion) {
        return CourseEntity.<CourseEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Course", id))
                .call(course -> access.scope(caller).chain(scope -> access.providerOf(course)
                        .chain(provider -> TrainingAccess.enforce(TrainingAccessPolicy.organizers(scope, provider)))))
                .chain(course -> {
                    ETags.requireCurrent(expectedVersion, course.version);
                    if (title != null) {
                        course.title = title.strip();
                    }
                    if (description != null) {
                        course.description = description;
                    }
                    return course.<CourseEntity>persistAndFlush();
                })
                .chain(course -> eligibilityRows.load(course.id, course.kind).map(e -> CourseView.of(course, e)));
    }

    /**
     * The course's organizers schedule its sessions. Saves the session with its event in one
     * transaction; the plan's rules are checked first. At an
     * external address the session is SCHEDULED at once; at a station room it is VENUE_PENDING and
     * the event is a VenueRequested to the station.
     */
    @WithTransaction
    public Uni<SessionView> schedule(Caller caller, ScheduleSession command) {
        return CourseEntity.<CourseEntity>findById(command.courseId())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Course", command.courseId()))
                .call(course -> access.scope(caller).chain(scope -> access.providerOf(course)
                        .chain(provider -> TrainingAccess.enforce(TrainingAccessPolicy.organizers(scope, provider)))))
                .chain(course -> {
                    Optional<Rejection> broken = command.plan().check(clock);
                    if (broken.isPresent()) {
                        return Uni.createFrom().failure(Rejections.problem(broken.get()));
                    }
                    if (command.venueKind() == VenueKind.STATION_ROOM && command.stationRoomId() == null) {
                        return Uni.createFrom().failure(new ProblemException(Problem.withErrors(400, "validation",
                                "Invalid request", "A session at a station room needs the room's id",
                                List.of(new Problem.FieldError("stationRoomId", "required for venueKind STATION_ROOM")))));
                    }
                    SessionPlan plan = command.plan();
                    SessionEntity s = new SessionEntity();
                    s.id = UUID.randomUUID();
                    s.courseId = course.id;
                    boolean atStationRoom = command.venueKind() == VenueKind.STATION_ROOM;
                    s.status = VenueSaga.firstStage(atStationRoom) == VenueSaga.Stage.PENDING
                            ? SessionEntity.Status.VENUE_PENDING : SessionEntity.Status.SCHEDULED;
                    s.startsAt = utc(plan.startsAt());
                    s.endsAt = utc(plan.endsAt());
                    s.venueKind = command.venueKind();
                    s.venue = command.venue().strip();
                    s.stationRoomId = command.stationRoomId();
                    s.capacity = plan.capacity();
                    s.enrolmentOpensAt = utc(plan.enrolmentOpensAt());
                    s.enrolmentClosesAt = utc(plan.enrolmentClosesAt());
                    s.cancellationDeadline = utc(plan.cancellationDeadline());
                    s.quotaBy = plan.quota().by();
                    s.seatsPerGroup = plan.quota().seatsPerGroup();
                    s.holdMinutes = (int) plan.holdWindow().toMinutes();
                    s.checkInSecret = new byte[32];
                    RANDOM.nextBytes(s.checkInSecret);
                    s.createdAt = OffsetDateTime.now(clock);
                    if (atStationRoom) {
                        s.venueRequestId = UUID.randomUUID();
                        // SessionScheduled waits for the station's confirmation (see VenueReplies)
                        return s.persist()
                                .chain(() -> outbox.record(VenueEvents.TOPIC_REQUESTS,
                                        outbox.envelope(VenueEvents.REQUESTED, VenueEvents.VERSION, s.id.toString(), null,
                                                venueRequested(s, course))))
                                .replaceWith(() -> SessionView.of(s));
                    }
                    return s.persist()
                            .chain(() -> outbox.record(TrainingEvents.TOPIC_SESSION, sessionScheduled(outbox, s, course)))
                            .replaceWith(() -> SessionView.of(s));
                });
    }

    /** The event that tells everyone a session will take place; for a station room, once the room is confirmed. */
    public static EventEnvelope<TrainingEvents.SessionScheduled> sessionScheduled(Outbox outbox, SessionEntity s,
                                                                                 CourseEntity course) {
        var payload = new TrainingEvents.SessionScheduled(s.id, course.id, course.title, course.kind.name(),
                s.startsAt, s.endsAt, s.venueKind.name(), s.venue, s.stationRoomId, s.capacity);
        return outbox.envelope(TrainingEvents.SESSION_SCHEDULED, TrainingEvents.VERSION, s.id.toString(), null, payload);
    }

    private static VenueEvents.VenueRequested venueRequested(SessionEntity s, CourseEntity course) {
        return new VenueEvents.VenueRequested(s.venueRequestId, s.id, s.stationRoomId, s.startsAt, s.endsAt, s.capacity,
                course.title + " (" + course.kind.name() + ")", course.providerId);
    }

    /** Any person reads a session. */
    /** A session an organization provides, as its calendar shows it. */
    public record ProvidedSession(UUID sessionId, String title, String venue, OffsetDateTime startsAt,
                                  OffsetDateTime endsAt, boolean venuePending) {
    }

    /**
     * The sessions of the courses {@code organizationId} provides that have not ended and still
     * take place (the room maybe not yet confirmed), in the caller's session, for whoever already
     * decided that the organization's calendar may be read (a feed's token).
     */
    public Uni<List<ProvidedSession>> providedBy(UUID organizationId) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.createSelectionQuery("""
                        select s, c from SessionEntity s, CourseEntity c
                        where c.id = s.courseId and c.providerKind = ?1 and c.providerId = ?2 and s.endsAt > ?3
                          and s.status in ?4
                        order by s.startsAt, s.id""", Object[].class)
                        .setParameter(1, ProviderKind.ORGANIZATION)
                        .setParameter(2, organizationId)
                        .setParameter(3, OffsetDateTime.now(clock))
                        .setParameter(4, List.of(SessionEntity.Status.SCHEDULED, SessionEntity.Status.VENUE_PENDING))
                        .setMaxResults(1000)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> {
                    SessionEntity session = (SessionEntity) row[0];
                    CourseEntity course = (CourseEntity) row[1];
                    return new ProvidedSession(session.id, course.title, session.venue, session.startsAt, session.endsAt,
                            session.status == SessionEntity.Status.VENUE_PENDING);
                }).toList());
    }

    @WithSession
    public Uni<SessionView> getSession(Caller caller, UUID id) {
        return SessionEntity.<SessionEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Session", id))
                .call(() -> access.scope(caller).chain(scope ->
                        TrainingAccess.enforce(TrainingAccessPolicy.readOpenCatalogue(scope))))
                .map(SessionView::of);
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
