package sh.grassroots.gateway.routing;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
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
import sh.grassroots.gateway.auth.model.RolePolicy;
import sh.grassroots.gateway.home.HomeAggregator;
import sh.grassroots.gateway.resilience.RateLimits;
import sh.grassroots.gateway.resilience.model.TokenBucket;
import sh.grassroots.gateway.routing.model.RequestPath;
import sh.grassroots.platform.access.CallerHeaders;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.RequestIds;

import java.net.URI;
import java.util.List;

/**
 * The gateway's routes: every /api/v1 and /inter-district/v1 request gets a request id and a
 * trace context, is authenticated and rate-limited here, and is then streamed to its service
 * with the caller's identity passed on as X-Caller-* headers (client-sent ones are dropped).
 */
@ApplicationScoped
public class GatewayRoutes {
    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    private static final RolePolicy ROLES = new RolePolicy(RolePolicy.DEFAULT);

    private final TokenVerifier verifier;
    private final RateLimits rateLimits;
    private final Forwarder forwarder;
    private final HomeAggregator home;
    private final List<Upstream> upstreams;
    private final List<Deprecation> deprecations;
    private final long maxBodyBytes;

    public GatewayRoutes(TokenVerifier verifier, RateLimits rateLimits, Forwarder forwarder, HomeAggregator home,
                         @ConfigProperty(name = "gateway.deprecations") java.util.Optional<String> deprecations,
                         @ConfigProperty(name = "gateway.max-body-bytes") long maxBodyBytes,
                         @ConfigProperty(name = "gateway.max-header-bytes", defaultValue = "16384") long maxHeaderBytes,
                         @ConfigProperty(name = "gateway.upstream.org") URI org,
                         @ConfigProperty(name = "gateway.upstream.training") URI training,
                         @ConfigProperty(name = "gateway.upstream.stations") URI stations,
                         @ConfigProperty(name = "gateway.upstream.notifications") URI notifications) {
        this.verifier = verifier;
        this.rateLimits = rateLimits;
        this.forwarder = forwarder;
        this.home = home;
        this.deprecations = Deprecation.parseAll(deprecations.orElse(""));
        this.maxBodyBytes = maxBodyBytes;
        this.maxHeaderBytes = maxHeaderBytes;
        this.upstreams = List.of(
                new Upstream("org", "/api/v1/orgs", org, false),
                new Upstream("training", "/api/v1/training", training, false),
                new Upstream("stations", "/api/v1/stations", stations, false),
                // the stream's route comes before its prefix's, which would match it too
                new Upstream("notifications", "/api/v1/me/notifications/stream", notifications, false, true),
                new Upstream("notifications", "/api/v1/me/notifications", notifications, false),
                new Upstream("notifications", "/api/v1/me/notification-preferences", notifications, false),
                new Upstream("org", "/inter-district/v1", org, true));
    }

    private final long maxHeaderBytes;

    void register(@Observes Router router) {
        // Before every other route, Quarkus' own included: the routes match rc.normalizedPath(),
        // the role rules and the forwarded request line the path as sent, so the two must be one.
        router.route().order(HEADER_CHECK_ORDER).handler(rc -> limitHeaders(rc, maxHeaderBytes));
        router.route().order(PATH_CHECK_ORDER).handler(GatewayRoutes::requireNormalPath);
        // The desk console is static files from the console module; its one entry has no trailing slash.
        router.route("/console").method(io.vertx.core.http.HttpMethod.GET).method(io.vertx.core.http.HttpMethod.HEAD)
                .handler(rc -> rc.response().setStatusCode(302)
                .putHeader("Location", "/console/index.html").end());
        router.get("/api/v1/me/home").handler(rc -> authenticate(rc, false)).handler(home::handle)
                .failureHandler(GatewayRoutes::failed);
        for (Upstream upstream : upstreams) {
            for (String path : List.of(upstream.prefix(), upstream.prefix() + "/*")) {
                router.route(path).handler(rc -> authenticate(rc, upstream.interDistrict()))
                        .handler(rc -> forwarder.forward(rc, upstream))
                        .failureHandler(GatewayRoutes::failed);
            }
        }
    }

    /** Runs before the routes Quarkus registers (REST resources, static and non-application routes). */
    static final int PATH_CHECK_ORDER = -10_000;
    static final int HEADER_CHECK_ORDER = PATH_CHECK_ORDER - 1;

    /**
     * Headers larger than {@code gateway.max-header-bytes} in all (a 64 kB bearer token, say) are
     * refused with 431 problem+json {@code request-headers-too-large}. Vert.x's HTTP codec answers a
     * request whose headers exceed {@code quarkus.http.limits.max-header-size} itself, with a bare
     * 431 before any route runs, and Quarkus offers no hook there; so the codec's limit is set well
     * above this one (see application.properties) and the answer with a body is given here.
     * Requests past the codec's limit still get its bare 431.
     */
    static void limitHeaders(RoutingContext rc, long maxHeaderBytes) {
        long size = 0;
        for (var header : rc.request().headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        if (size <= maxHeaderBytes) {
            rc.next();
            return;
        }
        ProblemWriter.write(rc, Problem.of(431, "request-headers-too-large", "Request Header Fields Too Large",
                "The request's headers take " + size + " bytes; at most " + maxHeaderBytes
                        + " are accepted (a bearer token of the platform is a few kilobytes)"));
    }

    /**
     * Lets a request on only when its path is in normal form (see {@link RequestPath}): 400
     * {@code path-not-normalized} naming the normal form, or {@code path-not-allowed}. Quarkus' own
     * tools under /q (Swagger UI redirects to a trailing slash) are left to themselves: nothing
     * under /q is forwarded, and a path reaches them only when its normalized form is under /q.
     */
    static void requireNormalPath(RoutingContext rc) {
        String path = rc.request().path();
        String normalized = rc.normalizedPath();
        if (normalized.equals("/q") || normalized.startsWith("/q/")) {
            rc.next();
            return;
        }
        RequestPath.Form form = RequestPath.check(path);
        if (form instanceof RequestPath.Normal && normalized.equals(path)) {
            rc.next();
            return;
        }
        Problem problem;
        if (form instanceof RequestPath.NotAllowed refused) {
            problem = Problem.of(400, "path-not-allowed", "Bad Request", "The path is refused: " + refused.reason());
        } else {
            // a normal form by the gateway's reading that vert.x-web still routes as another path
            // is answered with the path vert.x-web would route
            String normalForm = form instanceof RequestPath.NotNormal other ? other.normalForm() : normalized;
            problem = Problem.of(400, "path-not-normalized", "Bad Request", "Send the path in normal form: " + normalForm);
        }
        ProblemWriter.write(rc, problem);
    }

    /**
     * Whatever fails on these routes still answers problem+json: a request a handler fails with a
     * client error status keeps its 4xx, anything unexpected is a 500 with the request id to
     * quote, never an HTML page or a stack trace. (A request line Quarkus cannot parse at all is
     * answered by Quarkus before any route, with a bare 400.)
     */
    static void failed(RoutingContext rc) {
        int status = rc.statusCode() >= 400 && rc.statusCode() <= 599 ? rc.statusCode() : 500;
        String path = rc.request().path();
        Problem problem;
        if (status >= 500) {
            String requestId = RequestIds.acceptOrCreate(rc.request().getHeader(RequestIds.HEADER));
            LOG.errorf(rc.failure(), "Unexpected failure [req:%s] %s %s", requestId, rc.request().method(), path);
            problem = Problem.of(500, "internal", "Internal error",
                    "Something went wrong on our side; quote request id " + requestId);
        } else {
            var known = HttpResponseStatus.valueOf(status);
            problem = Problem.of(status, "http-" + status, known.reasonPhrase(),
                    rc.failure() != null ? "The request could not be handled as sent" : null);
        }
        ProblemWriter.write(rc, path == null ? problem : problem.at(path));
    }

    private void authenticate(RoutingContext rc, boolean interDistrictRoute) {
        HttpServerRequest request = rc.request();
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, requestId);
        request.headers().set(RequestIds.HEADER, requestId);
        rc.response().putHeader(RequestIds.HEADER, requestId);

        for (Deprecation deprecation : deprecations) {
            if (request.path().startsWith(deprecation.pathPrefix())) {
                deprecation.headers().forEach(rc.response()::putHeader);
            }
        }
        String length = request.getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
            ProblemWriter.write(rc, Problem.of(413, "body-too-large", "Content Too Large",
                    "Request bodies are limited to " + maxBodyBytes + " bytes").at(request.path()));
            return;
        }

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
        if (caller.isService() != interDistrictRoute) {
            ProblemWriter.write(rc, Problem.of(403, "forbidden-route", "Forbidden",
                    caller.isService()
                            ? "Service identities may only call /inter-district/v1 routes"
                            : "Inter-district routes are for other districts' service identities").at(request.path()));
            return;
        }
        var refusal = ROLES.check(request.method().name(), request.path(), caller.roles());
        if (refusal.isPresent()) {
            ProblemWriter.write(rc, Problem.of(403, "forbidden-role", "Forbidden",
                    "This needs one of the roles " + refusal.get().needsOneOf().stream().sorted().toList()
                            + " (rule " + refusal.get().rule() + ")").at(request.path()));
            return;
        }
        TokenBucket.Decision allowed = rateLimits.check(caller, request.method(), request.path());
        if (!allowed.allowed()) {
            rc.response().putHeader("Retry-After", Long.toString(allowed.retryAfterSeconds()));
            ProblemWriter.write(rc, Problem.of(429, "rate-limited", "Too Many Requests",
                    "Too many requests from this caller; retry after " + allowed.retryAfterSeconds() + "s").at(request.path()));
            return;
        }
        MultiMap headers = request.headers();
        removeCallerHeaders(headers);
        caller.writeHeaders(headers::set);
        rc.next();
    }

    /** Drops client-sent X-Caller-* headers; only the gateway names the caller. */
    private static void removeCallerHeaders(MultiMap headers) {
        List<String> sent = null;
        for (var header : headers) {
            if (CallerHeaders.isCallerHeader(header.getKey())) {
                if (sent == null) {
                    sent = new java.util.ArrayList<>(2);
                }
                sent.add(header.getKey());
            }
        }
        if (sent != null) {
            sent.forEach(headers::remove);
        }
    }

    private void unauthorized(RoutingContext rc, String detail) {
        rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"grassroots\"");
        ProblemWriter.write(rc, Problem.of(401, "unauthenticated", "Unauthorized", detail)
                .at(rc.request().path()));
    }
}
