package sh.grassroots.gateway.resilience.model;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per caller and limit class (e.g. "default", "create"). Buckets that have
 * filled up again are dropped by {@link #evictIdle()} so memory follows active callers only.
 * The limit is per gateway instance.
 */
public final class RateLimiter {
    private final Map<String, Limit> limits;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public record Limit(long requests, Duration per) {
    }

    public RateLimiter(Map<String, Limit> limits, LongSupplier nanoClock) {
        this.limits = Map.copyOf(limits);
        this.nanoClock = nanoClock;
    }

    public TokenBucket.Decision tryAcquire(String limitName, String caller) {
        Limit limit = limits.get(limitName);
        if (limit == null) {
            throw new IllegalArgumentException("No limit named " + limitName);
        }
        long now = nanoClock.getAsLong();
        TokenBucket bucket = buckets.computeIfAbsent(limitName + "|" + caller,
                key -> new TokenBucket(limit.requests(), limit.per(), now));
        synchronized (bucket) {
            return bucket.tryTake(now);
        }
    }

    public int evictIdle() {
        long now = nanoClock.getAsLong();
        int before = buckets.size();
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isFull(now);
            }
        });
        return before - buckets.size();
    }

    public int size() {
        return buckets.size();
    }
}
