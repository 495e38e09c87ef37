package sh.grassroots.notifications.inbox.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.notifications.inbox.model.Kind;
import sh.grassroots.notifications.inbox.persistence.DeliveryEntity;
import sh.grassroots.notifications.inbox.persistence.NotificationEntity;
import sh.grassroots.notifications.preference.application.PreferenceService;
import sh.grassroots.notifications.preference.model.Channel;
import sh.grassroots.platform.outbox.Inbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns an event into a person's notification, once per event: the notification, the rows of the
 * outbound channels the person chose (sent later by delivery/), and a wake-up of the live
 * streams (pg_notify, delivered at commit) are written in one transaction with the event's id in
 * the inbox. A redelivered event finds its id and adds nothing: no second notification, no
 * second e-mail.
 */
@ApplicationScoped
public class Notify {
    public static final String WAKE_UP_CHANNEL = "notification_created";

    private final Inbox inbox;
    private final PreferenceService preferences;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Notify(Inbox inbox, PreferenceService preferences, ObjectMapper mapper, Clock clock) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** One event's notification for one person, or nothing when {@code personId} is null. */
    public record Tell(String personId, Kind kind, Map<String, String> facts) {
    }

    /**
     * Applies the event once: {@code work} runs inside the transaction (it may read projections or
     * update them) and answers whom to tell what, or null for nobody.
     */
    @WithTransaction
    public Uni<Boolean> once(String consumer, UUID eventId, java.util.function.Supplier<Uni<Tell>> work) {
        return inbox.once(consumer, eventId, () -> work.get().chain(tell -> tell == null || tell.personId() == null
                ? Uni.createFrom().voidItem() : notification(eventId, tell)));
    }

    private Uni<Void> notification(UUID eventId, Tell tell) {
        NotificationEntity n = new NotificationEntity();
        n.id = UUID.randomUUID();
        n.personId = tell.personId();
        n.kind = tell.kind().name();
        n.sourceEventId = eventId;
        n.facts = json(tell.facts());
        n.createdAt = OffsetDateTime.now(clock);
        return n.persistAndFlush()
                .chain(() -> preferences.of(tell.personId()))
                .chain(chosen -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Channel channel : chosen.outbound(tell.kind())) {
                        chain = chain.chain(() -> {
                            DeliveryEntity d = new DeliveryEntity();
                            d.notificationId = n.id;
                            d.channel = channel.name();
                            d.createdAt = n.createdAt;
                            return d.persist().replaceWithVoid();
                        });
                    }
                    return chain;
                })
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery("select cast(pg_notify(?1, ?2) as text)")
                        .setParameter(1, WAKE_UP_CHANNEL)
                        .setParameter(2, n.seq.toString())
                        .getResultList())
                .replaceWithVoid();
    }

    private String json(Map<String, String> facts) {
        Map<String, String> present = new TreeMap<>();
        new LinkedHashMap<>(facts).forEach((k, v) -> {
            if (v != null) {
                present.put(k, v);
            }
        });
        try {
            return mapper.writeValueAsString(present);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
