package sh.grassroots.org.branch.api;

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
import sh.grassroots.org.branch.application.DistrictSizeReport;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Page;

/** The size flags of a whole district (all its trees); a subtree's are at .../organizations/{id}/size-report. */
@Path("/api/v1/orgs/districts")
public class DistrictReportResource {
    private final DistrictSizeReport report;

    public DistrictReportResource(DistrictSizeReport report) {
        this.report = report;
    }

    /** For the district's admin only (see DistrictSizeReport). */
    @GET
    @Path("{code}/size-report")
    public Uni<Page<DistrictSizeReport.Row>> sizeReport(@PathParam("code") String code,
                                                        @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                                        @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        return report.of(Callers.require(headers::getHeaderString), code, limit, cursor);
    }
}
