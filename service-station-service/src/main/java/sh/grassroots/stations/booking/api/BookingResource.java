package sh.grassroots.stations.booking.api;

import sh.grassroots.platform.web.ETags;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.stations.booking.application.BookingService;
import sh.grassroots.stations.booking.application.BookingView;
import sh.grassroots.stations.booking.application.SeriesView;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A station's bookings and the steps a manager or booker takes on one. */
@Path("/api/v1/stations/{stationId}/bookings")
public class BookingResource {
    private final BookingService bookings;

    public BookingResource(BookingService bookings) {
        this.bookings = bookings;
    }

    public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @GET
    public Uni<List<BookingView>> day(@PathParam("stationId") UUID stationId, @QueryParam("date") LocalDate date,
                                      @QueryParam("days") @DefaultValue("1") @Min(1) @Max(7) int days,
                                      @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        if (date == null) {
            throw new ProblemException(Problem.withErrors(400, "validation", "Invalid request",
                    "The day to list is missing", List.of(new Problem.FieldError("date", "required (YYYY-MM-DD)"))));
        }
        return bookings.days(caller, stationId, date, days);
    }

    /** Requests waiting for a decision, soonest first: the station's managers. */
    @GET
    @Path("pending")
    public Uni<List<BookingView>> pending(@PathParam("stationId") UUID stationId, @Context HttpHeaders headers) {
        return bookings.awaitingApproval(Callers.require(headers::getHeaderString), stationId);
    }

    /** The ETag is the booking's version; a phone polling a booking gets 304 while nothing changed. */
    @GET
    @Path("{bookingId}")
    public Uni<RestResponse<BookingView>> get(@PathParam("stationId") UUID stationId,
                                              @PathParam("bookingId") UUID bookingId,
                                              @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                              @Context HttpHeaders headers) {
        return bookings.get(Callers.require(headers::getHeaderString), stationId, bookingId).map(view -> {
            String etag = ETags.of(view.version());
            if (etag.equals(ifNoneMatch)) {
                return RestResponse.ResponseBuilder.<BookingView>create(RestResponse.Status.NOT_MODIFIED)
                        .header(HttpHeaders.ETAG, etag).build();
            }
            return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, etag).build();
        });
    }

    @POST
    @Path("{bookingId}/approve")
    public Uni<RestResponse<BookingView>> approve(@PathParam("stationId") UUID stationId,
                                                  @PathParam("bookingId") UUID bookingId,
                                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                  @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return tagged(bookings.approve(caller, stationId, bookingId, ETags.expectedVersion(ifMatch)));
    }

    @POST
    @Path("{bookingId}/reject")
    public Uni<RestResponse<BookingView>> reject(@PathParam("stationId") UUID stationId,
                                                 @PathParam("bookingId") UUID bookingId,
                                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                 @Valid ReasonRequest request, @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return tagged(bookings.reject(caller, stationId, bookingId, ETags.expectedVersion(ifMatch),
                request == null ? null : request.reason()));
    }

    @POST
    @Path("{bookingId}/cancel")
    public Uni<RestResponse<BookingView>> cancel(@PathParam("stationId") UUID stationId,
                                                 @PathParam("bookingId") UUID bookingId,
                                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                 @Valid ReasonRequest request, @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return tagged(bookings.cancel(caller, stationId, bookingId, ETags.expectedVersion(ifMatch),
                request == null ? null : request.reason()));
    }

    @POST
    @Path("{bookingId}/check-in")
    public Uni<RestResponse<BookingView>> checkIn(@PathParam("stationId") UUID stationId,
                                                  @PathParam("bookingId") UUID bookingId,
                                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                  @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return tagged(bookings.checkIn(caller, stationId, bookingId, ETags.expectedVersion(ifMatch)));
    }

    /** Cancels what can still be cancelled of a recurring booking; one line per occurrence. */
    @POST
    @Path("series/{seriesId}/cancel")
    public Uni<List<SeriesView.Occurrence>> cancelSeries(@PathParam("stationId") UUID stationId,
                                                        @PathParam("seriesId") UUID seriesId,
                                                        @Valid ReasonRequest request, @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return bookings.cancelSeries(caller, stationId, seriesId, request == null ? null : request.reason());
    }

    private static Uni<RestResponse<BookingView>> tagged(Uni<BookingView> view) {
        return view.map(v -> RestResponse.ResponseBuilder.ok(v).header(HttpHeaders.ETAG, ETags.of(v.version())).build());
    }
}
