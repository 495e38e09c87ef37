package sh.grassroots.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A dedicated single-node KRaft broker that a test can stop and start again, for the cases the
 * shared broker cannot serve (e.g. a relay catching up after an outage). It uses the jars and the
 * config template that local/stack.sh prepared and exported (KAFKA_LIB_DIR, KAFKA_CONFIG_TEMPLATE).
 */
public final class KafkaBrokerProcess implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBrokerProcess(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public static KafkaBrokerProcess create() {
        try {
            Path dir = Files.createTempDirectory("kafka-test-");
            KafkaBrokerProcess broker = new KafkaBrokerProcess(dir, freePort(), freePort());
            broker.format();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Path log = dir.resolve("kafka.log");
            Files.deleteIfExists(log);
            process = new ProcessBuilder(List.of(java(), "-Xms128m", "-Xmx384m", "-XX:+UseSerialGC",
                    "-cp", env("KAFKA_LIB_DIR") + "/*", "-Dlog4j2.configurationFile=" + env("KAFKA_LOG4J_CONFIG"),
                    "kafka.Kafka", dir.resolve("server.properties").toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!Files.exists(log) || !Files.readString(log).contains("Kafka Server started")) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not start: " + (Files.exists(log) ? Files.readString(log) : ""));
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waitUntilPortClosed();
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void format() throws IOException {
        String template = Files.readString(Path.of(env("KAFKA_CONFIG_TEMPLATE")));
        Files.writeString(dir.resolve("server.properties"), template
                .replace("@PORT@", Integer.toString(port))
                .replace("@CONTROLLER_PORT@", Integer.toString(controllerPort))
                .replace("@LOG_DIR@", dir.resolve("logs").toString()));
        run(List.of(java(), "-cp", env("KAFKA_LIB_DIR") + "/*", "kafka.tools.StorageTool", "format",
                "-t", "q1Sh8kZ7QvqkN0f5tSHl0A", "-c", dir.resolve("server.properties").toString(), "--standalone"));
    }

    private void run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("format.log").toFile()).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("Kafka storage format failed: " + Files.readString(dir.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void waitUntilPortClosed() {
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
            } catch (IOException closed) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests through bin/test, which starts the local stack");
        }
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
