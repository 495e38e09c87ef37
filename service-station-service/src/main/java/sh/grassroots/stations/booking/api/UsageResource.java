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
import sh.grassroots.stations.booking.application.BookingService;
import sh.grassroots.stations.booking.application.UsageView;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Usage report of a station and its rooms over a period of local days. */
@Path("/api/v1/stations/{stationId}/usage")
public class UsageResource {
    private static final long MAX_DAYS = 366;
    private final BookingService bookings;

    public UsageResource(BookingService bookings) {
        this.bookings = bookings;
    }

    @GET
    public Uni<UsageView> usage(@PathParam("stationId") UUID stationId, @QueryParam("from") LocalDate from,
                                @QueryParam("to") LocalDate to, @Context HttpHeaders headers) {
        var caller = Callers.require(headers::getHeaderString);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new Problem.FieldError("from", "required (YYYY-MM-DD)"));
        }
        if (to == null) {
            errors.add(new Problem.FieldError("to", "required (YYYY-MM-DD)"));
        }
        if (from != null && to != null && (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS)) {
            errors.add(new Problem.FieldError("to", "must be on or after from, at most a year later"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.withErrors(400, "validation", "Invalid request",
                    "The period of the report is missing or invalid", errors));
        }
        return bookings.usage(caller, stationId, from, to);
    }
}
