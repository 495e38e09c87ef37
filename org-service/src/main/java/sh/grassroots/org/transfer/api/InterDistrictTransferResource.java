package sh.grassroots.org.transfer.api;

import sh.grassroots.platform.web.ETags;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Page;
import sh.grassroots.org.transfer.application.TransferService;
import sh.grassroots.org.transfer.application.TransferService.Channel;
import sh.grassroots.org.transfer.application.TransferView;
import sh.grassroots.org.transfer.application.TransferringMemberCard;
import sh.grassroots.org.transfer.model.TransferStatus;

import java.util.UUID;

/**
 * The receiving side of an inter-district transfer, for the receiving district's own system
 * (its service identity; the gateway lets only those reach {@code /inter-district/v1}). A
 * district's system sees and acts on only the transfers addressed to an organization of its
 * district from another district; the same rules as {@code /api/v1} apply to the steps.
 */
@Path("/inter-district/v1/transfers")
public class InterDistrictTransferResource {
    private final TransferService transfers;

    public InterDistrictTransferResource(TransferService transfers) {
        this.transfers = transfers;
    }

    /** Transfers addressed to the caller's district, oldest first; the open ones unless {@code status} says. */
    @GET
    public Uni<Page<TransferView>> addressedToMe(@QueryParam("status") TransferStatus status,
                                                 @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                                 @QueryParam("cursor") String cursor,
                                                 @Context HttpHeaders headers) {
        return transfers.addressedToMe(Callers.require(headers::getHeaderString), status, limit, cursor);
    }

    @GET
    @Path("{id}")
    public Uni<RestResponse<TransferView>> get(@PathParam("id") UUID id,
                                               @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                               @Context HttpHeaders headers) {
        return transfers.get(Callers.require(headers::getHeaderString), Channel.DISTRICT_SYSTEM, id).map(view -> ETags.read(view, view.version(), ifNoneMatch));
    }

    /** The member being transferred, without unmasked personal data. */
    @GET
    @Path("{id}/member")
    public Uni<TransferringMemberCard> member(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return transfers.memberCard(Callers.require(headers::getHeaderString), id);
    }

    @POST
    @Path("{id}/accept")
    public Uni<RestResponse<TransferView>> accept(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                  @Context HttpHeaders headers) {
        Long expected = ETags.expectedVersion(ifMatch);
        return transfers.accept(Callers.require(headers::getHeaderString), Channel.DISTRICT_SYSTEM, id, expected)
                .map(v -> ETags.written(v, v.version()));
    }

    @POST
    @Path("{id}/reject")
    public Uni<RestResponse<TransferView>> reject(@PathParam("id") UUID id,
                                                  @NotNull @Valid TransferResource.RejectRequest request,
                                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                  @Context HttpHeaders headers) {
        Long expected = ETags.expectedVersion(ifMatch);
        return transfers.reject(Callers.require(headers::getHeaderString), Channel.DISTRICT_SYSTEM, id,
                        request.reason().strip(), expected)
                .map(v -> ETags.written(v, v.version()));
    }

    @POST
    @Path("{id}/complete")
    public Uni<RestResponse<TransferView>> complete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                    @Context HttpHeaders headers) {
        Long expected = ETags.expectedVersion(ifMatch);
        return transfers.complete(Callers.require(headers::getHeaderString), Channel.DISTRICT_SYSTEM, id, expected)
                .map(v -> ETags.written(v, v.version()));
    }
}
