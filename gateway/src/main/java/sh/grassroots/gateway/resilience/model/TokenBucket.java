package sh.grassroots.gateway.resilience.model;

import java.time.Duration;

/**
 * A token bucket: {@code capacity} requests at once, refilled evenly over {@code period}.
 * Not thread-safe on its own; {@link RateLimiter} synchronises on each bucket.
 */
public final class TokenBucket {
    private final long capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefillNanos;

    public TokenBucket(long capacity, Duration period, long nowNanos) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("capacity >= 1 and a positive period are required");
        }
        this.capacity = capacity;
        this.tokensPerNano = (double) capacity / period.toNanos();
        this.tokens = capacity;
        this.lastRefillNanos = nowNanos;
    }

    /** Takes one token if there is one; otherwise says how long until there will be. */
    public Decision tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return Decision.ALLOWED;
        }
        long waitNanos = (long) Math.ceil((1 - tokens) / tokensPerNano);
        return Decision.retryAfter(Duration.ofNanos(waitNanos));
    }

    public boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - lastRefillNanos);
        tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
        lastRefillNanos = nowNanos;
    }

    /** ALLOWED, or rejected with the time after which a retry can succeed. */
    public record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        static Decision retryAfter(Duration wait) {
            return new Decision(false, wait);
        }

        /** Whole seconds for a Retry-After header, never 0 for a rejection. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
