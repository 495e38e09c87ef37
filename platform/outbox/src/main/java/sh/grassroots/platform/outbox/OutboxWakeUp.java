package sh.grassroots.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;

/**
 * Wakes the {@link OutboxRelay} when outbox rows commit: a trigger on {@code outbox_event}
 * (platform migration V0_3) notifies channel {@value #CHANNEL} from the writing transaction, and
 * this bean LISTENs on one dedicated connection of its own (not one of the pools').
 *
 * <p>A dropped connection is reconnected with a growing pause (at most {@value #MAX_PAUSE_MS}
 * ms), and every (re)subscription triggers a relay pass, since notifications sent while nobody
 * listened are gone. The relay's poll stays the safety net for what still slips through.
 */
@ApplicationScoped
public class OutboxWakeUp {
    private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class);
    static final String CHANNEL = "outbox_event";
    /** The listening connection's name in {@code pg_stat_activity}, for operators and tests. */
    public static final String APPLICATION_NAME = "outbox-relay-listener";
    private static final long MAX_PAUSE_MS = 5000;

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final boolean enabled;
    private final Optional<String> url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile PgSubscriber subscriber;
    private volatile boolean stopping;

    public OutboxWakeUp(Vertx vertx, OutboxRelay relay,
                        @ConfigProperty(name = "outbox.relay.enabled", defaultValue = "true") boolean relayEnabled,
                        @ConfigProperty(name = "outbox.relay.listen", defaultValue = "true") boolean listen,
                        @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url,
                        @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                        @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.relay = relay;
        this.enabled = relayEnabled && listen && url.isPresent();
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            LOG.info("Outbox relay does not listen for commits; it publishes on its poll alone");
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.get())
                .setProperties(Map.of("application_name", APPLICATION_NAME));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        PgSubscriber s = PgSubscriber.subscriber(vertx, options);
        s.reconnectPolicy(retries -> stopping ? -1L : pause(retries));
        s.channel(CHANNEL)
                .subscribeHandler(subscribed -> {
                    LOG.debug("Outbox relay listens for commits");
                    relay.wake();
                })
                .handler(payload -> relay.wake());
        subscriber = s;
        connect(s, 0);
    }

    /** The first connection is retried like a dropped one: the database may start after the service. */
    private void connect(PgSubscriber s, int attempt) {
        s.connect().onFailure(failure -> {
            if (stopping) {
                return;
            }
            LOG.warnf("Outbox relay cannot listen for commits yet (it polls meanwhile): %s", failure.toString());
            vertx.setTimer(pause(attempt + 1), timer -> connect(s, attempt + 1));
        });
    }

    private static long pause(int retries) {
        return Math.min(MAX_PAUSE_MS, 100L << Math.min(retries, 6));
    }

    void stop(@Observes ShutdownEvent stopped) {
        stopping = true;
        PgSubscriber s = subscriber;
        if (s != null) {
            s.close();
        }
    }
}
