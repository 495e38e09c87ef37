package sh.grassroots.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The broker's state and the outbox's lag in the readiness detail, always UP: a service without
 * its broker still answers, and its writes wait in the outbox, so the broker must never take it
 * out of its Service. Reads only what the relay last saw, so it answers at once whatever the
 * broker does.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {
    private final OutboxRelay relay;

    public OutboxHealth(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxRelay.BrokerState broker = relay.state();
        OutboxRelay.Lag lag = relay.lag();
        var response = HealthCheckResponse.named("outbox").up()
                .withData("broker", broker.reachable() ? "reachable" : "unreachable")
                .withData("unpublished", lag.unpublished())
                .withData("oldestUnpublishedAgeSeconds", lag.oldestUnpublishedAgeSeconds())
                .withData("parked", lag.parked());
        if (broker.lastAcknowledged() != null) {
            response.withData("lastAcknowledged", broker.lastAcknowledged().toString());
        }
        if (!broker.reachable() && broker.lastError() != null) {
            response.withData("lastError", broker.lastError());
        }
        return response.build();
    }
}
