package sh.grassroots.training.common.persistence;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The reactive pool as Quarkus configures it ({@code quarkus.datasource.reactive.*}), plus what
 * Quarkus has no setting for: how many requests may wait for a connection and for how long.
 * Vert.x's defaults are a line without end and 30 s; a burst then waits, but an overload piles
 * up without bound and each request waits as long as the gateway lets it. Here the line is bounded
 * and the wait ends before the gateway's own (gateway.bulkhead.max-wait-ms) would, so a request
 * that cannot get a connection in time is answered 503 {@code database-busy}
 * ({@link PoolWaitTranslator}) instead of timing out upstream. Sizes and measurements:
 * docs/performance-enrolment.md.
 */
@Singleton
public class BoundedPoolWait implements PgPoolCreator {
    private final int maxWaiting;
    private final Duration maxWait;

    public BoundedPoolWait(@ConfigProperty(name = "training.db.pool.max-waiting", defaultValue = "1000") int maxWaiting,
                           @ConfigProperty(name = "training.db.pool.max-wait", defaultValue = "10s") Duration maxWait) {
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
    }

    @Override
    @SuppressWarnings("deprecation") // Quarkus casts what a creator returns to PgPool
    public Pool create(Input input) {
        PoolOptions options = new PoolOptions(input.poolOptions())
                .setMaxWaitQueueSize(maxWaiting)
                .setConnectionTimeout((int) Math.max(1, maxWait.toMillis()))
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), options);
    }
}
