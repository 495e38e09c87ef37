package sh.grassroots.training.course.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.ETags;
import sh.grassroots.platform.web.Page;
import sh.grassroots.training.course.application.CourseCatalogue;
import sh.grassroots.training.course.application.CourseService;
import sh.grassroots.training.session.application.Sessions;
import sh.grassroots.training.course.application.CourseView;
import sh.grassroots.training.course.application.CreateCourse;
import sh.grassroots.training.session.application.ScheduleSession;
import sh.grassroots.training.session.application.SessionView;
import sh.grassroots.training.course.model.CourseKind;
import sh.grassroots.training.course.model.ProviderKind;
import sh.grassroots.training.session.model.SeatQuota;
import sh.grassroots.training.session.model.SessionPlan;
import sh.grassroots.training.course.model.VenueKind;
import sh.grassroots.training.session.model.Eligibility;
import sh.grassroots.training.enrolment.model.MemberStatus;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/training/courses")
public class CourseResource {
    static final int DEFAULT_HOLD_MINUTES = 120;

    private final CourseService courses;

    private final CourseCatalogue catalogue;
    private final Sessions sessions;

    public CourseResource(CourseService courses, CourseCatalogue catalogue, Sessions sessions) {
        this.sessions = sessions;
        this.courses = courses;
        this.catalogue = catalogue;
    }

    public record EligibilityRequest(List<UUID> subtreeRoots, List<MemberStatus> statuses, List<UUID> memberUnits,
                                     List<UUID> prerequisites) {
    }

    public record CreateCourseRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull CourseKind kind,
            @NotNull ProviderKind providerKind,
            @NotNull UUID providerId,
            @NotNull BigDecimal creditHours,
            @Size(max = 4000) String description,
            EligibilityRequest eligibility) {
    }

    /** Capacity and times are checked by the session rules, so that a broken one is named in the answer. */
    /** A correction of the course's words; a field left out stays as it is. */
    public record CorrectCourseRequest(
            @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
            @Size(max = 4000) String description) {
    }

    public record ScheduleSessionRequest(
            @NotNull OffsetDateTime startsAt,
            @NotNull OffsetDateTime endsAt,
            @NotNull VenueKind venueKind,
            @NotBlank @Size(max = 300) String venue,
            UUID stationRoomId,
            @NotNull Integer capacity,
            @NotNull OffsetDateTime enrolmentOpensAt,
            @NotNull OffsetDateTime enrolmentClosesAt,
            @NotNull OffsetDateTime cancellationDeadline,
            SeatQuota.By quotaBy,
            Integer seatsPerGroup,
            Integer holdMinutes) {
    }

    @POST
    public Uni<RestResponse<CourseView>> create(@NotNull @Valid CreateCourseRequest r, UriInfo uri,
                                                @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        EligibilityRequest e = r.eligibility() == null ? new EligibilityRequest(null, null, null, null) : r.eligibility();
        Eligibility eligibility = new Eligibility(r.kind(), set(e.subtreeRoots()), set(e.statuses()),
                set(e.memberUnits()), set(e.prerequisites()));
        return courses.create(caller, new CreateCourse(r.title(), r.kind(), r.providerKind(), r.providerId(), r.creditHours(),
                        r.description(), eligibility))
                .map(created -> RestResponse.ResponseBuilder.<CourseView>created(
                                uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                        .entity(created).type(MediaType.APPLICATION_JSON).build());
    }

    /**
     * The open catalogue: {@code q} words of the title, {@code kind}, {@code providerId}, and
     * {@code upcoming} for courses with a session to come; newest first, {@code cursor} pages on.
     */
    @GET
    public Uni<Page<CourseCatalogue.CourseCard>> catalogue(
            @QueryParam("q") @Size(min = 1, max = 100) String q,
            @QueryParam("kind") CourseKind kind,
            @QueryParam("providerId") UUID providerId,
            @QueryParam("upcoming") @DefaultValue("false") boolean upcoming,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        String stripped = q == null || q.isBlank() ? null : q.strip();
        return catalogue.search(caller, new CourseCatalogue.Search(stripped, kind, providerId, upcoming, limit,
                cursor == null ? null : Cursors.decodeTimeAndId(cursor)));
    }

    @GET
    @Path("{id}")
    public Uni<RestResponse<CourseView>> get(@PathParam("id") UUID id,
                                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                             @Context HttpHeaders headers) {
        return courses.get(Callers.require(headers::getHeaderString), id)
                .map(view -> ETags.read(view, view.version(), ifNoneMatch));
    }

    /** The provider's organizers correct a course's title or description; If-Match is honoured. */
    @PATCH
    @Path("{id}")
    public Uni<RestResponse<CourseView>> correct(@PathParam("id") UUID id, @NotNull @Valid CorrectCourseRequest r,
                                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                 @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        Long expected = ETags.expectedVersion(ifMatch);
        return courses.correct(caller, id, r.title(), r.description(), expected)
                .map(view -> ETags.written(view, view.version()));
    }

    @POST
    @Path("{id}/sessions")
    public Uni<RestResponse<SessionView>> schedule(@PathParam("id") UUID courseId,
                                                   @NotNull @Valid ScheduleSessionRequest r, UriInfo uri,
                                                   @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        SeatQuota quota = r.quotaBy() == null || r.quotaBy() == SeatQuota.By.NONE ? SeatQuota.none()
                : new SeatQuota(r.quotaBy(), r.seatsPerGroup() == null ? 0 : r.seatsPerGroup());
        Duration hold = Duration.ofMinutes(r.holdMinutes() == null ? DEFAULT_HOLD_MINUTES : r.holdMinutes());
        SessionPlan plan = new SessionPlan(r.startsAt().toInstant(), r.endsAt().toInstant(), r.capacity(),
                r.enrolmentOpensAt().toInstant(), r.enrolmentClosesAt().toInstant(), r.cancellationDeadline().toInstant(),
                quota, hold);
        return sessions.schedule(caller, new ScheduleSession(courseId, plan, r.venueKind(), r.venue(), r.stationRoomId()))
                .map(created -> RestResponse.ResponseBuilder.<SessionView>created(
                                URI.create(uri.getBaseUri().getPath().replaceAll("/$", "")
                                        + "/api/v1/training/sessions/" + created.id()))
                        .entity(created).type(MediaType.APPLICATION_JSON).build());
    }

    private static <T> Set<T> set(List<T> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
