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

/**
 * An iCalendar feed of an organization's bookings at every station: for whoever manages its
 * members or reads its subtree. An organization stations does not know is 404.
 */
@Path("/api/v1/stations/organizations/{organizationId}/bookings.ics")
public class OrganizationCalendarFeedResource {
    private final BookingService bookings;

    public OrganizationCalendarFeedResource(BookingService bookings) {
        this.bookings = bookings;
    }

    @GET
    @Produces(StationCalendarFeedResource.TEXT_CALENDAR)
    public Uni<String> feed(@PathParam("organizationId") UUID organizationId, @Context HttpHeaders headers) {
        return bookings.organizationCalendar(Callers.require(headers::getHeaderString), organizationId);
    }
}
