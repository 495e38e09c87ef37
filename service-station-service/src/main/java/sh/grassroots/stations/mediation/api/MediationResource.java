package sh.grassroots.stations.mediation.api;

import sh.grassroots.stations.mediation.model.MediationRule;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.web.ETags;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.stations.booking.model.BookerKind;
import sh.grassroots.stations.mediation.application.MediationService;
import sh.grassroots.stations.mediation.application.MediationView;
import sh.grassroots.stations.mediation.application.ScheduleMediation;
import sh.grassroots.stations.mediation.model.Outcome;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Mediation sessions (调解) at a station's room: scheduled, read and concluded by the station's
 * managers and the arranging organization's side only. The roles and the family are not bean-validated:
 * the model checks them and names the broken rule ({@code mediation-role-missing}, ...).
 */
@Path("/api/v1/stations/{stationId}")
public class MediationResource {
    private final MediationService mediations;

    public MediationResource(MediationService mediations) {
        this.mediations = mediations;
    }

    public record FamilyRequest(List<@Size(max = 100) String> names, @Size(max = 30) String phone) {
    }

    public record ScheduleRequest(
            @NotNull OffsetDateTime start,
            @NotNull OffsetDateTime end,
            @NotBlank @Size(max = 200) String site,
            @NotNull BookerKind bookerKind,
            UUID bookerId,
            @NotBlank @Size(max = 200) String bookerName,
            @Size(max = 100) String residentsSecretary,
            @Size(max = 100) String expropriationOfficer,
            @Size(max = 100) String lawyer,
            @Valid FamilyRequest family) {
    }

    public record OutcomeRequest(@NotNull Outcome outcome, @Size(max = 2000) String summary) {
    }

    @POST
    @Path("rooms/{roomId}/mediations")
    public Uni<RestResponse<MediationView>> schedule(@PathParam("stationId") UUID stationId,
                                                     @PathParam("roomId") UUID roomId,
                                                     @NotNull @Valid ScheduleRequest request,
                                                     @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        if (request.bookerKind() == BookerKind.PUBLIC) {
            throw Rejections.exception(MediationRule.ORGANIZER_REQUIRED.rejects(
                    "A mediation session is booked by the site's party organization or a member unit, not by a walk-in"),
                    "bookerKind", "must not be PUBLIC");
        }
        FamilyRequest family = request.family();
        return mediations.schedule(caller, new ScheduleMediation(stationId, roomId, request.start(), request.end(),
                        request.site(), request.bookerKind(), request.bookerId(), request.bookerName(),
                        request.residentsSecretary(), request.expropriationOfficer(), request.lawyer(),
                        family == null || family.names() == null ? List.of() : family.names(),
                        family == null ? null : family.phone()))
                .map(view -> RestResponse.ResponseBuilder.<MediationView>created(UriBuilder
                                .fromPath("/api/v1/stations/{stationId}/mediations/{bookingId}")
                                .build(stationId, view.booking().id()))
                        .entity(view).type(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.ETAG, ETags.of(view.version())).build());
    }

    /** The station's mediations from {@code from} (YYYY-MM-DD, today when absent) on: its managers. */
    @GET
    @Path("mediations")
    public Uni<List<MediationView>> list(@PathParam("stationId") UUID stationId, @QueryParam("from") LocalDate from,
                                         @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return mediations.ofStation(caller, stationId, from);
    }

    @GET
    @Path("mediations/{bookingId}")
    public Uni<RestResponse<MediationView>> get(@PathParam("stationId") UUID stationId,
                                                @PathParam("bookingId") UUID bookingId,
                                                @Context HttpHeaders headers) {
        return mediations.get(Callers.require(headers::getHeaderString), stationId, bookingId)
                .map(MediationResource::tagged);
    }

    /** Recorded once, after the session began; {@code If-Match} with the version last read is honoured. */
    @POST
    @Path("mediations/{bookingId}/outcome")
    public Uni<RestResponse<MediationView>> outcome(@PathParam("stationId") UUID stationId,
                                                    @PathParam("bookingId") UUID bookingId,
                                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                    @NotNull @Valid OutcomeRequest request,
                                                    @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return mediations.recordOutcome(caller, stationId, bookingId, request.outcome(), request.summary(), ETags.expectedVersion(ifMatch))
                .map(MediationResource::tagged);
    }

    private static RestResponse<MediationView> tagged(MediationView view) {
        return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, ETags.of(view.version())).build();
    }
}
