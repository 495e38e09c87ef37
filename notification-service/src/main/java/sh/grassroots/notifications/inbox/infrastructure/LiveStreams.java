package sh.grassroots.notifications.inbox.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import sh.grassroots.notifications.inbox.application.Notify;
import sh.grassroots.notifications.inbox.application.NotificationView;
import sh.grassroots.notifications.inbox.application.Rendering;
import sh.grassroots.notifications.inbox.model.Language;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open streams of this replica and how they learn of new notifications. Whichever replica
 * consumed the event, its transaction ends with a pg_notify (see {@link Notify}), which PostgreSQL
 * delivers to every replica's LISTEN connection at commit, in commit order: each replica sends
 * the notification to the streams it holds for that person. Nothing is polled. If the LISTEN
 * connection is lost, every stream is closed: the phones reconnect with Last-Event-ID and are
 * sent what they missed from the table, so a gap never goes unnoticed.
 */
@ApplicationScoped
public class LiveStreams {
    private static final Logger LOG = Logger.getLogger(LiveStreams.class);

    private final Map<String, Set<Subscriber>> byPerson = new ConcurrentHashMap<>();
    private final Pool pool;
    private final Vertx vertx;
    private final Rendering rendering;
    private final ObjectMapper mapper;
    private final Duration heartbeat;
    private final AtomicInteger open = new AtomicInteger();
    private volatile SqlConnection listening;
    private volatile boolean stopping;

    public LiveStreams(Pool pool, Vertx vertx, Rendering rendering, ObjectMapper mapper, MeterRegistry registry,
                       @ConfigProperty(name = "notifications.stream.heartbeat") Duration heartbeat) {
        this.pool = pool;
        this.vertx = vertx;
        this.rendering = rendering;
        this.mapper = mapper;
        this.heartbeat = heartbeat;
        registry.gauge("notifications.streams.open", open);
    }

    /** One open stream: whose, in which language, and what it was sent (to send nothing twice). */
    public final class Subscriber {
        final String personId;
        final Language language;
        final SseEventSink sink;
        final Sse sse;
        private final Set<Long> sent = new HashSet<>();
        private List<Long> waiting = new ArrayList<>();

        Subscriber(String personId, Language language, SseEventSink sink, Sse sse) {
            this.personId = personId;
            this.language = language;
            this.sink = sink;
            this.sse = sse;
        }

        /** Sends what was missed, then whatever arrived meanwhile; from then on, sends as it comes. */
        public synchronized void caughtUp(List<NotificationView> missed) {
            missed.forEach(this::send);
            List<Long> arrived = waiting;
            waiting = null;
            arrived.forEach(seq -> load(seq, this));
        }

        synchronized void arrived(long seq) {
            if (waiting != null) {
                waiting.add(seq);
            } else {
                load(seq, this);
            }
        }

        synchronized void send(NotificationView view) {
            if (!sent.add(view.seq())) {
                return;
            }
            OutboundSseEvent event = sse.newEventBuilder().id(Long.toString(view.seq())).name("notification")
                    .data(json(view)).build();
            sink.send(event).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    close(this);
                }
            });
        }
    }

    /** Registers a stream before what it missed is read, so that nothing falls between the two. */
    public Subscriber open(String personId, Language language, SseEventSink sink, Sse sse) {
        Subscriber subscriber = new Subscriber(personId, language, sink, sse);
        byPerson.computeIfAbsent(personId, p -> new CopyOnWriteArraySet<>()).add(subscriber);
        open.incrementAndGet();
        // the response (200, text/event-stream) starts with a comment, so the phone knows it is connected
        sink.send(sse.newEventBuilder().comment("connected").build());
        return subscriber;
    }

    public void close(Subscriber subscriber) {
        Set<Subscriber> streams = byPerson.get(subscriber.personId);
        if (streams != null && streams.remove(subscriber)) {
            open.decrementAndGet();
            if (!subscriber.sink.isClosed()) {
                subscriber.sink.close();
            }
        }
    }

    void start(@Observes StartupEvent ignored) {
        listen();
        vertx.setPeriodic(heartbeat.toMillis(), id -> byPerson.values().forEach(streams -> streams.forEach(s -> {
            if (s.sink.isClosed()) {
                close(s);
            } else {
                s.sink.send(s.sse.newEventBuilder().comment("keep-alive").build())
                        .whenComplete((done, failure) -> {
                            if (failure != null) {
                                close(s);
                            }
                        });
            }
        })));
    }

    void stop(@Observes ShutdownEvent ignored) {
        stopping = true;
        byPerson.values().forEach(streams -> streams.forEach(this::close));
        if (listening != null) {
            listening.close();
        }
    }

    private void listen() {
        pool.getConnection().onComplete(got -> {
            if (got.failed()) {
                LOG.warnf("Cannot listen for new notifications (%s); trying again in 1 s", got.cause().toString());
                retry();
                return;
            }
            SqlConnection connection = got.result();
            PgConnection pg = PgConnection.cast(connection);
            pg.notificationHandler(n -> {
                if (Notify.WAKE_UP_CHANNEL.equals(n.getChannel())) {
                    arrived(n.getPayload());
                }
            });
            pg.closeHandler(v -> {
                listening = null;
                if (!stopping) {
                    LOG.warn("The connection listening for new notifications closed; closing the streams, listening again");
                    byPerson.values().forEach(streams -> streams.forEach(this::close));
                    retry();
                }
            });
            connection.query("LISTEN " + Notify.WAKE_UP_CHANNEL).execute().onComplete(listened -> {
                if (listened.failed()) {
                    LOG.warnf("LISTEN failed (%s); trying again in 1 s", listened.cause().toString());
                    connection.close();
                } else {
                    listening = connection;
                }
            });
        });
    }

    private void retry() {
        if (!stopping) {
            vertx.setTimer(1000, id -> listen());
        }
    }

    private void arrived(String payload) {
        long seq;
        try {
            seq = Long.parseLong(payload);
        } catch (NumberFormatException e) {
            return;
        }
        if (byPerson.isEmpty()) {
            return;
        }
        // whose it is takes a read; the streams that want it get it from one row
        pool.preparedQuery("select person_id from notification where seq = $1").execute(Tuple.of(seq)).onSuccess(rows -> {
            for (Row row : rows) {
                Set<Subscriber> streams = byPerson.get(row.getString("person_id"));
                if (streams != null) {
                    streams.forEach(s -> s.arrived(seq));
                }
            }
        });
    }

    private void load(long seq, Subscriber subscriber) {
        pool.preparedQuery("select id, person_id, kind, facts, created_at, read_at from notification where seq = $1")
                .execute(Tuple.of(seq)).onSuccess(rows -> {
                    for (Row row : rows) {
                        if (row.getString("person_id").equals(subscriber.personId)) {
                            subscriber.send(rendering.view(row.getUUID("id"), seq, row.getString("kind"),
                                    row.getString("facts"), row.getOffsetDateTime("created_at"),
                                    row.getOffsetDateTime("read_at"), subscriber.language));
                        }
                    }
                }).onFailure(failure -> {
                    LOG.warnf("Notification %d could not be read for a stream (%s); closing it so that it reconnects",
                            seq, failure.toString());
                    close(subscriber);
                });
    }

    private String json(NotificationView view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
