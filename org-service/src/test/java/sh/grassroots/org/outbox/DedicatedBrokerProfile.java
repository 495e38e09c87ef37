package sh.grassroots.org.outbox;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import sh.grassroots.platform.testing.KafkaBrokerProcess;

import java.util.List;
import java.util.Map;

/** Runs org-service against a broker of its own, so that a test may stop and restart it. */
public class DedicatedBrokerProfile implements QuarkusTestProfile {
    static volatile KafkaBrokerProcess broker;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Broker.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("outbox.relay.interval", "0.2s", "outbox.relay.max-attempts", "1");
    }

    public static class Broker implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            broker = KafkaBrokerProcess.create();
            broker.start();
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
        }

        @Override
        public void stop() {
            if (broker != null) {
                broker.close();
            }
        }
    }
}
