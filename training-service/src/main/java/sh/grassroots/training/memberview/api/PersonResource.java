package sh.grassroots.training.memberview.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.training.credit.application.CreditService;
import sh.grassroots.training.credit.application.CreditView;
import sh.grassroots.training.credit.model.CreditLedger;
import sh.grassroots.training.memberview.application.MemberViewService;
import sh.grassroots.training.memberview.application.MySession;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The member's own view for the mobile app: for the member themselves, and for whoever may
 * READ_TRAINING at their home organization; 403 for anyone else.
 */
@Path("/api/v1/training/people")
public class PersonResource {
    private final MemberViewService view;
    private final CreditService credits;
    private final Clock clock;

    public PersonResource(MemberViewService view, CreditService credits, Clock clock) {
        this.view = view;
        this.credits = credits;
        this.clock = clock;
    }

    public record MySessions(List<MySession> items) {
    }

    @GET
    @Path("{personId}/sessions")
    public Uni<MySessions> upcoming(@PathParam("personId") UUID personId, @Context HttpHeaders headers) {
        return view.upcoming(Callers.require(headers::getHeaderString), personId).map(MySessions::new);
    }

    @GET
    @Path("{personId}/sessions.ics")
    @Produces("text/calendar;charset=utf-8")
    public Uni<String> calendar(@PathParam("personId") UUID personId, @Context HttpHeaders headers) {
        return view.calendar(Callers.require(headers::getHeaderString), personId);
    }

    /** Credit hours in a study year (this year in Shanghai when not given) against the requirement. */
    @GET
    @Path("{personId}/credit-hours")
    public Uni<CreditView.Year> creditHours(@PathParam("personId") UUID personId,
                                            @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                            @Context HttpHeaders headers) {
        return credits.year(Callers.require(headers::getHeaderString), personId,
                year == null ? CreditLedger.yearOf(clock.instant()) : year);
    }
}
