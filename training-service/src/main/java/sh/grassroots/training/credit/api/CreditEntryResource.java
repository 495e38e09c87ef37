package sh.grassroots.training.credit.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import sh.grassroots.platform.web.Callers;
import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.training.credit.application.CreditService;
import sh.grassroots.training.credit.application.CreditView;

import java.util.UUID;

@Path("/api/v1/training/credit-entries")
public class CreditEntryResource {
    private final CreditService credits;

    public CreditEntryResource(CreditService credits) {
        this.credits = credits;
    }

    /** The reason is checked by the ledger rules, so that a missing one is named as such. */
    public record ReversalRequest(@Size(max = 500) String reason) {
    }

    @POST
    @Path("{id}/reversal")
    public Uni<RestResponse<CreditView.Entry>> reverse(@PathParam("id") UUID entryId, @NotNull @Valid ReversalRequest r,
                                                       @Context HttpHeaders headers) {
        return credits.reverse(Callers.require(headers::getHeaderString), entryId, r.reason())
                .map(entry -> RestResponse.ResponseBuilder.<CreditView.Entry>create(RestResponse.Status.CREATED)
                        .entity(entry).type(MediaType.APPLICATION_JSON).build());
    }
}
