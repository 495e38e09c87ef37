package sh.grassroots.notifications.inbox.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.notifications.access.model.NotificationAccessPolicy;
import sh.grassroots.notifications.inbox.model.Language;
import sh.grassroots.notifications.inbox.persistence.NotificationEntity;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Scope;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;
import sh.grassroots.platform.web.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A person's inbox: pages newest first, the unread count, marking read. Each person's alone. */
@ApplicationScoped
public class InboxService {
    /** The most a reconnecting stream is sent of what it missed; the rest is in the inbox. */
    public static final int MISSED_AT_MOST = 200;

    private final Rendering rendering;
    private final Clock clock;

    public InboxService(Rendering rendering, Clock clock) {
        this.rendering = rendering;
        this.clock = clock;
    }

    @WithSession
    public Uni<InboxPage> page(Caller caller, int limit, String cursor, boolean unreadOnly, Language language) {
        Callers.enforce(NotificationAccessPolicy.ownInbox(Scope.of(caller, null)));
        long before = cursor == null ? Long.MAX_VALUE : seqOf(cursor);
        String unread = unreadOnly ? " and readAt is null" : "";
        return NotificationEntity.<NotificationEntity>find("personId = ?1 and seq < ?2" + unread + " order by seq desc",
                        caller.subject(), before)
                .page(0, limit + 1).list()
                .chain(rows -> NotificationEntity.count("personId = ?1 and readAt is null", caller.subject())
                        .map(count -> {
                            Page<NotificationEntity> page = Page.of(rows, limit, n -> Cursors.encode(Long.toString(n.seq)));
                            return new InboxPage(page.items().stream().map(n -> rendering.view(n, language)).toList(),
                                    page.nextCursor(), count);
                        }));
    }

    @WithTransaction
    public Uni<NotificationView> markRead(Caller caller, UUID id, Language language) {
        return NotificationEntity.<NotificationEntity>find("id", id).firstResult().map(n -> {
            if (n == null) {
                throw ProblemException.notFound("Notification", id);
            }
            Callers.enforce(NotificationAccessPolicy.notification(Scope.of(caller, null), n.personId));
            if (n.readAt == null) {
                n.readAt = OffsetDateTime.now(clock);
            }
            return rendering.view(n, language);
        });
    }

    public record Marked(int marked) {
    }

    @WithTransaction
    public Uni<Marked> markAllRead(Caller caller) {
        Callers.enforce(NotificationAccessPolicy.ownInbox(Scope.of(caller, null)));
        return NotificationEntity.update("readAt = ?1 where personId = ?2 and readAt is null",
                OffsetDateTime.now(clock), caller.subject()).map(Marked::new);
    }

    /** What a stream reconnecting after {@code lastSeq} missed, oldest first. */
    @WithSession
    public Uni<List<NotificationEntity>> missed(Caller caller, long lastSeq) {
        Callers.enforce(NotificationAccessPolicy.ownInbox(Scope.of(caller, null)));
        return NotificationEntity.<NotificationEntity>find("personId = ?1 and seq > ?2 order by seq", caller.subject(), lastSeq)
                .page(0, MISSED_AT_MOST).list();
    }

    public NotificationView view(NotificationEntity n, Language language) {
        return rendering.view(n, language);
    }

    private static long seqOf(String cursor) {
        try {
            return Long.parseLong(Cursors.decode(cursor));
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }
}
