package sh.grassroots.stations.booking.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import sh.grassroots.stations.booking.application.BookingService;

import java.util.UUID;

/** An iCalendar feed of an organization's bookings at every station. */
@Path("/api/v1/stations/organizations/{organizationId}/bookings.ics")
public class OrganizationCalendarFeedResource {
    private final BookingService bookings;

    public OrganizationCalendarFeedResource(BookingService bookings) {
        this.bookings = bookings;
    }

    @GET
    @Produces(StationCalendarFeedResource.TEXT_CALENDAR)
    public Uni<String> feed(@PathParam("organizationId") UUID organizationId) {
        return bookings.organizationCalendar(organizationId);
    }
}
