package sh.grassroots.stations.booking.api;

import sh.grassroots.platform.web.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.FieldChecks;
import sh.grassroots.stations.booking.application.BookingService;
import sh.grassroots.stations.booking.application.BookingView;
import sh.grassroots.stations.booking.application.RequestBooking;
import sh.grassroots.stations.booking.application.SeriesView;
import sh.grassroots.stations.booking.model.BookerKind;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Booking a room. */
@Path("/api/v1/stations/{stationId}/rooms/{roomId}/bookings")
public class RoomBookingResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private final BookingService bookings;

    public RoomBookingResource(BookingService bookings) {
        this.bookings = bookings;
    }

    public record BookingRequest(
            @NotNull OffsetDateTime start,
            @NotNull OffsetDateTime end,
            @NotNull BookerKind bookerKind,
            UUID bookerId,
            @NotBlank @Size(max = 200) String bookerName,
            @Size(max = 30) String bookerPhone,
            @NotBlank @Size(max = 500) String purpose,
            @Min(1) @Max(10000) int attendees) {
    }

    /**
     * The annotations above, checked by hand: this is the rush-hour endpoint, and Hibernate
     * Validator's per-call work was about a tenth of its CPU (bench/station-booking.sh). The
     * annotations stay for the published contract; {@code BookingRequestChecksTest} holds the two
     * to the same answers.
     */
    static void check(BookingRequest request) {
        if (request == null) {
            new FieldChecks().notNull("request", null).orThrow();
        }
        new FieldChecks()
                .notNull("start", request.start())
                .notNull("end", request.end())
                .notNull("bookerKind", request.bookerKind())
                .notBlank("bookerName", request.bookerName()).size("bookerName", request.bookerName(), 0, 200)
                .size("bookerPhone", request.bookerPhone(), 0, 30)
                .notBlank("purpose", request.purpose()).size("purpose", request.purpose(), 0, 500)
                .min("attendees", request.attendees(), 1).max("attendees", request.attendees(), 10000)
                .orThrow();
    }

    /**
     * Who the booking is for comes from the caller: a member books as themselves ({@code bookerId}
     * may be left out), an organization by whoever manages its members, a member unit by its
     * conference's office, a walk-in ({@code PUBLIC}) by the station's managers at the desk.
     */
    @POST
    public Uni<RestResponse<BookingView>> book(@PathParam("stationId") UUID stationId,
                                               @PathParam("roomId") UUID roomId,
                                               @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                                               BookingRequest request,
                                               @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        check(request);
        return bookings.request(caller, new RequestBooking(stationId, roomId, request.start(), request.end(),
                        request.bookerKind(), request.bookerId(), request.bookerName(), request.bookerPhone(),
                        request.purpose(), request.attendees(), IdempotencyKeys.read(idempotencyKey), null))
                .map(placed -> {
                    BookingView b = placed.booking();
                    var response = RestResponse.ResponseBuilder.<BookingView>created(UriBuilder
                                    .fromPath("/api/v1/stations/{stationId}/bookings/{bookingId}")
                                    .build(b.stationId(), b.id()))
                            .entity(b).type(MediaType.APPLICATION_JSON);
                    if (placed.replayed()) {
                        response.header("Idempotent-Replayed", "true");
                    }
                    return response.build();
                });
    }

    public record SeriesRequest(
            @NotNull OffsetDateTime start,
            @NotNull OffsetDateTime end,
            @NotBlank @Size(max = 200) String rrule,
            @NotNull SeriesView.SeriesMode mode,
            @NotNull BookerKind bookerKind,
            UUID bookerId,
            @NotBlank @Size(max = 200) String bookerName,
            @Size(max = 30) String bookerPhone,
            @NotBlank @Size(max = 500) String purpose,
            @Min(1) @Max(10000) int attendees) {
    }

    /** A recurring booking, e.g. a branch's weekly study session: {@code rrule} like FREQ=WEEKLY;COUNT=8. */
    @POST
    @Path("series")
    public Uni<RestResponse<SeriesView>> bookSeries(@PathParam("stationId") UUID stationId,
                                                    @PathParam("roomId") UUID roomId,
                                                    @NotNull @Valid SeriesRequest request,
                                                    @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        RequestBooking first = new RequestBooking(stationId, roomId, request.start(), request.end(),
                request.bookerKind(), request.bookerId(), request.bookerName(), request.bookerPhone(),
                request.purpose(), request.attendees(), null, null);
        return bookings.requestSeries(caller, first, request.rrule(), request.mode())
                .map(series -> RestResponse.status(RestResponse.Status.CREATED, series));
    }
}
