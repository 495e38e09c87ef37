package sh.grassroots.training.calendar.model;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per feed token (keyed by its hash): a phone calendar refreshes a feed every few
 * minutes to hours, so a few requests a minute is plenty, and a leaked URL cannot be used to
 * hammer the database. Per replica, in memory: the limit a client meets is at most the replicas
 * times this. Unknown tokens are limited like known ones (by their hash), and the least recently
 * seen keys are forgotten past {@code maxKeys}.
 */
public final class FeedRateLimit {
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final int perMinute;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, double[]> buckets;

    public FeedRateLimit(int perMinute, int maxKeys, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("at least one request a minute");
        }
        this.perMinute = perMinute;
        this.maxKeys = maxKeys;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > FeedRateLimit.this.maxKeys;
            }
        };
    }

    /** Takes one request from {@code key}'s bucket (full at first: {@code perMinute} at once). */
    public synchronized Decision take(String key) {
        long nowMillis = clock.millis();
        double perMilli = perMinute / 60_000.0;
        double[] bucket = buckets.computeIfAbsent(key, k -> new double[]{perMinute, nowMillis});
        double tokens = Math.min(perMinute, bucket[0] + (nowMillis - bucket[1]) * perMilli);
        bucket[1] = nowMillis;
        if (tokens >= 1) {
            bucket[0] = tokens - 1;
            return new Decision(true, 0);
        }
        bucket[0] = tokens;
        long waitMillis = (long) Math.ceil((1 - tokens) / perMilli);
        return new Decision(false, Math.max(1, (waitMillis + 999) / 1000));
    }
}
