package sh.grassroots.notifications.inbox.api;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import sh.grassroots.notifications.inbox.application.InboxPage;
import sh.grassroots.notifications.inbox.application.InboxService;
import sh.grassroots.notifications.inbox.application.NotificationView;
import sh.grassroots.notifications.inbox.infrastructure.LiveStreams;
import sh.grassroots.notifications.inbox.model.Language;
import sh.grassroots.notifications.access.model.NotificationAccessPolicy;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Scope;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

import java.util.List;
import java.util.UUID;

/** The caller's own notifications: a page, marking read, and the live stream. */
@Path("/api/v1/me/notifications")
public class NotificationResource {
    private final InboxService inbox;
    private final LiveStreams streams;

    public NotificationResource(InboxService inbox, LiveStreams streams) {
        this.inbox = inbox;
        this.streams = streams;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<InboxPage> page(@QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("cursor") String cursor,
                               @QueryParam("unread") @DefaultValue("false") boolean unread, @Context HttpHeaders headers) {
        if (limit < 1 || limit > 100) {
            throw new ProblemException(Problem.withErrors(400, "validation", "Invalid request", "limit is 1 to 100",
                    List.of(new Problem.FieldError("limit", "must be between 1 and 100"))));
        }
        return inbox.page(Callers.require(headers::getHeaderString), limit, cursor, unread, language(headers));
    }

    @POST
    @Path("{id}/read")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<NotificationView> read(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return inbox.markRead(Callers.require(headers::getHeaderString), id, language(headers));
    }

    @POST
    @Path("read-all")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<InboxService.Marked> readAll(@Context HttpHeaders headers) {
        return inbox.markAllRead(Callers.require(headers::getHeaderString));
    }

    /**
     * Server-sent events: each new notification as an event {@code notification} whose id is its
     * {@code seq}; a reconnect with {@code Last-Event-ID} is first sent what it missed (at most
     * {@link InboxService#MISSED_AT_MOST}, oldest first). Comments keep the connection alive.
     */
    @GET
    @Path("stream")
    @NonBlocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context HttpHeaders headers, @Context SseEventSink sink, @Context Sse sse) {
        Caller caller = Callers.require(headers::getHeaderString);
        // refused before the stream's 200 goes out
        Callers.enforce(NotificationAccessPolicy.ownInbox(Scope.of(caller, null)));
        Long last = lastEventId(headers.getHeaderString("Last-Event-ID"));
        Language language = language(headers);
        LiveStreams.Subscriber subscriber = streams.open(caller.subject(), language, sink, sse);
        if (last == null) {
            subscriber.caughtUp(List.of());
            return;
        }
        inbox.missed(caller, last).subscribe().with(
                missed -> subscriber.caughtUp(missed.stream().map(n -> inbox.view(n, language)).toList()),
                failure -> streams.close(subscriber));
    }

    static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.withErrors(400, "invalid-field", "Invalid request",
                    "Last-Event-ID is the id of an event this stream sent",
                    List.of(new Problem.FieldError("Last-Event-ID", "must be an event id this stream sent"))));
        }
    }

    static Language language(HttpHeaders headers) {
        return Language.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
