package sh.grassroots.stations.booking.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import sh.grassroots.platform.web.Callers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import sh.grassroots.stations.booking.application.BookingService;

import java.util.UUID;

/** An iCalendar feed of a station's bookings, for a phone calendar to subscribe to. */
@Path("/api/v1/stations/{stationId}/calendar.ics")
public class StationCalendarFeedResource {
    static final String TEXT_CALENDAR = "text/calendar;charset=UTF-8";
    private final BookingService bookings;

    public StationCalendarFeedResource(BookingService bookings) {
        this.bookings = bookings;
    }

    @GET
    @Produces(TEXT_CALENDAR)
    public Uni<String> feed(@PathParam("stationId") UUID stationId, @Context HttpHeaders headers) {
        return bookings.calendar(Callers.require(headers::getHeaderString), stationId, null);
    }
}
