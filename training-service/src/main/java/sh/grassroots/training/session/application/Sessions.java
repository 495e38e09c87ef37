package sh.grassroots.training.session.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.events.EventEnvelope;
import sh.grassroots.events.TrainingEvents;
import sh.grassroots.events.VenueEvents;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.access.application.TrainingAccess;
import sh.grassroots.training.access.model.TrainingAccessPolicy;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.training.course.application.CourseService;
import sh.grassroots.training.course.application.CourseSummary;
import sh.grassroots.training.course.model.ProviderKind;
import sh.grassroots.training.course.model.VenueKind;
import sh.grassroots.training.session.model.SessionPlan;
import sh.grassroots.training.session.persistence.SessionEntity;
import sh.grassroots.training.venue.model.VenueSaga;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Scheduling a course's sessions, and reading them. */
@ApplicationScoped
public class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final CourseService courses;
    private final Outbox outbox;
    private final TrainingAccess access;
    private final Clock clock;

    public Sessions(CourseService courses, Outbox outbox, TrainingAccess access, Clock clock) {
        this.courses = courses;
        this.outbox = outbox;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The course's organizers schedule its sessions. Saves the session with its event in one
     * transaction; the plan's rules are checked first. At an
     * external address the session is SCHEDULED at once; at a station room it is VENUE_PENDING and
     * the event is a VenueRequested to the station.
     */
    @WithTransaction
    public Uni<SessionView> schedule(Caller caller, ScheduleSession command) {
        return courses.summary(command.courseId())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Course", command.courseId()))
                .call(course -> access.scope(caller).chain(scope -> access.provider(course.providerKind(), course.providerId())
                        .chain(provider -> TrainingAccess.enforce(TrainingAccessPolicy.organizers(scope, provider)))))
                .chain(course -> {
                    Optional<Rejection> broken = command.plan().check(clock);
                    if (broken.isPresent()) {
                        return Uni.createFrom().failure(Rejections.exception(broken.get()));
                    }
                    if (command.venueKind() == VenueKind.STATION_ROOM && command.stationRoomId() == null) {
                        return Uni.createFrom().failure(new ProblemException(Problem.withErrors(400, "validation",
                                "Invalid request", "A session at a station room needs the room's id",
                                List.of(new Problem.FieldError("stationRoomId", "required for venueKind STATION_ROOM")))));
                    }
                    SessionPlan plan = command.plan();
                    SessionEntity s = new SessionEntity();
                    s.id = UUID.randomUUID();
                    s.courseId = course.id();
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
                                                                                 CourseSummary course) {
        var payload = new TrainingEvents.SessionScheduled(s.id, course.id(), course.title(), course.kind().name(),
                s.startsAt, s.endsAt, s.venueKind.name(), s.venue, s.stationRoomId, s.capacity);
        return outbox.envelope(TrainingEvents.SESSION_SCHEDULED, TrainingEvents.VERSION, s.id.toString(), null, payload);
    }

    private static VenueEvents.VenueRequested venueRequested(SessionEntity s, CourseSummary course) {
        return new VenueEvents.VenueRequested(s.venueRequestId, s.id, s.stationRoomId, s.startsAt, s.endsAt, s.capacity,
                course.title() + " (" + course.kind().name() + ")", course.providerId());
    }

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
                        select s, c.title from SessionEntity s, CourseEntity c
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
                    return new ProvidedSession(session.id, (String) row[1], session.venue, session.startsAt, session.endsAt,
                            session.status == SessionEntity.Status.VENUE_PENDING);
                }).toList());
    }

    /** Any person reads a session. */
    @WithSession
    public Uni<SessionView> get(Caller caller, UUID id) {
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
