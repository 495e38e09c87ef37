package sh.grassroots.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Prunes what the outbox and the inbox no longer need, on a schedule, in small batches.
 * <ul>
 *   <li>published outbox rows after {@code outbox.retention} (default 7 days): once on the topic
 *       they are only a record for an operator; unpublished and parked rows are never pruned;</li>
 *   <li>inbox rows ({@code processed_event}) after {@code inbox.retention} (default 30 days).
 *       An id must be remembered for as long as its event can be delivered to the same consumer
 *       again: that is longer than the topics' retention (7 days on the local broker), than a
 *       dead-letter topic's (14 days in k8s, so a re-drive within it is still deduplicated) and
 *       than Kafka's committed-offset retention (7 days), after which a group starts again from
 *       the earliest record.</li>
 * </ul>
 * "off" keeps rows for good (e.g. where domain topics keep everything and may be replayed
 * from the beginning into an existing consumer group).
 */
@ApplicationScoped
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class);
    private static final int BATCH = 5000;

    private final AgroalDataSource dataSource;
    private final Optional<Duration> outboxRetention;
    private final Optional<Duration> inboxRetention;
    private final Counter outboxPruned;
    private final Counter inboxPruned;

    public Retention(AgroalDataSource dataSource, MeterRegistry registry,
                     @ConfigProperty(name = "outbox.retention", defaultValue = "P7D") String outboxRetention,
                     @ConfigProperty(name = "inbox.retention", defaultValue = "P30D") String inboxRetention) {
        this.dataSource = dataSource;
        this.outboxRetention = parse(outboxRetention);
        this.inboxRetention = parse(inboxRetention);
        this.outboxPruned = registry.counter("outbox.pruned.rows");
        this.inboxPruned = registry.counter("inbox.pruned.rows");
    }

    static Optional<Duration> parse(String value) {
        return "off".equalsIgnoreCase(value.trim()) ? Optional.empty() : Optional.of(Duration.parse(value.trim()));
    }

    @Scheduled(every = "${outbox.prune.every:1h}", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "outbox-inbox-retention")
    void prune() {
        try {
            pruneNow();
        } catch (SQLException e) {
            LOG.warnf("Outbox/inbox pruning failed, will try at the next run: %s", e.toString());
        }
    }

    /** Returns {outbox rows, inbox rows} deleted. */
    public long[] pruneNow() throws SQLException {
        long outbox = outboxRetention.isEmpty() ? 0 : deleteOlder(
                "delete from outbox_event where id in (select id from outbox_event "
                        + "where published_at < now() - make_interval(secs => ?) limit " + BATCH + ")", outboxRetention.get());
        long inbox = inboxRetention.isEmpty() ? 0 : deleteOlder(
                "delete from processed_event where ctid in (select ctid from processed_event "
                        + "where processed_at < now() - make_interval(secs => ?) limit " + BATCH + ")", inboxRetention.get());
        outboxPruned.increment(outbox);
        inboxPruned.increment(inbox);
        if (outbox + inbox > 0) {
            LOG.infof("Pruned %d published outbox rows and %d inbox rows", outbox, inbox);
        }
        return new long[]{outbox, inbox};
    }

    private long deleteOlder(String sql, Duration retention) throws SQLException {
        long total = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setDouble(1, retention.toSeconds());
                int deleted;
                do {
                    deleted = delete.executeUpdate();
                    total += deleted;
                } while (deleted == BATCH);
            }
        }
        return total;
    }
}
