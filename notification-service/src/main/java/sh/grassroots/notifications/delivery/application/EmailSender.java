package sh.grassroots.notifications.delivery.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import sh.grassroots.notifications.delivery.model.EmailBody;
import sh.grassroots.notifications.delivery.model.EmailMessage;
import sh.grassroots.notifications.inbox.application.Rendering;
import sh.grassroots.notifications.inbox.model.Kind;
import sh.grassroots.notifications.inbox.model.Language;
import sh.grassroots.notifications.inbox.model.NotificationText;
import sh.grassroots.notifications.inbox.persistence.DeliveryEntity;
import sh.grassroots.notifications.inbox.persistence.NotificationEntity;
import sh.grassroots.notifications.preference.application.PreferenceService;
import sh.grassroots.notifications.preference.model.Channel;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Sends the e-mails the notifications asked for, each delivery row once. A row is leased in a
 * short transaction (FOR UPDATE SKIP LOCKED: another replica takes other rows), sent outside any
 * transaction (an SMTP conversation must not hold a database connection and locks), and marked
 * sent in another. A failed send is tried again later, with a longer wait each time, and given up
 * after notifications.email.max-attempts; the notification stays in the inbox either way. A
 * process that dies between the server's acceptance and the mark sends that one mail again when
 * the lease runs out: at least once, which for a reminder beats at most once.
 */
@ApplicationScoped
public class EmailSender {
    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    static final Duration LEASE = Duration.ofSeconds(60);

    private final EmailChannel channel;
    private final PreferenceService preferences;
    private final Rendering rendering;
    private final MeterRegistry registry;
    private final Clock clock;
    private final int batch;
    private final int maxAttempts;

    public EmailSender(EmailChannel channel, PreferenceService preferences, Rendering rendering, MeterRegistry registry,
                       Clock clock, @ConfigProperty(name = "notifications.email.batch") int batch,
                       @ConfigProperty(name = "notifications.email.max-attempts") int maxAttempts) {
        this.channel = channel;
        this.preferences = preferences;
        this.rendering = rendering;
        this.registry = registry;
        this.clock = clock;
        this.batch = batch;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(every = "${notifications.email.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sendPending() {
        Context context = Vertx.currentContext();
        Executor onContext = task -> context.runOnContext(v -> task.run());
        return lease().chain(ids -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Long id : ids) {
                chain = chain.chain(() -> sendOne(id, onContext));
            }
            return chain;
        });
    }

    private Uni<List<Long>> lease() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        select id from delivery
                        where sent_at is null and given_up_at is null and channel = ?1
                          and (leased_until is null or leased_until < ?2)
                        order by id limit ?3 for update skip locked""", Long.class)
                .setParameter(1, Channel.EMAIL.name()).setParameter(2, now).setParameter(3, batch)
                .getResultList()
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(ids)
                        : s.createNativeQuery("update delivery set leased_until = ?1, attempts = attempts + 1 where id in (?2)")
                        .setParameter(1, now.plus(LEASE)).setParameter(2, ids).executeUpdate().replaceWith(ids))));
    }

    private Uni<Void> sendOne(long deliveryId, Executor onContext) {
        return Panache.withSession(() -> DeliveryEntity.<DeliveryEntity>findById(deliveryId)
                        .chain(d -> NotificationEntity.<NotificationEntity>find("id", d.notificationId).firstResult()
                                .chain(n -> preferences.emailOf(n.personId).map(address -> address.map(a -> {
                                    Kind kind = Kind.valueOf(n.kind);
                                    Map<String, String> facts = rendering.facts(n.facts);
                                    return EmailBody.of(a.value(), NotificationText.render(kind, facts, Language.ZH),
                                            NotificationText.render(kind, facts, Language.EN),
                                            NotificationText.nextStep(kind, facts));
                                })))))
                .chain(message -> message.isEmpty() ? mark(deliveryId, null, "no e-mail address any more", true)
                        : channel.send(message.get())
                        .emitOn(onContext)
                        .chain(() -> mark(deliveryId, OffsetDateTime.now(clock), null, false))
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("E-mail of delivery %d not accepted: %s", deliveryId, failure.toString());
                            return Uni.createFrom().voidItem().emitOn(onContext)
                                    .chain(() -> failed(deliveryId, failure.toString()));
                        }));
    }

    private Uni<Void> mark(long deliveryId, OffsetDateTime sentAt, String error, boolean giveUp) {
        return Panache.withTransaction(() -> DeliveryEntity.<DeliveryEntity>findById(deliveryId).invoke(d -> {
            d.sentAt = sentAt;
            d.lastError = error;
            d.leasedUntil = null;
            if (giveUp) {
                d.givenUpAt = OffsetDateTime.now(clock);
            }
            registry.counter("notifications.emails", "outcome", sentAt != null ? "sent" : "given-up").increment();
        })).replaceWithVoid();
    }

    private Uni<Void> failed(long deliveryId, String error) {
        return Panache.withTransaction(() -> DeliveryEntity.<DeliveryEntity>findById(deliveryId).invoke(d -> {
            d.lastError = error.length() > 500 ? error.substring(0, 500) : error;
            if (d.attempts >= maxAttempts) {
                d.givenUpAt = OffsetDateTime.now(clock);
                registry.counter("notifications.emails", "outcome", "given-up").increment();
            } else {
                d.leasedUntil = OffsetDateTime.now(clock).plusSeconds(30L << Math.min(d.attempts, 6));
                registry.counter("notifications.emails", "outcome", "retry").increment();
            }
        })).replaceWithVoid();
    }
}
