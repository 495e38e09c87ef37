package sh.grassroots.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where the tests' PostgreSQL and Kafka come from. bin/test starts both as local processes and
 * hands them over in DB_HOST/DB_PORT and KAFKA_BOOTSTRAP_SERVERS (the path on machines without
 * Docker, CI's among them): then nothing happens here. A test run without them (an IDE, a plain
 * {@code mvn verify}) gets them from Testcontainers when a Docker or Podman socket answers, and
 * otherwise fails at once with one line that says to use bin/test, instead of every test timing
 * out against localhost:5432.
 *
 * A service applies it to all its Quarkus tests with one class in its test sources:
 * {@code @WithTestResource(value = TestStack.Resource.class, scope = TestResourceScope.GLOBAL)}.
 */
public final class TestStack {
    /** The one line a test run without bin/test's stack and without Docker fails with. */
    public static final String USE_BIN_TEST = "No PostgreSQL/Kafka for the tests: DB_HOST and KAFKA_BOOTSTRAP_SERVERS are not set "
            + "and no Docker or Podman socket answers. Run the tests with bin/test (it starts both), e.g. bin/test -pl <module> -am";

    static final String POSTGRES_IMAGE = "postgres:16-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private TestStack() {
    }

    public enum Source { BIN_TEST, CONTAINERS }

    /**
     * What the run uses: everything given by bin/test, or containers for what is missing on the
     * socket found; empty when something is missing and no socket answers.
     */
    public record Decision(Source source, boolean databaseGiven, boolean kafkaGiven, Optional<Path> socket) {
    }

    /** Decides from the environment and the sockets that answer; no side effect. */
    public static Optional<Decision> decide(Map<String, String> env, Predicate<Path> answers) {
        boolean db = present(env, "DB_HOST");
        boolean kafka = present(env, "KAFKA_BOOTSTRAP_SERVERS");
        if (db && kafka) {
            return Optional.of(new Decision(Source.BIN_TEST, true, true, Optional.empty()));
        }
        if (present(env, "DOCKER_HOST") && !env.get("DOCKER_HOST").startsWith("unix://")) {
            // tcp:// or ssh://: Testcontainers connects itself; nothing to probe from here.
            return Optional.of(new Decision(Source.CONTAINERS, db, kafka, Optional.empty()));
        }
        return sockets(env).stream().filter(answers).findFirst()
                .map(s -> new Decision(Source.CONTAINERS, db, kafka, Optional.of(s)));
    }

    /** Where Docker (rootful, rootless, Desktop) and Podman (rootless, rootful) put their API socket. */
    static List<Path> sockets(Map<String, String> env) {
        List<Path> out = new ArrayList<>();
        if (present(env, "DOCKER_HOST")) {
            out.add(Path.of(env.get("DOCKER_HOST").substring("unix://".length())));
        }
        out.add(Path.of("/var/run/docker.sock"));
        if (present(env, "XDG_RUNTIME_DIR")) {
            out.add(Path.of(env.get("XDG_RUNTIME_DIR"), "docker.sock"));
            out.add(Path.of(env.get("XDG_RUNTIME_DIR"), "podman", "podman.sock"));
        }
        if (present(env, "HOME")) {
            out.add(Path.of(env.get("HOME"), ".docker", "run", "docker.sock"));
        }
        out.add(Path.of("/run/podman/podman.sock"));
        return out;
    }

    /** A Unix socket some process accepts connections on (a stale socket file does not count). */
    static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean present(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }

    /** The Quarkus test resource: configuration overrides for what bin/test did not provide. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {
        private final Map<String, String> env;
        private final Predicate<Path> answers;

        public Resource() {
            this(System.getenv(), TestStack::answers);
        }

        Resource(Map<String, String> env, Predicate<Path> answers) {
            this.env = env;
            this.answers = answers;
        }

        @Override
        public Map<String, String> start() {
            Decision decision = decide(env, answers)
                    .orElseThrow(() -> new IllegalStateException(USE_BIN_TEST));
            if (decision.source() == Source.BIN_TEST) {
                return Map.of();
            }
            return Containers.overrides(decision);
        }

        @Override
        public void stop() {
            // Containers outlive a Quarkus restart between test profiles; Testcontainers removes them at exit.
        }
    }

    /** Started once per test JVM, however many times Quarkus restarts for test profiles. */
    static final class Containers {
        private static PostgreSQLContainer postgres;
        private static KafkaContainer kafka;

        private Containers() {
        }

        static synchronized Map<String, String> overrides(Decision decision) {
            decision.socket().filter(s -> !s.equals(Path.of("/var/run/docker.sock")) && System.getenv("DOCKER_HOST") == null)
                    .ifPresent(s -> System.setProperty("DOCKER_HOST", "unix://" + s));
            Map<String, String> out = new LinkedHashMap<>();
            if (!decision.databaseGiven()) {
                if (postgres == null) {
                    postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
                    postgres.start();
                }
                out.put("db.host", postgres.getHost());
                out.put("db.port", String.valueOf(postgres.getMappedPort(5432)));
                out.put("db.name", postgres.getDatabaseName());
                out.put("quarkus.datasource.username", postgres.getUsername());
                out.put("quarkus.datasource.password", postgres.getPassword());
            }
            if (!decision.kafkaGiven()) {
                if (kafka == null) {
                    kafka = new KafkaContainer(KAFKA_IMAGE);
                    kafka.start();
                }
                out.put("kafka.bootstrap.servers", kafka.getBootstrapServers());
            }
            return out;
        }
    }
}
