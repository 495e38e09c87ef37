package sh.grassroots.org.branch.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import sh.grassroots.org.branch.application.BranchFormService;
import sh.grassroots.platform.web.Callers;

import java.math.BigDecimal;
import java.util.UUID;

/** A village (the general branch its grid branches stand under): its area, and the checks of its grids. */
@Path("/api/v1/orgs/villages")
public class VillageResource {
    private final BranchFormService forms;

    public VillageResource(BranchFormService forms) {
        this.forms = forms;
    }

    public record VillageRequest(@DecimalMax("100000") BigDecimal areaKm2, @Min(0) @Max(10_000_000) Integer households) {
    }

    @PUT
    @Path("{id}")
    public Uni<BranchFormService.VillageView> describeVillage(@PathParam("id") UUID id,
                                                              @NotNull @Valid VillageRequest request,
                                                              @Context HttpHeaders headers) {
        return forms.describeVillage(Callers.require(headers::getHeaderString), id, request.areaKm2(),
                request.households());
    }

    @GET
    @Path("{id}/grid-check")
    public Uni<BranchFormService.GridReportView> gridCheck(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return forms.gridCheck(Callers.require(headers::getHeaderString), id);
    }
}
