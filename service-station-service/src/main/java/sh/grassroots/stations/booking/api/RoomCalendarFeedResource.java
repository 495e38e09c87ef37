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

/** An iCalendar feed of one room's bookings. */
@Path("/api/v1/stations/{stationId}/rooms/{roomId}/calendar.ics")
public class RoomCalendarFeedResource {
    private final BookingService bookings;

    public RoomCalendarFeedResource(BookingService bookings) {
        this.bookings = bookings;
    }

    @GET
    @Produces(StationCalendarFeedResource.TEXT_CALENDAR)
    public Uni<String> feed(@PathParam("stationId") UUID stationId, @PathParam("roomId") UUID roomId,
                            @Context HttpHeaders headers) {
        return bookings.calendar(Callers.require(headers::getHeaderString), stationId, roomId);
    }
}
