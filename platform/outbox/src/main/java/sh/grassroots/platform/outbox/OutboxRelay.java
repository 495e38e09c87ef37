package sh.grassroots.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Publishes outbox rows to Kafka and marks published exactly the rows the broker acknowledged
 * (acks=all), inside one database transaction that holds the rows locked.
 *
 * <p>A transaction-scoped advisory lock lets one relay of a database publish at a time, which
 * keeps each aggregate's events in order across replicas; {@code FOR UPDATE SKIP LOCKED} is the
 * second guard that no row is ever handed to two relays at once.
 *
 * <p>Each row of a batch is judged on its own. Acknowledged: published, even when another row
 * of the batch failed (nothing acknowledged is sent again). Failed while the broker answers (too
 * large, unknown topic, refused): the row's own fault, so {@code attempts} and
 * {@code last_error} are written and after {@code outbox.relay.max-attempts} it is parked.
 * Failed because the broker cannot be reached: nobody's fault; the row waits untouched and the
 * outage shows in {@link #state()} and the metrics. An aggregate's (topic and key's) later rows
 * are not sent in a batch where an earlier one failed, nor while an earlier one is parked, so its
 * events stay in order; other aggregates go on.
 *
 * <p>A pass runs when a commit adds outbox rows ({@link OutboxWakeUp} listens for them) and on
 * the poll ({@code outbox.relay.interval}), the safety net; passes never overlap in a process.
 *
 * <p>Blocking JDBC on a thread of its own is deliberate: nothing here runs in a reactive pipeline,
 * and a plain producer gives exact control of when a row counts as acknowledged.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK_KEY = 0x6f7574626f78L; // "outbox"
    private static final int MAX_ERROR_LENGTH = 1000;
    // Woken per commit, the relay may pass hundreds of times a second: the lag query need not.
    private static final long LAG_REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final AgroalDataSource dataSource;
    private final String bootstrapServers;
    private final int batchSize;
    private final long sendTimeoutMs;
    private final int maxAttempts;
    private final boolean enabled;
    private final Counter published;
    private final Counter failures;
    private final Counter parkedNow;
    private final AtomicLong unpublished = new AtomicLong();
    private final AtomicLong oldestUnpublishedAgeSeconds = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private volatile Producer<String, String> producer;
    private volatile Admin admin;
    private volatile Supplier<Producer<String, String>> producerFactory;
    private volatile BrokerState brokerState = new BrokerState(null, null, null);
    private final AtomicBoolean passRequested = new AtomicBoolean();
    private final AtomicBoolean passRunning = new AtomicBoolean();
    private final ExecutorService passes = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lagRefreshedAt = System.nanoTime() - LAG_REFRESH_NANOS - 1;

    /** What the relay last saw of the broker: when it last acknowledged a row, and the last outage. */
    public record BrokerState(Instant lastAcknowledged, Instant lastUnreachable, String lastError) {
        public boolean reachable() {
            return lastUnreachable == null || lastAcknowledged != null && lastAcknowledged.isAfter(lastUnreachable);
        }
    }

    /** The outbox as the metrics and the health detail show it. */
    public record Lag(long unpublished, long oldestUnpublishedAgeSeconds, long parked) {
    }

    public OutboxRelay(AgroalDataSource dataSource,
                       MeterRegistry registry,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "outbox.relay.batch-size", defaultValue = "200") int batchSize,
                       @ConfigProperty(name = "outbox.relay.send-timeout-ms", defaultValue = "5000") long sendTimeoutMs,
                       @ConfigProperty(name = "outbox.relay.max-attempts", defaultValue = "5") int maxAttempts,
                       @ConfigProperty(name = "outbox.relay.enabled", defaultValue = "true") boolean enabled) {
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
        this.batchSize = batchSize;
        this.sendTimeoutMs = sendTimeoutMs;
        this.maxAttempts = maxAttempts;
        this.enabled = enabled;
        this.published = registry.counter("outbox.relay.published");
        this.failures = registry.counter("outbox.relay.failures");
        this.parkedNow = registry.counter("outbox.relay.parked.rows");
        registry.gauge("outbox.unpublished", unpublished);
        registry.gauge("outbox.oldest.unpublished.age.seconds", oldestUnpublishedAgeSeconds);
        registry.gauge("outbox.parked", parked);
    }

    /**
     * The poll: the safety net behind {@link #wake()} (a notification missed while the listener
     * reconnected, rows left by another replica's failed pass).
     */
    @Scheduled(every = "${outbox.relay.interval:0.5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "outbox-relay")
    void tick() {
        wake();
    }

    /**
     * Asks for a relay pass soon, without blocking the caller (the listener calls it on an event
     * loop). Wake-ups coalesce: at most one pass runs at a time, and one asked for during a pass
     * makes exactly one more pass after it, which sees every row committed meanwhile.
     */
    public void wake() {
        if (!enabled) {
            return;
        }
        passRequested.set(true);
        if (passRunning.compareAndSet(false, true)) {
            try {
                passes.execute(this::runPasses);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                passRunning.set(false);
            }
        }
    }

    private void runPasses() {
        try {
            while (passRequested.getAndSet(false)) {
                pass();
            }
        } finally {
            passRunning.set(false);
        }
        // A wake-up between the last check and the flag's reset would otherwise wait for the poll.
        if (passRequested.get()) {
            wake();
        }
    }

    private void pass() {
        try {
            // Drain a backlog (e.g. after Kafka came back) without waiting a tick per batch.
            for (int round = 0; round < 50; round++) {
                if (publishBatch() < batchSize) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay pass failed, the next one retries: %s", e.toString());
        } finally {
            long now = System.nanoTime();
            if (now - lagRefreshedAt > LAG_REFRESH_NANOS) {
                lagRefreshedAt = now;
                refreshLag();
            }
        }
    }

    /** The broker as the relay last saw it; never calls the broker, so a health check answers at once. */
    public BrokerState state() {
        return brokerState;
    }

    /** The outbox's lag as of the last pass (refreshed at most twice a second). */
    public Lag lag() {
        return new Lag(unpublished.get(), oldestUnpublishedAgeSeconds.get(), parked.get());
    }

    /** Tests hand the relay a producer that fails as they need; the next batch uses it. */
    public void useProducer(Supplier<Producer<String, String>> factory) {
        Producer<String, String> previous = producer;
        producerFactory = factory;
        producer = null;
        if (previous != null) {
            previous.close(Duration.ofSeconds(1));
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

    private record Row(long id, String topic, String key, String traceparent, ProducerRecord<String, String> record) {
        String aggregate() {
            return topic + '\u0000' + key;
        }
    }

    private record Sent(Row row, Future<RecordMetadata> ack) {
    }

    private record Failed(Row row, Throwable error) {
    }

    private int publishLocked(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        List<Row> rows = pending(connection);
        if (rows.isEmpty()) {
            return 0;
        }
        Set<String> blocked = new HashSet<>();
        Map<Long, Span> spans = new HashMap<>();
        Map<String, Throwable> unavailableTopics = new HashMap<>();
        List<Sent> sent = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        for (Row row : rows) {
            if (blocked.contains(row.aggregate())) {
                continue; // waits behind its aggregate's earlier row, untouched
            }
            Throwable topicFailure = unavailableTopics.get(row.topic());
            if (topicFailure != null) {
                failed.add(new Failed(row, topicFailure));
                blocked.add(row.aggregate());
                continue;
            }
            Span span = publishSpan(row);
            spans.put(row.id(), span);
            Future<RecordMetadata> ack;
            try {
                ack = producer().send(row.record());
            } catch (RuntimeException e) {
                ack = java.util.concurrent.CompletableFuture.failedFuture(e);
            }
            // Failures found before anything went on the wire (too large, no metadata for the topic)
            // are known now: the aggregate's later rows are then not sent at all.
            Throwable early = failedAlready(ack);
            if (early != null) {
                failed.add(new Failed(row, early));
                blocked.add(row.aggregate());
                if (early instanceof org.apache.kafka.common.errors.TimeoutException) {
                    unavailableTopics.put(row.topic(), early);
                }
            } else {
                sent.add(new Sent(row, ack));
            }
        }
        List<Long> acknowledged = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(sendTimeoutMs);
        for (Sent s : sent) {
            try {
                s.ack().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(s.row().id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(new Failed(s.row(), e));
            } catch (ExecutionException e) {
                failed.add(new Failed(s.row(), e.getCause()));
            } catch (java.util.concurrent.TimeoutException e) {
                failed.add(new Failed(s.row(), e));
            }
        }
        for (Failed f : failed) {
            Span span = spans.get(f.row().id());
            if (span != null) {
                span.setStatus(StatusCode.ERROR, describe(f.error()));
            }
        }
        spans.values().forEach(Span::end);
        markPublished(connection, acknowledged);
        if (!acknowledged.isEmpty()) {
            brokerState = new BrokerState(Instant.now(), brokerState.lastUnreachable(), brokerState.lastError());
        }
        if (!failed.isEmpty()) {
            recordFailures(connection, failed, !acknowledged.isEmpty());
        }
        return acknowledged.size();
    }

    private List<Row> pending(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, event_id, topic, message_key, event_type, envelope, traceparent from outbox_event o "
                        + "where published_at is null and parked_at is null "
                        + "and not exists (select 1 from outbox_event p where p.published_at is null "
                        + "  and p.parked_at is not null and p.topic = o.topic and p.message_key = o.message_key and p.id < o.id) "
                        + "order by id limit ? for update skip locked")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(
                            rs.getString("topic"), rs.getString("message_key"), rs.getString("envelope"));
                    record.headers().add("eventId", rs.getString("event_id").getBytes(StandardCharsets.UTF_8));
                    record.headers().add("eventType", rs.getString("event_type").getBytes(StandardCharsets.UTF_8));
                    rows.add(new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("message_key"),
                            rs.getString("traceparent"), record));
                }
            }
        }
        return rows;
    }

    /**
     * The row's Kafka hop as a producer span, a child of the work that recorded the row (its
     * traceparent column), not of this pass; its context goes into the record's headers, where the
     * consumers' tracing continues it.
     */
    private static Span publishSpan(Row row) {
        Span span = EventTracing.tracer().spanBuilder(row.topic() + " publish")
                .setParent(EventTracing.contextOf(row.traceparent()))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", row.topic())
                .setAttribute("messaging.kafka.message.key", row.key())
                .startSpan();
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), row.record().headers(),
                (headers, name, value) -> headers.remove(name).add(name, value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    private static Throwable failedAlready(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static void markPublished(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement mark = connection.prepareStatement(
                "update outbox_event set published_at = now(), attempts = attempts + 1 where id = any(?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            mark.setArray(1, array);
            mark.executeUpdate();
        }
    }

    /**
     * A failure counts against its row when it cannot be the broker's (not retriable: too large,
     * an invalid topic, refused), or when the broker was reachable all the same: it acknowledged
     * another row of this batch, or answers a cluster description now. Otherwise the broker is
     * away and the rows wait untouched.
     */
    private void recordFailures(Connection connection, List<Failed> failed, boolean brokerAnswered) throws SQLException {
        boolean reachable = brokerAnswered;
        boolean anyRetriable = failed.stream().anyMatch(f -> f.error() instanceof RetriableException
                || f.error() instanceof java.util.concurrent.TimeoutException);
        if (!reachable && anyRetriable) {
            reachable = brokerAnswers();
        }
        if (!reachable) {
            String error = describe(failed.get(0).error());
            brokerState = new BrokerState(brokerState.lastAcknowledged(), Instant.now(), error);
            LOG.warnf("Outbox relay cannot reach the broker; %d rows wait: %s", failed.size(), error);
        }
        int parkedHere = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set attempts = attempts + 1, last_error = ?, "
                        + "parked_at = case when attempts + 1 >= ? then now() end where id = ? returning parked_at")) {
            for (Failed f : failed) {
                boolean retriable = f.error() instanceof RetriableException
                        || f.error() instanceof java.util.concurrent.TimeoutException;
                if (retriable && !reachable) {
                    continue;
                }
                update.setString(1, describe(f.error()));
                update.setInt(2, maxAttempts);
                update.setLong(3, f.row().id());
                try (ResultSet rs = update.executeQuery()) {
                    if (rs.next() && rs.getTimestamp(1) != null) {
                        parkedHere++;
                        LOG.errorf("Outbox row %d (%s, key %s) parked after %d attempts: %s; later events of its "
                                        + "aggregate wait behind it (see docs/events.md, Parked rows)",
                                f.row().id(), f.row().topic(), f.row().key(), maxAttempts, describe(f.error()));
                    } else {
                        LOG.warnf("Outbox row %d (%s, key %s) could not be published: %s",
                                f.row().id(), f.row().topic(), f.row().key(), describe(f.error()));
                    }
                }
            }
        }
        parkedNow.increment(parkedHere);
    }

    private boolean brokerAnswers() {
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000)).clusterId().get(2500, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String describe(Throwable error) {
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    /** Unpublished rows that may still go out, the age of the oldest, and parked rows. */
    void refreshLag() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) filter (where parked_at is null), "
                             + "coalesce(extract(epoch from now() - min(created_at) filter (where parked_at is null)), 0), "
                             + "count(*) filter (where parked_at is not null) "
                             + "from outbox_event where published_at is null");
             ResultSet rs = query.executeQuery()) {
            rs.next();
            unpublished.set(rs.getLong(1));
            oldestUnpublishedAgeSeconds.set((long) rs.getDouble(2));
            parked.set(rs.getLong(3));
        } catch (SQLException e) {
            LOG.debugf("Outbox lag not refreshed: %s", e.toString());
        }
    }

    private Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Supplier<Producer<String, String>> factory = producerFactory;
                    producer = factory != null ? factory.get() : new KafkaProducer<>(Map.of(
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

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            AdminClientConfig.CLIENT_ID_CONFIG, "outbox-relay-probe",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2500));
                }
                current = admin;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        passes.shutdown();
        try {
            passes.awaitTermination(sendTimeoutMs + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Producer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(2));
        }
        Admin probe = admin;
        if (probe != null) {
            probe.close(Duration.ofSeconds(1));
        }
    }
}
