package sh.grassroots.org.transfer.api;

import sh.grassroots.platform.web.ETags;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Page;
import sh.grassroots.org.transfer.application.TransferService;
import sh.grassroots.org.transfer.application.TransferService.Channel;
import sh.grassroots.org.transfer.application.TransferView;

import java.util.UUID;

/**
 * Transfers taken by people. Scopes (decided by TransferService, see OrgAccessPolicy): the member or whoever manages the members
 * of their home requests and cancels; the receiving side (MANAGE_MEMBERS at the receiving
 * organization) accepts, rejects and completes, unless the receiving organization is in another
 * district: then that district's system does, through {@link InterDistrictTransferResource}.
 */
@Path("/api/v1/orgs/transfers")
public class TransferResource {
    private final TransferService transfers;

    public TransferResource(TransferService transfers) {
        this.transfers = transfers;
    }

    public record TransferRequest(@NotNull UUID memberId, @NotNull UUID toOrganizationId, @Size(max = 500) String note) {
    }

    public record RejectRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @POST
    public Uni<RestResponse<TransferView>> request(@NotNull @Valid TransferRequest request, UriInfo uri,
                                                   @Context HttpHeaders headers) {
        return transfers.request(Callers.require(headers::getHeaderString), request.memberId(),
                        request.toOrganizationId(), request.note())
                .map(created -> RestResponse.ResponseBuilder.<TransferView>created(
                                uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                        .entity(created).type(MediaType.APPLICATION_JSON)
                        .header("ETag", ETags.of(created.version())).build());
    }

    @GET
    @Path("{id}")
    public Uni<RestResponse<TransferView>> get(@PathParam("id") UUID id,
                                               @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                               @Context HttpHeaders headers) {
        return transfers.get(Callers.require(headers::getHeaderString), Channel.PEOPLE, id).map(view -> ETags.read(view, view.version(), ifNoneMatch));
    }

    /** A member's transfer history: the member, or whoever may read their current home. */
    @GET
    public Uni<Page<TransferView>> ofMember(@QueryParam("memberId") @NotNull UUID memberId,
                                            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                            @QueryParam("cursor") String cursor,
                                            @Context HttpHeaders headers) {
        return transfers.ofMember(Callers.require(headers::getHeaderString), memberId, limit, cursor);
    }

    /** Open transfers into {@code organizationId}'s subtree, oldest first: READ_SUBTREE there. */
    @GET
    @Path("incoming")
    public Uni<Page<TransferView>> incoming(@QueryParam("organizationId") @NotNull UUID organizationId,
                                            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                            @QueryParam("cursor") String cursor,
                                            @Context HttpHeaders headers) {
        return transfers.awaitingDecision(Callers.require(headers::getHeaderString), organizationId, limit, cursor);
    }

    @POST
    @Path("{id}/accept")
    public Uni<RestResponse<TransferView>> accept(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                  @Context HttpHeaders headers) {
        Long expected = ETags.expectedVersion(ifMatch);
        return transfers.accept(Callers.require(headers::getHeaderString), Channel.PEOPLE, id, expected).map(v -> ETags.written(v, v.version()));
    }

    @POST
    @Path("{id}/reject")
    public Uni<RestResponse<TransferView>> reject(@PathParam("id") UUID id, @NotNull @Valid RejectRequest request,
                                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                  @Context HttpHeaders headers) {
        Long expected = ETags.expectedVersion(ifMatch);
        return transfers.reject(Callers.require(headers::getHeaderString), Channel.PEOPLE, id,
                        request.reason().strip(), expected)
                .map(v -> ETags.written(v, v.version()));
    }

    @POST
    @Path("{id}/complete")
    public Uni<RestResponse<TransferView>> complete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                    @Context HttpHeaders headers) {
        Long expected = ETags.expectedVersion(ifMatch);
        return transfers.complete(Callers.require(headers::getHeaderString), Channel.PEOPLE, id, expected).map(v -> ETags.written(v, v.version()));
    }

    @POST
    @Path("{id}/cancel")
    public Uni<RestResponse<TransferView>> cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                  @Context HttpHeaders headers) {
        Long expected = ETags.expectedVersion(ifMatch);
        return transfers.cancel(Callers.require(headers::getHeaderString), id, expected).map(v -> ETags.written(v, v.version()));
    }
}
