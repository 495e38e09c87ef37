package sh.grassroots.gateway.resilience;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sh.grassroots.gateway.auth.Caller;
import sh.grassroots.gateway.resilience.model.RateLimiter;
import sh.grassroots.gateway.resilience.model.TokenBucket;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Per-caller limits: one for every request, a stricter one for creating enrolments and
 * bookings (the requests that rush when a popular lesson opens). Per gateway instance.
 */
@ApplicationScoped
public class RateLimits {
    private static final Pattern CREATES = Pattern.compile(
            "/api/v1/(training/.*enrolments.*|stations/.*bookings.*)");
    private final RateLimiter limiter;

    public RateLimits(@ConfigProperty(name = "gateway.rate-limit.requests-per-minute") long perMinute,
                      @ConfigProperty(name = "gateway.rate-limit.creates-per-minute") long createsPerMinute) {
        this.limiter = new RateLimiter(Map.of(
                "default", new RateLimiter.Limit(perMinute, Duration.ofMinutes(1)),
                "create", new RateLimiter.Limit(createsPerMinute, Duration.ofMinutes(1))), System::nanoTime);
    }

    public TokenBucket.Decision check(Caller caller, HttpMethod method, String path) {
        String who = caller.rateKey();
        TokenBucket.Decision decision = limiter.tryAcquire("default", who);
        if (decision.allowed() && method == HttpMethod.POST && CREATES.matcher(path).matches()) {
            decision = limiter.tryAcquire("create", who);
        }
        return decision;
    }

    @Scheduled(every = "60s", identity = "rate-limit-eviction")
    void evictIdle() {
        limiter.evictIdle();
    }
}
