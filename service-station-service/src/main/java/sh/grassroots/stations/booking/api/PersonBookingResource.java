package sh.grassroots.stations.booking.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.stations.booking.application.BookingService;
import sh.grassroots.stations.booking.application.BookingView;
import sh.grassroots.platform.web.Page;

import java.util.UUID;

/**
 * A member's own upcoming bookings, for the phone's home screen (the gateway aggregates this
 * path). For the member themselves only; 403 {@code not-own-record} otherwise.
 */
@Path("/api/v1/stations/people/{personId}/bookings")
public class PersonBookingResource {
    private final BookingService bookings;

    public PersonBookingResource(BookingService bookings) {
        this.bookings = bookings;
    }

    @GET
    public Uni<Page<BookingView>> upcoming(@PathParam("personId") UUID personId,
                                           @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit,
                                           @QueryParam("cursor") String cursor,
                                           @Context HttpHeaders headers) {
        Caller caller = Callers.require(headers::getHeaderString);
        return bookings.upcomingOf(caller, personId, limit, cursor);
    }
}
