package sh.grassroots.gateway.resilience.model;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops sending requests to an upstream that keeps failing, so callers get a fast 503 instead of
 * waiting for timeouts: CLOSED until {@code failureThreshold} failures in a row, then OPEN for
 * {@code openFor}, then HALF_OPEN letting a single trial request through; its success closes the
 * breaker, its failure opens it again.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, LongSupplier nanoClock) {
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** May a request go out now? A true answer must be followed by onSuccess or onFailure. */
    public synchronized boolean tryPass() {
        if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= openForNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        state = State.CLOSED;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
            trialInFlight = false;
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Seconds until a trial request may go through; for Retry-After. */
    public synchronized long retryAfterSeconds() {
        if (state != State.OPEN) {
            return 1;
        }
        long remaining = openForNanos - (nanoClock.getAsLong() - openedAt);
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }
}
