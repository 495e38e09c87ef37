package sh.grassroots.stations.booking.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import sh.grassroots.platform.web.Callers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
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

/** Free slots of every room of a station, for a day or up to a week ({@code days=7}). */
@Path("/api/v1/stations/{stationId}/availability")
public class StationAvailabilityResource {
    private final BookingService bookings;

    public StationAvailabilityResource(BookingService bookings) {
        this.bookings = bookings;
    }

    @GET
    public Uni<List<AvailabilityView>> availability(@PathParam("stationId") UUID stationId,
                                                    @QueryParam("date") LocalDate date,
                                                    @QueryParam("days") @DefaultValue("1") @Min(1) @Max(7) int days,
                                                    @Context HttpHeaders headers) {
        var caller = Callers.require(headers::getHeaderString);
        if (date == null) {
            throw new ProblemException(Problem.withErrors(400, "validation", "Invalid request",
                    "The first day to look at is missing", List.of(new Problem.FieldError("date", "required (YYYY-MM-DD)"))));
        }
        return bookings.availability(caller, stationId, date, days);
    }
}
