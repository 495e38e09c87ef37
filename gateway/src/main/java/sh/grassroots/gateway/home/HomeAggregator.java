package sh.grassroots.gateway.home;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import sh.grassroots.gateway.resilience.UpstreamGuards;
import sh.grassroots.gateway.routing.model.RequestPath;
import sh.grassroots.platform.access.CallerHeaders;
import sh.grassroots.platform.web.Languages;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/me/home}: what a member's phone shows on its first screen, fetched from the
 * three services in parallel. A part whose service is down or slow is listed under
 * {@code unavailable} and the rest is still returned; a part the service has nothing for (404)
 * is null.
 */
@ApplicationScoped
public class HomeAggregator {
    private static final Logger LOG = Logger.getLogger(HomeAggregator.class);
    private static final List<String> PASSED_HEADERS = List.of("X-Request-Id",
            "Accept-Language", CallerHeaders.SUBJECT, CallerHeaders.KIND, CallerHeaders.ROLES, CallerHeaders.ORG_SCOPE,
            CallerHeaders.DISTRICT);

    /** The part contract each service serves for the caller named by the X-Caller-* headers. */
    record Part(String name, String upstream, String path) {
    }

    /** {@code {subject}} is the caller's member id, from the verified token. */
    static final List<Part> PARTS = List.of(
            new Part("memberCard", "org", "/api/v1/orgs/members/{subject}"),
            new Part("transfers", "org", "/api/v1/orgs/transfers?memberId={subject}&limit=5"),
            new Part("upcomingSessions", "training", "/api/v1/training/people/{subject}/sessions"),
            new Part("creditHours", "training", "/api/v1/training/people/{subject}/credit-hours"),
            new Part("bookings", "stations", "/api/v1/stations/people/{subject}/bookings"));

    private final HttpClient client;
    private final UpstreamGuards guards;
    private final Map<String, URI> origins;
    private final long timeoutMs;

    public HomeAggregator(Vertx vertx, UpstreamGuards guards,
                          @ConfigProperty(name = "gateway.upstream.org") URI org,
                          @ConfigProperty(name = "gateway.upstream.training") URI training,
                          @ConfigProperty(name = "gateway.upstream.stations") URI stations,
                          @ConfigProperty(name = "gateway.home.part-timeout-ms") long timeoutMs) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setConnectTimeout(1000));
        this.guards = guards;
        this.origins = Map.of("org", org, "training", training, "stations", stations);
        this.timeoutMs = timeoutMs;
    }

    public void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        List<Future<Object>> fetches = new ArrayList<>();
        for (Part part : PARTS) {
            fetches.add(fetch(part, request));
        }
        Future.join(fetches).onComplete(done -> {
            JsonObject body = new JsonObject();
            JsonArray unavailable = new JsonArray();
            for (int i = 0; i < PARTS.size(); i++) {
                Future<Object> f = fetches.get(i);
                if (f.succeeded()) {
                    body.put(PARTS.get(i).name(), f.result());
                } else {
                    body.putNull(PARTS.get(i).name());
                    unavailable.add(PARTS.get(i).name());
                }
            }
            body.put("unavailable", unavailable);
            rc.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                    .end(body.encode());
        });
    }

    private Future<Object> fetch(Part part, HttpServerRequest incoming) {
        URI origin = origins.get(part.upstream());
        String subject = java.net.URLEncoder.encode(
                String.valueOf(incoming.getHeader(CallerHeaders.SUBJECT)), java.nio.charset.StandardCharsets.UTF_8);
        String uri = part.path().replace("{subject}", subject);
        int query = uri.indexOf('?');
        // a subject such as ".." would make another path of it, which the service would route elsewhere
        if (!(RequestPath.check(query < 0 ? uri : uri.substring(0, query)) instanceof RequestPath.Normal)) {
            return Future.failedFuture("subject " + subject + " makes no path of " + part.name());
        }
        UpstreamGuards.Guard guard = guards.forUpstream(part.upstream());
        if (!guard.breaker().tryPass()) {
            return Future.failedFuture("circuit open for " + part.upstream());
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(origin.getHost())
                .setPort(origin.getPort()).setURI(uri).setIdleTimeout(timeoutMs);
        for (String header : PASSED_HEADERS) {
            String value = incoming.getHeader(header);
            if (value != null) {
                options.putHeader(header, value);
            }
        }
        if (!Languages.namesOneWeServe(incoming.getHeader(Languages.HEADER))) {
            options.putHeader(Languages.HEADER, Languages.PEOPLES_DEFAULT);
        }
        options.putHeader("Accept", "application/json");
        return client.request(options)
                .compose(req -> req.send())
                .compose(response -> response.body().map(body -> new Object[]{response.statusCode(), body}))
                .transform(result -> {
                    if (result.failed()) {
                        guard.breaker().onFailure();
                        LOG.warnf("me/home part %s unavailable: %s", part.name(), result.cause().toString());
                        return Future.failedFuture(result.cause());
                    }
                    int status = (int) result.result()[0];
                    Buffer body = (Buffer) result.result()[1];
                    if (status >= 500) {
                        guard.breaker().onFailure();
                        return Future.failedFuture(part.upstream() + " answered " + status);
                    }
                    guard.breaker().onSuccess();
                    if (status == 404 || body.length() == 0) {
                        return Future.succeededFuture(null);
                    }
                    if (status >= 400) {
                        return Future.failedFuture(part.upstream() + " answered " + status);
                    }
                    try {
                        return Future.succeededFuture(Json.decodeValue(body));
                    } catch (RuntimeException notJson) {
                        return Future.failedFuture(notJson);
                    }
                });
    }
}
