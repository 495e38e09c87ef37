package sh.grassroots.org.affiliation.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import sh.grassroots.org.affiliation.application.AffiliationService;
import sh.grassroots.org.affiliation.application.AffiliationView;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Page;

import java.util.Map;
import java.util.UUID;

/**
 * A member's attributes (for the criteria of functional branches) and affiliations. A member
 * reads their own; setting attributes is managing the member (secretary, organizer, admin).
 */
@Path("/api/v1/orgs/members/{memberId}")
public class MemberAffiliationResource {
    private final AffiliationService affiliations;

    public MemberAffiliationResource(AffiliationService affiliations) {
        this.affiliations = affiliations;
    }

    public record AttributesRequest(@NotNull Map<String, String> attributes) {
    }

    public record AttributesResponse(UUID memberId, Map<String, String> attributes) {
    }

    @GET
    @Path("attributes")
    public Uni<AttributesResponse> attributes(@PathParam("memberId") UUID memberId, @Context HttpHeaders headers) {
        return affiliations.attributes(Callers.require(headers::getHeaderString), memberId)
                .map(attributes -> new AttributesResponse(memberId, attributes));
    }

    /** Replaces the attributes; functional affiliations the member no longer qualifies for end. */
    @PUT
    @Path("attributes")
    public Uni<AffiliationService.AttributesView> setAttributes(@PathParam("memberId") UUID memberId,
                                                               @NotNull @Valid AttributesRequest request,
                                                               @Context HttpHeaders headers) {
        return affiliations.setAttributes(Callers.require(headers::getHeaderString), memberId, request.attributes());
    }

    @GET
    @Path("affiliations")
    public Uni<Page<AffiliationView>> affiliations(@PathParam("memberId") UUID memberId,
                                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                                   @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        return affiliations.affiliationsOf(Callers.require(headers::getHeaderString), memberId, limit, cursor);
    }
}
