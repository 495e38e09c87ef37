package sh.grassroots.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import sh.grassroots.gateway.resilience.UpstreamGuards;
import sh.grassroots.platform.web.Problem;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Streams a request to its upstream and the answer back, behind that upstream's bulkhead and
 * circuit breaker, with a per-upstream timeout. Unreachable, timed-out or overloaded upstreams
 * answer 503 problem+json with Retry-After; other routes are not affected.
 */
@ApplicationScoped
public class Forwarder {
    private static final Logger LOG = Logger.getLogger(Forwarder.class);
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final HttpClient client;
    private final UpstreamGuards guards;
    private final MeterRegistry registry;
    private final long timeoutMs;

    public Forwarder(Vertx vertx, UpstreamGuards guards, MeterRegistry registry,
                     @ConfigProperty(name = "gateway.upstream.timeout-ms") long timeoutMs) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(128).setKeepAlive(true).setConnectTimeout(2000));
        this.guards = guards;
        this.registry = registry;
        this.timeoutMs = timeoutMs;
    }

    HttpClient client() {
        return client;
    }

    void forward(RoutingContext rc, Upstream upstream) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        UpstreamGuards.Guard guard = guards.forUpstream(upstream.name());
        if (!guard.bulkhead().tryEnter()) {
            response.putHeader("Retry-After", "1");
            ProblemWriter.write(response, Problem.of(503, "upstream-busy", "Service Unavailable",
                    "The " + upstream.name() + " service has too many requests in flight; try again shortly").at(request.path()));
            record(upstream, request, 503, System.nanoTime());
            return;
        }
        if (!guard.breaker().tryPass()) {
            guard.bulkhead().leave();
            unavailable(rc, upstream, guard.breaker().retryAfterSeconds(), "circuit open");
            record(upstream, request, 503, System.nanoTime());
            return;
        }
        long started = System.nanoTime();
        AtomicBoolean finished = new AtomicBoolean();
        Runnable leave = () -> {
            if (finished.compareAndSet(false, true)) {
                guard.bulkhead().leave();
                record(upstream, request, response.getStatusCode(), started);
            }
        };
        response.endHandler(v -> leave.run());
        response.closeHandler(v -> leave.run());

        request.pause();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(upstream.origin().getHost())
                .setPort(upstream.origin().getPort())
                .setURI(request.uri())
                .setIdleTimeout(timeoutMs);
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                request.resume();
                guard.breaker().onFailure();
                unavailable(rc, upstream, 5, opened.cause().toString());
                return;
            }
            var outgoing = opened.result();
            request.headers().forEach(h -> {
                if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    outgoing.headers().add(h.getKey(), h.getValue());
                }
            });
            outgoing.headers().set("X-Forwarded-Host", String.valueOf(request.authority()));
            outgoing.headers().set("X-Forwarded-Proto", request.scheme());
            if (request.remoteAddress() != null) {
                outgoing.headers().set("X-Forwarded-For", request.remoteAddress().hostAddress());
            }
            outgoing.send(request).onComplete(answered -> {
                if (answered.failed()) {
                    guard.breaker().onFailure();
                    unavailable(rc, upstream, 5, answered.cause().toString());
                    return;
                }
                HttpClientResponse upstreamResponse = answered.result();
                int status = upstreamResponse.statusCode();
                if (status == 502 || status == 503 || status == 504) {
                    guard.breaker().onFailure();
                } else {
                    guard.breaker().onSuccess();
                }
                response.setStatusCode(status);
                upstreamResponse.headers().forEach(h -> {
                    if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                        response.headers().add(h.getKey(), h.getValue());
                    }
                });
                if (!response.headers().contains("Content-Length")) {
                    response.setChunked(true);
                }
                upstreamResponse.pipeTo(response);
            });
        });
    }

    private void unavailable(RoutingContext rc, Upstream upstream, long retryAfterSeconds, String why) {
        LOG.warnf("Upstream %s unavailable for %s %s: %s", upstream.name(), rc.request().method(), rc.request().path(), why);
        rc.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        ProblemWriter.write(rc.response(), Problem.of(503, "upstream-unavailable", "Service Unavailable",
                "The " + upstream.name() + " service is not answering; try again shortly").at(rc.request().path()));
    }

    private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    private void record(Upstream upstream, HttpServerRequest request, int status, long startedNanos) {
        String method = request.method().name();
        timers.computeIfAbsent(upstream.prefix() + ' ' + method + ' ' + status, key -> Timer.builder("gateway.upstream.requests")
                        .description("Requests the gateway forwarded, by upstream, route, method and status")
                        .tag("upstream", upstream.name())
                        .tag("route", upstream.prefix())
                        .tag("method", method)
                        .tag("status", Integer.toString(status))
                        .publishPercentileHistogram()
                        .register(registry))
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }
}
