package sh.grassroots.gateway.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sh.grassroots.gateway.resilience.model.Bulkhead;
import sh.grassroots.gateway.resilience.model.CircuitBreaker;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One circuit breaker and one bulkhead per upstream service. */
@ApplicationScoped
public class UpstreamGuards {
    public record Guard(CircuitBreaker breaker, Bulkhead bulkhead) {
    }

    private final Map<String, Guard> guards = new ConcurrentHashMap<>();
    private final int failureThreshold;
    private final Duration openFor;
    private final int maxInFlight;
    private final int maxWaiting;

    public UpstreamGuards(@ConfigProperty(name = "gateway.breaker.failure-threshold") int failureThreshold,
                          @ConfigProperty(name = "gateway.breaker.open-seconds") int openSeconds,
                          @ConfigProperty(name = "gateway.bulkhead.max-in-flight") int maxInFlight,
                          @ConfigProperty(name = "gateway.bulkhead.max-waiting") int maxWaiting) {
        this.failureThreshold = failureThreshold;
        this.openFor = Duration.ofSeconds(openSeconds);
        this.maxInFlight = maxInFlight;
        this.maxWaiting = maxWaiting;
    }

    public Guard forUpstream(String name) {
        return guards.computeIfAbsent(name, n -> new Guard(
                new CircuitBreaker(failureThreshold, openFor, System::nanoTime), new Bulkhead(maxInFlight, maxWaiting)));
    }
}
