package sh.grassroots.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka and marks them published only after the broker acknowledged
 * them (acks=all), all inside one database transaction that holds the rows locked.
 *
 * <p>A transaction-scoped advisory lock lets one relay of a database publish at a time, which
 * keeps each aggregate's events in order across replicas; {@code FOR UPDATE SKIP LOCKED} is the
 * second guard that no row is ever handed to two relays at once. If Kafka is down the send
 * fails within {@code outbox.relay.send-timeout}, the transaction rolls back and the rows wait
 * for the next tick. Delivery is at least once; consumers deduplicate by event id.
 *
 * <p>Blocking JDBC on a worker thread is deliberate: nothing here runs in a reactive pipeline,
 * and a plain producer gives exact control of when a row counts as acknowledged.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK_KEY = 0x6f7574626f78L; // "outbox"

    private final AgroalDataSource dataSource;
    private final String bootstrapServers;
    private final int batchSize;
    private final long sendTimeoutMs;
    private final boolean enabled;
    private final Counter published;
    private final Counter failures;
    private volatile KafkaProducer<String, String> producer;

    public OutboxRelay(AgroalDataSource dataSource,
                       MeterRegistry registry,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "outbox.relay.batch-size", defaultValue = "200") int batchSize,
                       @ConfigProperty(name = "outbox.relay.send-timeout-ms", defaultValue = "5000") long sendTimeoutMs,
                       @ConfigProperty(name = "outbox.relay.enabled", defaultValue = "true") boolean enabled) {
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
        this.batchSize = batchSize;
        this.sendTimeoutMs = sendTimeoutMs;
        this.enabled = enabled;
        this.published = registry.counter("outbox.relay.published");
        this.failures = registry.counter("outbox.relay.failures");
    }

    @Scheduled(every = "${outbox.relay.interval:0.5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "outbox-relay")
    void tick() {
        if (!enabled) {
            return;
        }
        // Drain a backlog (e.g. after Kafka came back) without waiting a tick per batch.
        for (int round = 0; round < 50; round++) {
            if (publishBatch() < batchSize) {
                return;
            }
        }
    }

    /** Publishes at most one batch; returns how many rows were published (0 when another relay holds the lock). */
    public int publishBatch() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int count = publishLocked(connection);
                connection.commit();
                published.increment(count);
                return count;
            } catch (Exception e) {
                connection.rollback();
                failures.increment();
                LOG.warnf("Outbox relay could not publish, rows stay for the next attempt: %s", e.toString());
                return 0;
            }
        } catch (SQLException e) {
            LOG.warnf("Outbox relay has no database connection: %s", e.toString());
            return 0;
        }
    }

    private int publishLocked(Connection connection) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, event_id, topic, message_key, event_type, envelope from outbox_event "
                        + "where published_at is null order by id limit ? for update skip locked")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong("id"));
                    ProducerRecord<String, String> record = new ProducerRecord<>(
                            rs.getString("topic"), rs.getString("message_key"), rs.getString("envelope"));
                    record.headers().add("eventId", rs.getString("event_id").getBytes(StandardCharsets.UTF_8));
                    record.headers().add("eventType", rs.getString("event_type").getBytes(StandardCharsets.UTF_8));
                    acks.add(producer().send(record));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(sendTimeoutMs);
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        try (PreparedStatement mark = connection.prepareStatement(
                "update outbox_event set published_at = now(), attempts = attempts + 1 where id = any(?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            mark.setArray(1, array);
            mark.executeUpdate();
        }
        return ids.size();
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.LINGER_MS_CONFIG, 2,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) sendTimeoutMs,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) sendTimeoutMs,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeoutMs + 2,
                            ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay",
                            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
                }
                current = producer;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            current.close(java.time.Duration.ofSeconds(2));
        }
    }
}
