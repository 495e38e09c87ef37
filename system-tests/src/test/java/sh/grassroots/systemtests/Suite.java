package sh.grassroots.systemtests;

import io.smallrye.jwt.build.Jwt;
import sh.grassroots.platform.access.CallerHeaders;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged services as real processes, on free ports, against the PostgreSQL and Kafka
 * that bin/test started. Started once for the whole test run and stopped when it ends.
 */
public final class Suite implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {
    public static final String ISSUER = "https://id.system-test.grassroots";
    public static final String AUDIENCE = "grassroots-api";
    private static Suite running;

    /** Other districts whose systems call the inter-district routes, each with its own issuer and key. */
    public static final Map<String, String> DISTRICT_ISSUERS = Map.of(
            "310101", "https://id.huangpu.system-test",
            "310151", "https://id.chongming.system-test");

    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, KeyPair> districtKeys = new LinkedHashMap<>();
    private KeyPair keys;
    private OtlpReceiver traces;

    /** A running app: its public (API) port and its management port (health, metrics), both on loopback. */
    public record Service(String name, int port, int managementPort, Process process, Path log) {
        public String url() {
            return "http://127.0.0.1:" + port;
        }

        public String managementUrl() {
            return "http://127.0.0.1:" + managementPort;
        }
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (running == null) {
            Suite suite = new Suite();
            try {
                suite.start();
            } catch (Exception | Error e) {
                // Otherwise the services that did start outlive the run.
                suite.close();
                throw e;
            }
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Suite.class.getName(), suite);
            running = suite;
        }
    }

    public static Suite get() {
        return running;
    }

    public Service service(String name) {
        return services.get(name);
    }

    /** The spans every service exported to the suite's OTLP receiver. */
    OtlpReceiver traces() {
        return traces;
    }

    public String gateway() {
        return services.get("gateway").url();
    }

    public String token(String subject, Set<String> roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(roles)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(900))
                .jws().keyId("system-test").sign(keys.getPrivate());
    }

    /** A person with a district claim (district admins) and/or an organization scope (organizers, secretaries). */
    public String token(String subject, Set<String> roles, String district, String orgScope) {
        return token(subject, roles, district, orgScope, Duration.ofSeconds(900));
    }

    /** As above, valid for {@code validity}: a long script (the demo's load) outlives the usual quarter hour. */
    public String token(String subject, Set<String> roles, String district, String orgScope, Duration validity) {
        var claims = Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(roles)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(validity));
        if (district != null) {
            claims = claims.claim("district", district);
        }
        if (orgScope != null) {
            claims = claims.claim("org_scope", orgScope);
        }
        return claims.jws().keyId("system-test").sign(keys.getPrivate());
    }

    /**
     * The service token another district's identity provider issues to its own system
     * (client-credentials style), signed with that district's key.
     */
    public String districtServiceToken(String district) {
        return Jwt.issuer(DISTRICT_ISSUERS.get(district)).audience(AUDIENCE).subject("org-system-" + district)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(900))
                .jws().keyId(district).sign(districtKeys.get(district).getPrivate());
    }

    /** A token naming {@code district}'s issuer but signed with {@code signer}'s key: must be refused. */
    public String forgedDistrictServiceToken(String district, String signer) {
        return Jwt.issuer(DISTRICT_ISSUERS.get(district)).audience(AUDIENCE).subject("org-system-" + district)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(900))
                .jws().keyId(district).sign(districtKeys.get(signer).getPrivate());
    }

    /** Stops a service (to show the others keep working); it stays down for the rest of the run. */
    public void kill(String name) throws InterruptedException {
        Process p = services.get(name).process();
        p.destroy();
        p.waitFor(20, TimeUnit.SECONDS);
    }

    private void start() throws Exception {
        Path root = Path.of(System.getProperty("suite.root")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("suite.logs"));
        Files.createDirectories(logs);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        Path publicKey = logs.resolve("jwt-public.pem");
        Files.writeString(publicKey, pem(keys));
        List<String> districtIssuers = new ArrayList<>();
        for (var district : DISTRICT_ISSUERS.entrySet()) {
            KeyPair pair = generator.generateKeyPair();
            districtKeys.put(district.getKey(), pair);
            Path key = logs.resolve("district-" + district.getKey() + "-public.pem");
            Files.writeString(key, pem(pair));
            districtIssuers.add(district.getKey() + "=" + district.getValue() + "|" + key);
        }

        traces = new OtlpReceiver();
        String db = env("DB_HOST") + ":" + env("DB_PORT");
        String groupPrefix = "system-test-" + UUID.randomUUID() + "-";
        int org = freePort(), training = freePort(), stations = freePort(), notifications = freePort(), gateway = freePort();
        byte[] personalDataKey = new byte[32];
        new java.security.SecureRandom().nextBytes(personalDataKey);
        launch(root, logs, "org-service", org, Map.of("DB_NAME", "org", "DB_USER", "org", "DB_PASSWORD", "org",
                "PERSONAL_DATA_KEY", Base64.getEncoder().encodeToString(personalDataKey)), db, groupPrefix);
        launch(root, logs, "training-service", training, Map.of("DB_NAME", "training", "DB_USER", "training", "DB_PASSWORD", "training"), db, groupPrefix);
        byte[] stationsPersonalDataKey = new byte[32];
        new java.security.SecureRandom().nextBytes(stationsPersonalDataKey);
        launch(root, logs, "service-station-service", stations, Map.of("DB_NAME", "stations", "DB_USER", "stations",
                "DB_PASSWORD", "stations", "PERSONAL_DATA_KEY", Base64.getEncoder().encodeToString(stationsPersonalDataKey)),
                db, groupPrefix);
        byte[] notificationsPersonalDataKey = new byte[32];
        new java.security.SecureRandom().nextBytes(notificationsPersonalDataKey);
        // no SMTP server here: nobody in these tests asks for e-mail (the service's own tests send to one)
        launch(root, logs, "notification-service", notifications, Map.of("DB_NAME", "notifications",
                "DB_USER", "notifications", "DB_PASSWORD", "notifications", "SMTP_HOST", "127.0.0.1", "SMTP_PORT", "1",
                "NOTIFICATIONS_PERSONAL_DATA_KEY", Base64.getEncoder().encodeToString(notificationsPersonalDataKey)),
                db, groupPrefix);
        launch(root, logs, "gateway", gateway, Map.ofEntries(
                Map.entry("ORG_SERVICE_URL", "http://127.0.0.1:" + org),
                Map.entry("TRAINING_SERVICE_URL", "http://127.0.0.1:" + training),
                Map.entry("STATIONS_SERVICE_URL", "http://127.0.0.1:" + stations),
                Map.entry("NOTIFICATIONS_SERVICE_URL", "http://127.0.0.1:" + notifications),
                Map.entry("JWT_ISSUER", ISSUER), Map.entry("JWT_AUDIENCE", AUDIENCE),
                Map.entry("JWT_PUBLIC_KEY_LOCATION", publicKey.toString()),
                Map.entry("GATEWAY_DISTRICT_ISSUERS", String.join(",", districtIssuers)),
                // generous: on a small shared machine a write can take seconds; a stopped service is
                // refused at once whatever this says
                Map.entry("GATEWAY_UPSTREAM_TIMEOUT_MS", "10000")), db, groupPrefix);
        for (Service service : services.values()) {
            awaitReady(service);
        }
        warmUp(services.get("org-service"));
    }

    /**
     * A freshly started service answers its first requests slowly (class loading, JIT, the first
     * database session): on a loaded machine slower than the gateway's upstream timeout. A few
     * direct reads, whose answers do not matter, keep that out of the tests' own first calls.
     */
    private static void warmUp(Service service) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < 5; i++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/orgs/organizations/" + UUID.randomUUID()
                                + "/descendants"))
                        .header(CallerHeaders.SUBJECT, "warm-up").header(CallerHeaders.KIND, "PERSON")
                        .header(CallerHeaders.ROLES, "district_admin").header(CallerHeaders.DISTRICT, "310110")
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException ignored) {
                // only warming up
            }
        }
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private void launch(Path root, Path logs, String name, int port, Map<String, String> extra, String db,
                        String groupPrefix) throws IOException {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the whole build (bin/test), not this module alone");
        }
        Path log = logs.resolve(name + ".log");
        int managementPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(javaBin(), "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("HTTP_PORT", Integer.toString(port));
        // as bin/run starts them: on loopback only, health and metrics on a port of their own
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("DB_HOST", db.split(":")[0]);
        env.put("DB_PORT", db.split(":")[1]);
        env.put("KAFKA_BOOTSTRAP_SERVERS", env("KAFKA_BOOTSTRAP_SERVERS"));
        env.put("KAFKA_GROUP_PREFIX", groupPrefix);
        // Four JVMs start at once on a small shared machine: a first connection can take a while.
        env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
        // Every trace recorded and sent to the suite's receiver, as a collector would get them in k8s.
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint());
        env.put("OTEL_TRACES_SAMPLER_ARG", "1");
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
        env.putAll(extra);
        services.put(name, new Service(name, port, managementPort, builder.start(), log));
    }

    private static void awaitReady(Service service) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.process().isAlive()) {
                throw new IllegalStateException(service.name() + " exited:\n" + tail(service.log()));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(service.managementUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(service.name() + " did not become ready:\n" + tail(service.log()));
    }

    @Override
    public void close() {
        if (traces != null) {
            traces.close();
        }
        List<Process> processes = new ArrayList<>();
        services.values().forEach(s -> {
            s.process().destroy();
            processes.add(s.process());
        });
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run the tests through bin/test");
        }
        return value;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

    /**
     * A port nobody listens on and not handed out before in this run: the apps bind theirs only
     * when they start, so the same free port could otherwise be handed out twice (seen: the
     * gateway's management port equal to its API port, and the gateway never ready).
     */
    private static synchronized int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}
