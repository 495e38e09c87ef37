package sh.grassroots.training.calendar.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.training.calendar.application.CalendarSubscriptions;
import sh.grassroots.training.calendar.model.SubscribedCalendar.SubjectKind;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The caller's secret calendar feed URLs: made (the token is in this answer and nowhere else,
 * ever), listed, revoked. The URL is served by the gateway without any header.
 */
@Path("/api/v1/me/calendar-subscriptions")
public class CalendarSubscriptionResource {
    private final CalendarSubscriptions subscriptions;
    private final String publicBaseUrl;

    public CalendarSubscriptionResource(CalendarSubscriptions subscriptions,
                                        @ConfigProperty(name = "training.calendar.public-base-url") String publicBaseUrl) {
        this.subscriptions = subscriptions;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** Without {@code organizationId} ({@code {}}): the caller's own lessons and bookings. */
    public record NewSubscription(UUID organizationId) {
    }

    public record CreatedSubscription(UUID id, SubjectKind kind, UUID subjectId, String url, OffsetDateTime createdAt) {
    }

    public record Subscription(UUID id, SubjectKind kind, UUID subjectId, OffsetDateTime createdAt) {
    }

    public record Subscriptions(List<Subscription> items) {
    }

    @POST
    public Uni<RestResponse<CreatedSubscription>> create(NewSubscription request, @Context HttpHeaders headers) {
        return subscriptions.create(Callers.require(headers::getHeaderString), request == null ? null : request.organizationId())
                .map(c -> RestResponse.ResponseBuilder.<CreatedSubscription>created(URI.create("/api/v1/me/calendar-subscriptions/" + c.id()))
                        .entity(new CreatedSubscription(c.id(), c.kind(), c.subjectId(),
                                publicBaseUrl + PublicCalendarResource.PATH + "/" + c.token() + ".ics", c.createdAt()))
                        .header("Cache-Control", "no-store")
                        .build());
    }

    @GET
    public Uni<Subscriptions> mine(@Context HttpHeaders headers) {
        return subscriptions.mine(Callers.require(headers::getHeaderString)).map(rows -> new Subscriptions(rows.stream()
                .map(s -> new Subscription(s.id(), s.kind(), s.subjectId(), s.createdAt())).toList()));
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> revoke(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return subscriptions.revoke(Callers.require(headers::getHeaderString), id).map(done -> RestResponse.noContent());
    }
}
