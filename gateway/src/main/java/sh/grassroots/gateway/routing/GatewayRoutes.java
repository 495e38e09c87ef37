package sh.grassroots.gateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import sh.grassroots.gateway.auth.Caller;
import sh.grassroots.gateway.auth.TokenRejected;
import sh.grassroots.gateway.auth.TokenVerifier;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.RequestIds;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The gateway's routes: every /api/v1 and /inter-district/v1 request is authenticated here and
 * then streamed to its service, request and response bodies alike, with the caller's identity
 * and the request id passed on.
 */
@ApplicationScoped
public class GatewayRoutes {
    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    static final String CALLER_HEADER_PREFIX = "x-caller-";
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final TokenVerifier verifier;
    private final long timeoutMs;
    private final List<Upstream> upstreams;

    record Upstream(String name, String prefix, URI origin, boolean interDistrict) {
    }

    public GatewayRoutes(TokenVerifier verifier,
                         @ConfigProperty(name = "gateway.upstream.org") URI org,
                         @ConfigProperty(name = "gateway.upstream.training") URI training,
                         @ConfigProperty(name = "gateway.upstream.stations") URI stations,
                         @ConfigProperty(name = "gateway.upstream.timeout-ms") long timeoutMs) {
        this.verifier = verifier;
        this.timeoutMs = timeoutMs;
        this.upstreams = List.of(
                new Upstream("org", "/api/v1/orgs", org, false),
                new Upstream("training", "/api/v1/training", training, false),
                new Upstream("stations", "/api/v1/stations", stations, false),
                new Upstream("org", "/inter-district/v1", org, true));
    }

    void register(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(64).setKeepAlive(true).setConnectTimeout(2000));
        for (Upstream upstream : upstreams) {
            router.route(upstream.prefix()).handler(rc -> authenticate(rc, upstream)).handler(rc -> forward(rc, client, upstream));
            router.route(upstream.prefix() + "/*").handler(rc -> authenticate(rc, upstream)).handler(rc -> forward(rc, client, upstream));
        }
    }

    private void authenticate(RoutingContext rc, Upstream upstream) {
        HttpServerRequest request = rc.request();
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, requestId);
        request.headers().set(RequestIds.HEADER, requestId);
        rc.response().putHeader(RequestIds.HEADER, requestId);

        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            unauthorized(rc, "A bearer token is required");
            return;
        }
        Caller caller;
        try {
            caller = verifier.verify(authorization.substring(7).strip());
        } catch (TokenRejected e) {
            unauthorized(rc, e.getMessage());
            return;
        }
        if (caller.isService() != upstream.interDistrict()) {
            ProblemWriter.write(rc.response(), Problem.of(403, "forbidden-route", "Forbidden",
                    caller.isService()
                            ? "Service identities may only call /inter-district/v1 routes"
                            : "Inter-district routes are for other districts' service identities").at(request.path()));
            return;
        }
        MultiMap headers = request.headers();
        headers.names().stream().filter(n -> n.toLowerCase(Locale.ROOT).startsWith(CALLER_HEADER_PREFIX)).toList()
                .forEach(headers::remove);
        headers.set("X-Caller-Subject", caller.subject());
        headers.set("X-Caller-Kind", caller.kind().name());
        headers.set("X-Caller-Roles", String.join(",", caller.roles()));
        if (caller.orgScope() != null) {
            headers.set("X-Caller-Org-Scope", caller.orgScope());
        }
        if (caller.district() != null) {
            headers.set("X-Caller-District", caller.district());
        }
        rc.next();
    }

    private void forward(RoutingContext rc, HttpClient client, Upstream upstream) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
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
                unavailable(rc, upstream, opened.cause());
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
                    unavailable(rc, upstream, answered.cause());
                    return;
                }
                HttpClientResponse upstreamResponse = answered.result();
                response.setStatusCode(upstreamResponse.statusCode());
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

    private void unauthorized(RoutingContext rc, String detail) {
        rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"grassroots\"");
        ProblemWriter.write(rc.response(), Problem.of(401, "unauthenticated", "Unauthorized", detail)
                .at(rc.request().path()));
    }

    private void unavailable(RoutingContext rc, Upstream upstream, Throwable cause) {
        LOG.warnf("Upstream %s failed for %s %s: %s", upstream.name(), rc.request().method(), rc.request().path(), cause.toString());
        rc.response().putHeader("Retry-After", "5");
        ProblemWriter.write(rc.response(), Problem.of(503, "upstream-unavailable", "Service Unavailable",
                "The " + upstream.name() + " service is not answering; try again shortly").at(rc.request().path()));
    }
}
