package sh.grassroots.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import sh.grassroots.gateway.resilience.UpstreamGuards;
import sh.grassroots.gateway.resilience.model.Bulkhead;
import sh.grassroots.platform.web.Languages;
import sh.grassroots.platform.web.Problem;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams a request to its upstream and the answer back, behind that upstream's bulkhead and
 * circuit breaker, with a per-upstream timeout. Unreachable, timed-out or overloaded upstreams
 * answer 503 problem+json with Retry-After; other routes are not affected.
 */
@ApplicationScoped
public class Forwarder {
    private static final Logger LOG = Logger.getLogger(Forwarder.class);
    /** Hop-by-hop headers (RFC 9110 §7.6.1), which a proxy does not pass on either way. */
    private static final String[] HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host"};

    /**
     * Whether a header stops here: hop-by-hop ones, and on requests the bearer token, which the
     * gateway has verified and turned into X-Caller-* headers (services never see a token).
     * Compared without lower-casing copies: this runs for every header of every request.
     */
    static boolean stopsHere(String name, boolean request) {
        if (request && name.equalsIgnoreCase("authorization")) {
            return true;
        }
        for (String hop : HOP_BY_HOP) {
            if (hop.length() == name.length() && hop.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Answers up to this size, with a Content-Length, are buffered rather than streamed. */
    static final long BUFFERED_BODY_BYTES = 64 * 1024;

    /**
     * One client (so one upstream connection pool) per event loop, as nginx keeps one per worker:
     * a connection is only ever used by the event loop it was opened on, so the answer is never
     * handed across threads.
     */
    private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final UpstreamGuards guards;
    private final MeterRegistry registry;
    private final long timeoutMs;
    private final long streamIdleTimeoutMs;
    private final long maxWaitMs;

    public Forwarder(Vertx vertx, UpstreamGuards guards, MeterRegistry registry,
                     @ConfigProperty(name = "gateway.upstream.timeout-ms") long timeoutMs,
                     @ConfigProperty(name = "gateway.upstream.max-connections") int maxConnections,
                     @ConfigProperty(name = "gateway.bulkhead.max-wait-ms") long maxWaitMs,
                     @ConfigProperty(name = "gateway.upstream.stream-idle-timeout-ms", defaultValue = "60000") long streamIdleTimeoutMs) {
        this.vertx = vertx;
        this.clientOptions = new HttpClientOptions()
                .setMaxPoolSize(maxConnections).setKeepAlive(true).setConnectTimeout(2000);
        this.guards = guards;
        this.registry = registry;
        this.timeoutMs = timeoutMs;
        this.streamIdleTimeoutMs = streamIdleTimeoutMs;
        this.maxWaitMs = maxWaitMs;
    }

    private HttpClient client() {
        return clients.computeIfAbsent(Thread.currentThread(), thread -> vertx.createHttpClient(clientOptions));
    }

    void forward(RoutingContext rc, Upstream upstream) {
        HttpServerRequest request = rc.request();
        UpstreamGuards.Guard guard = guards.forUpstream(upstream.name());
        if (upstream.stream()) {
            admitted(rc, upstream, guard, false);
            return;
        }
        io.vertx.core.Context context = vertx.getOrCreateContext();
        long arrived = System.nanoTime();
        AtomicLong deadline = new AtomicLong(-1);
        // Runs on this request's event loop, after this handler returned, whichever thread freed the permit.
        Bulkhead.Entry entry = guard.bulkhead().enter(() -> context.runOnContext(v -> {
            vertx.cancelTimer(deadline.get());
            if (rc.response().closed()) {
                guard.bulkhead().leave(); // let in after its caller went away: pass the permit on
                return;
            }
            waited(upstream).record(System.nanoTime() - arrived, TimeUnit.NANOSECONDS);
            admitted(rc, upstream, guard, true);
        }));
        if (entry instanceof Bulkhead.Admitted) {
            admitted(rc, upstream, guard, true);
        } else if (entry instanceof Bulkhead.Queued queued) {
            // In line for a permit: the body waits in the socket; the caller is answered 503 only
            // when no permit came within the wait this gateway allows.
            if (hasBody(request)) {
                request.pause();
            }
            deadline.set(vertx.setTimer(maxWaitMs, id -> {
                if (guard.bulkhead().withdraw(queued.waiter())) {
                    busy(rc, upstream, "no request slot came free within " + maxWaitMs + " ms");
                }
            }));
            rc.response().closeHandler(v -> {
                if (guard.bulkhead().withdraw(queued.waiter())) {
                    vertx.cancelTimer(deadline.get());
                }
            });
        } else {
            busy(rc, upstream, "the line of waiting requests is full");
        }
    }

    private final Map<Upstream, Timer> waitTimers = new ConcurrentHashMap<>();

    private Timer waited(Upstream upstream) {
        return waitTimers.computeIfAbsent(upstream, u -> Timer.builder("gateway.upstream.waited")
                .description("How long requests waited in line for a request slot to their upstream")
                .tag("upstream", u.name()).publishPercentileHistogram().register(registry));
    }

    private void busy(RoutingContext rc, Upstream upstream, String why) {
        HttpServerRequest request = rc.request();
        if (hasBody(request)) {
            request.resume();
        }
        LOG.debugf("Upstream %s busy for %s %s: %s", upstream.name(), request.method(), request.path(), why);
        rc.response().putHeader("Retry-After", "1");
        ProblemWriter.write(rc, Problem.of(503, "upstream-busy", "Service Unavailable",
                "The " + upstream.name() + " service has too many requests in flight; try again shortly").at(request.path()));
        record(upstream, request, 503, System.nanoTime());
    }

    /**
     * Holds a permit of the upstream's bulkhead (unless it is a stream, which holds none); gives it
     * back when the answer ends or the caller goes.
     */
    private void admitted(RoutingContext rc, Upstream upstream, UpstreamGuards.Guard guard, boolean holdsPermit) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        if (!guard.breaker().tryPass()) {
            if (holdsPermit) {
                guard.bulkhead().leave();
            }
            if (hasBody(request)) {
                request.resume();
            }
            unavailable(rc, upstream, guard.breaker().retryAfterSeconds(), "circuit open");
            record(upstream, request, 503, System.nanoTime());
            return;
        }
        long started = System.nanoTime();
        AtomicBoolean finished = new AtomicBoolean();
        Runnable leave = () -> {
            if (finished.compareAndSet(false, true)) {
                if (holdsPermit) {
                    guard.bulkhead().leave();
                }
                record(upstream, request, response.getStatusCode(), started);
            }
        };
        response.endHandler(v -> leave.run());
        response.closeHandler(v -> leave.run());

        boolean withBody = hasBody(request);
        if (withBody) {
            request.pause(); // until the upstream request is open and the body can be piped into it
        }
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(upstream.origin().getHost())
                .setPort(upstream.origin().getPort())
                .setURI(target(request))
                .setIdleTimeout(upstream.stream() ? streamIdleTimeoutMs : timeoutMs);
        client().request(options).onComplete(opened -> {
            if (opened.failed()) {
                if (withBody) {
                    request.resume();
                }
                guard.breaker().onFailure();
                unavailable(rc, upstream, 5, opened.cause().toString());
                return;
            }
            var outgoing = opened.result();
            request.headers().forEach(h -> {
                if (!stopsHere(h.getKey(), true)) {
                    outgoing.headers().add(h.getKey(), h.getValue());
                }
            });
            // From the connection and the Host header: vertx-web's authority()/scheme()/remoteAddress()
            // run its Forwarded-header parser on every request, for values these already hold.
            String host = request.getHeader(HttpHeaders.HOST);
            if (host != null) {
                outgoing.headers().set("X-Forwarded-Host", host);
            }
            outgoing.headers().set("X-Forwarded-Proto", request.connection().isSsl() ? "https" : "http");
            // People read Chinese unless they ask otherwise: say so to the service, which takes no side.
            if (!Languages.namesOneWeServe(request.getHeader(Languages.HEADER))) {
                outgoing.headers().set(Languages.HEADER, Languages.PEOPLES_DEFAULT);
            }
            SocketAddress peer = request.connection().remoteAddress();
            if (peer != null && peer.hostAddress() != null) {
                outgoing.headers().set("X-Forwarded-For", peer.hostAddress());
            }
            Future<HttpClientResponse> sent;
            if (withBody) {
                sent = outgoing.send(request);
            } else {
                // No body (RFC 9112 §6.3): send the head alone, not an empty chunked body.
                sent = outgoing.send();
            }
            sent.onComplete(answered -> {
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
                // The gateway's own headers (the request id, deprecation notices) are not repeated
                // when the service sends them too; the service's other headers pass, repeats and all.
                List<String> setHere = List.copyOf(response.headers().names());
                upstreamResponse.headers().forEach(h -> {
                    if (!stopsHere(h.getKey(), false) && !named(setHere, h.getKey())) {
                        response.headers().add(h.getKey(), h.getValue());
                    }
                });
                long length = contentLength(upstreamResponse);
                if (length >= 0 && length <= BUFFERED_BODY_BYTES) {
                    // Like nginx's proxy_buffering: a small answer of known length is read whole
                    // and written with its head in one go; anything else is streamed.
                    upstreamResponse.body().onComplete(body -> {
                        if (response.closed()) {
                            return; // the caller went away while the answer was read
                        }
                        if (body.succeeded()) {
                            response.end(body.result());
                        } else {
                            guard.breaker().onFailure();
                            response.reset();
                        }
                    });
                    return;
                }
                if (length < 0) {
                    response.setChunked(true);
                }
                upstreamResponse.pipeTo(response);
            });
        });
    }

    /**
     * The request target sent on: the path that was checked (in normal form, see GatewayRoutes)
     * and the query as sent, always in origin form, whatever form the client's request line had
     * (an absolute-form target names a host the upstream must not see).
     */
    static String target(HttpServerRequest request) {
        String query = request.query();
        return query == null ? request.path() : request.path() + "?" + query;
    }

    private static boolean named(List<String> names, String name) {
        for (String candidate : names) {
            if (candidate.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING) || (length != null && !length.equals("0"));
    }

    private static long contentLength(HttpClientResponse response) {
        String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void unavailable(RoutingContext rc, Upstream upstream, long retryAfterSeconds, String why) {
        LOG.warnf("Upstream %s unavailable for %s %s: %s", upstream.name(), rc.request().method(), rc.request().path(), why);
        rc.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        ProblemWriter.write(rc, Problem.of(503, "upstream-unavailable", "Service Unavailable",
                "The " + upstream.name() + " service is not answering; try again shortly").at(rc.request().path()));
    }

    private record TimerKey(Upstream upstream, HttpMethod method, int status) {
    }

    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private void record(Upstream upstream, HttpServerRequest request, int status, long startedNanos) {
        HttpMethod method = request.method();
        timers.computeIfAbsent(new TimerKey(upstream, method, status), key -> Timer.builder("gateway.upstream.requests")
                        .description("Requests the gateway forwarded, by upstream, route, method and status")
                        .tag("upstream", upstream.name())
                        .tag("route", upstream.prefix())
                        .tag("method", method.name())
                        .tag("status", Integer.toString(status))
                        .publishPercentileHistogram()
                        .register(registry))
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }
}
