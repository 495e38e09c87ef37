package sh.grassroots.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import sh.grassroots.gateway.auth.DevKeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Test keys made inside the test run (none committed), and an upstream that echoes what the
 * gateway forwarded to it, standing in for a service in these gateway-only tests.
 */
public class TestKeys implements QuarkusTestResourceLifecycleManager {
    public static final String ISSUER = "https://id.test.grassroots";
    public static final String AUDIENCE = "grassroots-api";
    public static KeyPair trusted;
    public static KeyPair untrusted;
    public static KeyPair huangpu;
    public static final String HUANGPU_ISSUER = "https://id.huangpu.test";
    public static KeyPair chongming;
    public static final String CHONGMING_ISSUER = "https://id.chongming.test";
    private static Vertx vertx;

    private static Map<String, String> config;
    /** Every request line the echo upstream received ("METHOD target"), in order. */
    private static final java.util.List<String> RECEIVED = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The request lines the services behind the gateway received so far. */
    public static java.util.List<String> received() {
        return java.util.List.copyOf(RECEIVED);
    }

    /**
     * Keys and the echo upstream are made once per test JVM: Quarkus may start this resource
     * again for another test profile, and tokens signed earlier must stay valid.
     */
    @Override
    public synchronized Map<String, String> start() {
        if (config == null) {
            config = create();
        }
        return config;
    }

    private static Map<String, String> create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            trusted = generator.generateKeyPair();
            untrusted = generator.generateKeyPair();
            huangpu = generator.generateKeyPair();
            Path dir = Files.createTempDirectory("gateway-keys");
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            chongming = ec.generateKeyPair();
            Path chongmingKey = dir.resolve("chongming.pem");
            Files.writeString(chongmingKey, DevKeys.pem("PUBLIC KEY", chongming.getPublic().getEncoded()));
            Path huangpuKey = dir.resolve("huangpu.pem");
            Files.writeString(huangpuKey, DevKeys.pem("PUBLIC KEY", huangpu.getPublic().getEncoded()));
            Path publicKey = dir.resolve("public.pem");
            Files.writeString(publicKey, DevKeys.pem("PUBLIC KEY", trusted.getPublic().getEncoded()));

            vertx = Vertx.vertx();
            HttpServer echo = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
                RECEIVED.add(req.method().name() + " " + req.uri());
                if (req.getParam("sse") != null) { // a notification stream: an event now, another later, no end
                    var response = req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
                    response.write("id: 1\nevent: notification\ndata: {\"n\":1}\n\n");
                    vertx.setTimer(Long.parseLong(req.getParam("sse")), id -> {
                        if (!response.closed()) {
                            response.write("id: 2\nevent: notification\ndata: {\"n\":2}\n\n");
                        }
                    });
                    vertx.setTimer(30_000, id -> {
                        if (!response.closed()) {
                            response.end();
                        }
                    });
                    return;
                }
                String delay = req.getParam("delayMs");
                if (delay != null) { // a slow service: answer later
                    vertx.setTimer(Long.parseLong(delay), id -> req.response().putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("method", req.method().name()).put("uri", req.uri()).encode()));
                    return;
                }
                if (req.getHeader("X-Request-Id") != null) { // as the services do (platform/web RequestIdFilter)
                    req.response().putHeader("X-Request-Id", req.getHeader("X-Request-Id"));
                }
                if ("\"current\"".equals(req.getHeader("If-None-Match"))) { // the caller's copy is current
                    req.response().setStatusCode(304).putHeader("ETag", "\"current\"").end();
                    return;
                }
                String large = req.getParam("answerBytes");
                if (large != null) { // a large answer, of known length or chunked, to check streaming
                    var response = req.response().putHeader("Content-Type", "text/plain");
                    byte[] bytes = "0123456789abcdef".repeat(Integer.parseInt(large) / 16).getBytes();
                    if ("true".equals(req.getParam("chunked"))) {
                        response.setChunked(true);
                        for (int at = 0; at < bytes.length; at += 8192) {
                            response.write(io.vertx.core.buffer.Buffer.buffer(java.util.Arrays.copyOfRange(bytes, at,
                                    Math.min(bytes.length, at + 8192))));
                        }
                        response.end();
                    } else {
                        response.end(io.vertx.core.buffer.Buffer.buffer(bytes));
                    }
                    return;
                }
                JsonObject headers = new JsonObject();
                req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                req.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("method", req.method().name()).put("uri", req.uri())
                        .put("headers", headers).put("body", body.toString()).encode());
            })).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String upstream = "http://127.0.0.1:" + echo.actualPort();
            return Map.of(
                    "gateway.deprecations", "/api/v1/training/organizations|2026-01-01|2027-06-30|https://docs.grassroots.test/retire",
                    "gateway.max-body-bytes", "1024",
                    "gateway.jwt.district-issuers", "310101=" + HUANGPU_ISSUER + "|" + huangpuKey
                            + ",310151=" + CHONGMING_ISSUER + "|" + chongmingKey + "|ES256",
                    "gateway.jwt.public-key-location", publicKey.toString(),
                    "gateway.jwt.issuer", ISSUER,
                    "gateway.jwt.audience", AUDIENCE,
                    "gateway.upstream.org", upstream,
                    "gateway.upstream.training", upstream,
                    "gateway.upstream.notifications", upstream,
                    // nothing listens on port 1: the stations route stands for a service that is down
                    "gateway.upstream.stations", "http://127.0.0.1:1");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // the echo upstream lives as long as the test JVM; see start()
    }

    public static JwtClaimsBuilder person(String subject) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(Set.of("member"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600));
    }

    /** Another district's system, as its own identity provider would issue it. */
    public static String huangpuService() {
        return Jwt.issuer(HUANGPU_ISSUER).audience(AUDIENCE).subject("huangpu-org-system")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600))
                .jws().keyId("huangpu").sign(huangpu.getPrivate());
    }

    /** A district whose identity provider signs with ES256. */
    public static String chongmingService() {
        return Jwt.issuer(CHONGMING_ISSUER).audience(AUDIENCE).subject("chongming-org-system")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600))
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256).keyId("chongming")
                .sign(chongming.getPrivate());
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("test").sign(trusted.getPrivate());
    }
}
