package sh.grassroots.training.credit.api;

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
import sh.grassroots.training.credit.application.CompletionReport;
import sh.grassroots.training.credit.application.CompletionReportService;
import sh.grassroots.training.credit.model.CreditLedger;

import java.time.Clock;
import java.util.UUID;

@Path("/api/v1/training/completion-reports")
public class CompletionReportResource {
    private final CompletionReportService reports;
    private final Clock clock;

    public CompletionReportResource(CompletionReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** Members of the organization and everything below it; {@code notMet=true} lists only those still short. */
    @GET
    @Path("{organizationId}")
    public Uni<CompletionReport> report(@PathParam("organizationId") UUID organizationId,
                                        @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                        @QueryParam("notMet") @DefaultValue("false") boolean notMet,
                                        @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                        @QueryParam("cursor") UUID cursor,
                                        @Context HttpHeaders headers) {
        return reports.report(Callers.require(headers::getHeaderString), organizationId, year == null ? CreditLedger.yearOf(clock.instant()) : year, notMet,
                cursor, limit);
    }
}
