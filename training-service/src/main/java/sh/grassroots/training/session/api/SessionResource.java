package sh.grassroots.training.session.api;

import sh.grassroots.platform.web.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.training.session.application.SessionCatalogue;
import sh.grassroots.training.session.application.SessionView;
import sh.grassroots.training.session.application.Sessions;
import sh.grassroots.training.credit.application.CreditService;
import sh.grassroots.training.credit.application.CreditView;
import sh.grassroots.training.enrolment.application.EnrolmentOutcome;
import sh.grassroots.training.enrolment.application.Enrol;
import sh.grassroots.training.enrolment.application.EnrolmentQueries;
import sh.grassroots.training.session.application.CloseSession;
import sh.grassroots.training.enrolment.application.EnrolmentView;
import sh.grassroots.training.enrolment.model.CheckInCode;
import sh.grassroots.training.enrolment.model.Admission;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A session, the people enrolled in it, and their attendance. */
@Path("/api/v1/training/sessions")
public class SessionResource {
    private final Sessions sessions;
    private final Enrol enrolments;
    private final EnrolmentQueries enrolmentQueries;
    private final CloseSession closing;
    private final CreditService credits;
    private final SessionCatalogue catalogue;

    public SessionResource(Sessions sessions, Enrol enrolments, EnrolmentQueries enrolmentQueries, CloseSession closing,
                           CreditService credits,
                           SessionCatalogue catalogue) {
        this.sessions = sessions;
        this.enrolments = enrolments;
        this.enrolmentQueries = enrolmentQueries;
        this.closing = closing;
        this.credits = credits;
        this.catalogue = catalogue;
    }

    /** Scheduled sessions that have not started, soonest first (optionally of one course). */
    @GET
    public Uni<sh.grassroots.platform.web.Page<SessionCatalogue.Entry>> upcoming(@QueryParam("courseId") UUID courseId,
                                               @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
                                               @QueryParam("cursor") String cursor,
                                               @Context HttpHeaders headers) {
        return catalogue.upcoming(Callers.require(headers::getHeaderString), courseId, limit, cursor);
    }

    public record EnrolRequest(@NotNull UUID personId) {
    }

    public record AttendanceRequest(@NotNull UUID personId) {
    }

    /** The code is checked by the check-in rules, so that an expired one is named as such. */
    public record CheckInRequest(@NotNull UUID personId, String code) {
    }

    public record EnrolmentList(List<EnrolmentView> items) {
    }

    public record BulkRequest(@NotNull UUID organizationId) {
    }

    /**
     * One line per person: the enrolment when placed, else the problem type and detail of the broken
     * rule; {@code memberOf} HOME or AFFILIATE of the organization enrolled.
     */
    public record BulkLine(UUID personId, Admission memberOf, String outcome, EnrolmentView enrolment,
                           String problemType, String detail) {
    }

    public record BulkAnswer(UUID organizationId, int confirmed, int waitlisted, int refused, List<BulkLine> items) {
        static BulkAnswer of(Enrol.BulkEnrolled bulk) {
            List<BulkLine> lines = new ArrayList<>();
            int confirmed = 0;
            int waitlisted = 0;
            int refused = 0;
            for (EnrolmentOutcome outcome : bulk.outcomes()) {
                if (outcome instanceof EnrolmentOutcome.Placed placed) {
                    EnrolmentView e = placed.enrolment();
                    if (e.status() == EnrolmentStatus.CONFIRMED) {
                        confirmed++;
                    } else {
                        waitlisted++;
                    }
                    lines.add(new BulkLine(e.personId(), bulk.memberOf().get(e.personId()), e.status().name(), e,
                            null, null));
                } else {
                    EnrolmentOutcome.Refused r = (EnrolmentOutcome.Refused) outcome;
                    refused++;
                    lines.add(new BulkLine(r.personId(), bulk.memberOf().get(r.personId()), "REFUSED", null,
                            Problem.type(r.rejection().slug()), r.rejection().detail()));
                }
            }
            return new BulkAnswer(bulk.organizationId(), confirmed, waitlisted, refused, lines);
        }
    }

    @GET
    @Path("{id}")
    public Uni<SessionView> get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return sessions.get(Callers.require(headers::getHeaderString), id);
    }

    /**
     * 201 with the enrolment, CONFIRMED while seats remain, else WAITLISTED with its place in line.
     * With an Idempotency-Key, a repeated request gets the first answer again.
     */
    @POST
    @Path("{id}/enrolments")
    public Uni<RestResponse<EnrolmentView>> enrol(@PathParam("id") UUID sessionId, @NotNull @Valid EnrolRequest r,
                                                  @RestHeader(IdempotencyKeys.HEADER) String idempotencyKey, UriInfo uri,
                                                  @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return enrolments.enrol(caller, sessionId, r.personId(), IdempotencyKeys.read(idempotencyKey))
                .map(answer -> {
                    var response = RestResponse.ResponseBuilder.<EnrolmentView>created(
                                    enrolmentUri(uri, answer.enrolment().id()))
                            .entity(answer.enrolment()).type(MediaType.APPLICATION_JSON);
                    if (answer.replayed()) {
                        response.header("Idempotent-Replayed", "true");
                    }
                    return response.build();
                });
    }

    /** A branch secretary enrols every member of the branch; the answer lists each person's outcome. */
    @POST
    @Path("{id}/bulk-enrolments")
    public Uni<BulkAnswer> enrolOrganization(@PathParam("id") UUID sessionId, @NotNull @Valid BulkRequest r,
                                             @Context HttpHeaders headers) {
        return enrolments.enrolOrganization(Callers.require(headers::getHeaderString), sessionId, r.organizationId())
                .map(BulkAnswer::of);
    }

    @GET
    @Path("{id}/enrolments")
    public Uni<EnrolmentList> enrolments(@PathParam("id") UUID sessionId,
                                         @QueryParam("organizationId") UUID organizationId,
                                         @Context HttpHeaders headers) {
        return enrolmentQueries.listForSession(Callers.require(headers::getHeaderString), sessionId, organizationId)
                .map(EnrolmentList::new);
    }

    /** An organizer checks a person in; the course's credit hours are awarded. */
    @POST
    @Path("{id}/attendance")
    public Uni<RestResponse<CreditView.Entry>> attend(@PathParam("id") UUID sessionId,
                                                      @NotNull @Valid AttendanceRequest r,
                                                      @Context HttpHeaders headers) {
        return credits.recordAttendance(Callers.require(headers::getHeaderString), sessionId, r.personId())
                .map(entry -> RestResponse.ResponseBuilder.<CreditView.Entry>create(RestResponse.Status.CREATED)
                        .entity(entry).type(MediaType.APPLICATION_JSON).build());
    }

    public record SessionCancelRequest(@Size(max = 500) String reason) {
    }

    public record Count(int enrolments) {
    }

    /**
     * An organizer cancels the session before it starts; everyone enrolled is told why, and a
     * station room that was requested or booked is released.
     */
    @POST
    @Path("{id}/cancellation")
    public Uni<Count> cancel(@PathParam("id") UUID sessionId, @NotNull @Valid SessionCancelRequest r,
                             @Context HttpHeaders headers) {
        return closing.cancel(Callers.require(headers::getHeaderString), sessionId, r.reason())
                .map(Count::new);
    }

    /** After the session ends: confirmed people who never checked in become no-shows. */
    @POST
    @Path("{id}/no-shows")
    public Uni<Count> noShows(@PathParam("id") UUID sessionId, @Context HttpHeaders headers) {
        return closing.recordNoShows(Callers.require(headers::getHeaderString), sessionId).map(Count::new);
    }

    /** For the organizer's screen: the current code, to show as a QR code until {@code validUntil}. */
    @GET
    @Path("{id}/check-in-code")
    public Uni<CheckInCode.Shown> checkInCode(@PathParam("id") UUID sessionId, @Context HttpHeaders headers) {
        return credits.currentCode(Callers.require(headers::getHeaderString), sessionId);
    }

    /** A learner checks themselves in by scanning the code on the screen; {@code personId} must be the caller. */
    @POST
    @Path("{id}/check-ins")
    public Uni<RestResponse<CreditView.Entry>> checkIn(@PathParam("id") UUID sessionId, @NotNull @Valid CheckInRequest r,
                                                       @Context HttpHeaders headers) {
        return credits.checkInWithCode(Callers.require(headers::getHeaderString), sessionId, r.personId(), r.code())
                .map(entry -> RestResponse.ResponseBuilder.<CreditView.Entry>create(RestResponse.Status.CREATED)
                        .entity(entry).type(MediaType.APPLICATION_JSON).build());
    }

    static URI enrolmentUri(UriInfo uri, UUID id) {
        return URI.create(uri.getBaseUri().getPath().replaceAll("/$", "") + "/api/v1/training/enrolments/" + id);
    }
}
