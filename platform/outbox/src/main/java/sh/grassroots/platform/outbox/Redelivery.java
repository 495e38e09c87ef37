package sh.grassroots.platform.outbox;

import io.micrometer.core.instrument.Metrics;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;
import sh.grassroots.platform.persistence.DatabaseFailures;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How a consumer tries an event again. The message is acknowledged only when its Uni succeeds,
 * so while it is being retried the connector commits nothing past it: its partition waits
 * (SmallRye's throttled commit strategy), and so does the channel, which handles one message at
 * a time to keep each aggregate's events in order; other channels and other instances go on.
 * <ul>
 *   <li>a transient database failure ({@link DatabaseFailures#isTransient}: the database down or
 *       refusing connections, a serialization failure, a deadlock, a lock timeout) is retried
 *       with exponential backoff up to {@code maxBackoff}, for as long as it lasts: the event is
 *       valid and will apply once the database is back, so it must not be given up;</li>
 *   <li>a {@link MalformedEvent} fails at once with a {@link DeadLetter} (it will never apply);</li>
 *   <li>any other failure (a bug, a broken rule) is retried {@code attemptsBeforeGivingUp} times,
 *       then dead-lettered as {@link DeadLetter#GAVE_UP}, to be re-driven after a fix.</li>
 * </ul>
 * A wait is a Vert.x timer on the message's own context, so the next attempt runs where
 * Hibernate Reactive expects it (never on a Mutiny scheduler thread).
 */
public record Redelivery(Duration firstBackoff, Duration maxBackoff, int attemptsBeforeGivingUp) {
    public static final Redelivery DEFAULT = new Redelivery(Duration.ofMillis(200), Duration.ofSeconds(10), 5);
    private static final Logger LOG = Logger.getLogger(Redelivery.class);

    Uni<Void> attempt(ReceivedEvent event, Supplier<Uni<Void>> work) {
        return attempt(event, work, Vertx.currentContext(), 1, 0);
    }

    private Uni<Void> attempt(ReceivedEvent event, Supplier<Uni<Void>> work, Context context, int attempt, int unexpected) {
        return Uni.createFrom().<Void>deferred(work::get).onFailure().recoverWithUni(failure -> {
            if (failure instanceof DeadLetter) {
                return deadLetter((DeadLetter) failure);
            }
            if (malformed(failure)) {
                return deadLetter(DeadLetter.invalid(event, failure));
            }
            if (DatabaseFailures.isTransient(failure)) {
                Duration wait = backoff(attempt);
                Metrics.counter("consumer.retries", "cause", "transient").increment();
                LOG.warnf("%s: transient database failure, attempt %d, trying again in %d ms: %s",
                        event.describe(), attempt, wait.toMillis(), failure.toString());
                return later(context, wait).chain(() -> attempt(event, work, context, attempt + 1, unexpected));
            }
            if (unexpected + 1 >= attemptsBeforeGivingUp) {
                LOG.errorf(failure, "%s could not be applied after %d attempts; dead-lettered", event.describe(), unexpected + 1);
                return deadLetter(DeadLetter.gaveUp(event, unexpected + 1, failure));
            }
            Duration wait = backoff(attempt);
            Metrics.counter("consumer.retries", "cause", "unexpected").increment();
            LOG.warnf(failure, "%s could not be applied (attempt %d of %d), trying again in %d ms",
                    event.describe(), unexpected + 1, attemptsBeforeGivingUp, wait.toMillis());
            return later(context, wait).chain(() -> attempt(event, work, context, attempt + 1, unexpected + 1));
        });
    }

    private static Uni<Void> deadLetter(DeadLetter letter) {
        Metrics.counter("consumer.dead.letters", "reason", letter.reason()).increment();
        LOG.warn(letter.getMessage());
        return Uni.createFrom().failure(letter);
    }

    private static boolean malformed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEvent) {
                return true;
            }
        }
        return false;
    }

    Duration backoff(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    private static Uni<Void> later(Context context, Duration wait) {
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(wait);
        }
        return Uni.createFrom().emitter(emitter ->
                context.owner().setTimer(Math.max(1, wait.toMillis()),
                        id -> context.runOnContext(ignored -> emitter.complete(null))));
    }
}
