package sh.grassroots.stations.booking.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import sh.grassroots.platform.web.Callers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.stations.booking.application.AvailabilityView;
import sh.grassroots.stations.booking.application.BookingService;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Free slots of a room for one day, for the phone to offer. */
@Path("/api/v1/stations/{stationId}/rooms/{roomId}/availability")
public class AvailabilityResource {
    private final BookingService bookings;

    public AvailabilityResource(BookingService bookings) {
        this.bookings = bookings;
    }

    @GET
    public Uni<AvailabilityView> availability(@PathParam("stationId") UUID stationId,
                                              @PathParam("roomId") UUID roomId,
                                              @QueryParam("date") LocalDate date, @Context HttpHeaders headers) {
        var caller = Callers.require(headers::getHeaderString);
        if (date == null) {
            throw new ProblemException(Problem.withErrors(400, "validation", "Invalid request",
                    "The date to look at is missing", List.of(new Problem.FieldError("date", "required (YYYY-MM-DD)"))));
        }
        return bookings.availability(caller, stationId, roomId, date);
    }
}
