package sh.grassroots.training.orgprojection.api;

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
import sh.grassroots.platform.web.Callers;
import sh.grassroots.training.orgprojection.application.KnownOrganizations;
import sh.grassroots.training.orgprojection.model.OrganizationSnapshot;

import java.util.UUID;

/** The organizations training-service knows of, as its projection holds them (read-only), within the caller's reach. */
@Path("/api/v1/training/organizations")
public class KnownOrganizationResource {
    private final KnownOrganizations organizations;

    public KnownOrganizationResource(KnownOrganizations organizations) {
        this.organizations = organizations;
    }

    @GET
    @Path("{id}")
    public Uni<OrganizationSnapshot> get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return organizations.get(Callers.require(headers::getHeaderString), id);
    }

    @GET
    public Uni<KnownOrganizations.Page> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                             @QueryParam("cursor") UUID cursor, @Context HttpHeaders headers) {
        return organizations.list(Callers.require(headers::getHeaderString), limit, cursor);
    }
}
