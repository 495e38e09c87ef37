package sh.grassroots.training.calendar.api;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.training.calendar.application.CalendarFeeds;
import sh.grassroots.training.calendar.model.FeedRateLimit;
import sh.grassroots.training.calendar.model.FeedTokens;
import sh.grassroots.training.calendar.model.SubscribedCalendar;

import java.time.Clock;
import java.util.HexFormat;

/**
 * {@code GET /calendar/{token}.ics}: the feed a phone calendar subscribes to, public by its
 * token (no caller headers: a calendar app sends none). Limited per token before anything is
 * looked up (429 with Retry-After); a token that is unknown, revoked or not a token at all is
 * the same 404; the ETag lets a refresh with nothing new end in a 304.
 */
@Path(PublicCalendarResource.PATH + "/{token}.ics")
public class PublicCalendarResource {
    static final String PATH = "/calendar";
    private static final String TEXT_CALENDAR = "text/calendar;charset=utf-8";

    private final CalendarFeeds feeds;
    private final FeedRateLimit limit;

    public PublicCalendarResource(CalendarFeeds feeds, FeedRateLimit limit) {
        this.feeds = feeds;
        this.limit = limit;
    }

    @GET
    @jakarta.ws.rs.Produces({TEXT_CALENDAR, Problem.MEDIA_TYPE})
    public Uni<RestResponse<Object>> feed(@PathParam("token") String token, @Context HttpHeaders headers) {
        FeedRateLimit.Decision decision = limit.take(HexFormat.of().formatHex(FeedTokens.hash(token)));
        if (!decision.allowed()) {
            return Uni.createFrom().item(RestResponse.ResponseBuilder.create(429)
                    .type(Problem.MEDIA_TYPE)
                    .header("Retry-After", Long.toString(decision.retryAfterSeconds()))
                    .entity((Object) Problem.of(429, "rate-limited", "Too Many Requests",
                            "Too many requests for this calendar feed; retry after " + decision.retryAfterSeconds() + "s")
                            .at(PATH + "/…"))
                    .build());
        }
        return feeds.byToken(token).map(found -> {
            if (found.isEmpty()) {
                return RestResponse.ResponseBuilder.create(404).type(Problem.MEDIA_TYPE)
                        .entity((Object) Problem.of(404, "not-found", "Calendar feed not found",
                                "No calendar feed at this address").at(PATH + "/…"))
                        .build();
            }
            SubscribedCalendar.Feed feed = found.get();
            if (SubscribedCalendar.notModified(headers.getHeaderString("If-None-Match"), feed.etag())) {
                return RestResponse.ResponseBuilder.create(304).header("ETag", feed.etag())
                        .header("Cache-Control", "private, no-cache").build();
            }
            return RestResponse.ResponseBuilder.ok((Object) feed.body()).type(TEXT_CALENDAR)
                    .header("ETag", feed.etag()).header("Cache-Control", "private, no-cache").build();
        });
    }

    /** One limit for every token, shared by the requests this replica serves. */
    @ApplicationScoped
    static class Limits {
        @Produces
        @ApplicationScoped
        FeedRateLimit feedRateLimit(@ConfigProperty(name = "training.calendar.feed-requests-per-minute") int perMinute,
                                    Clock clock) {
            return new FeedRateLimit(perMinute, 100_000, clock);
        }
    }
}
