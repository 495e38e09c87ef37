package sh.grassroots.platform.testing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A resource for {@link EndpointsTest}: the inventory finds what it declares. */
@Path("/api/v1/things/")
public class SomeResource {
    @GET
    public String list() {
        return "";
    }

    @GET
    @Path("{id: [0-9]+}")
    public String get(@PathParam("id") long id) {
        return "";
    }

    @POST
    @Path("/{id}/cancel")
    public String cancel(@PathParam("id") long id) {
        return "";
    }

    public String notAnEndpoint() {
        return "";
    }
}
