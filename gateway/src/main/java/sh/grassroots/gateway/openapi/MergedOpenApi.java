package sh.grassroots.gateway.openapi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/openapi.json}: the public API as one OpenAPI document, merged from the
 * services' own documents at request time (so it never drifts from what they serve). Paths do
 * not collide because each service owns its prefix; schema names are made unique per service
 * ({@link OpenApiMerger}). A service that does not answer is listed under {@code x-unavailable}.
 */
@ApplicationScoped
public class MergedOpenApi {
    private final HttpClient client;
    private final Map<String, URI> services = new LinkedHashMap<>();

    public MergedOpenApi(Vertx vertx,
                         @ConfigProperty(name = "gateway.upstream.org") URI org,
                         @ConfigProperty(name = "gateway.upstream.training") URI training,
                         @ConfigProperty(name = "gateway.upstream.stations") URI stations) {
        this.client = vertx.createHttpClient();
        services.put("org", org);
        services.put("training", training);
        services.put("stations", stations);
    }

    void register(@Observes Router router) {
        router.get("/api/v1/openapi.json").handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        List<String> names = new ArrayList<>(services.keySet());
        List<Future<JsonObject>> documents = new ArrayList<>();
        for (String name : names) {
            URI origin = services.get(name);
            documents.add(client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(origin.getHost())
                            .setPort(origin.getPort()).setURI("/q/openapi?format=json").setIdleTimeout(3000)
                            .putHeader("Accept", "application/json"))
                    .compose(req -> req.send())
                    .compose(resp -> resp.statusCode() == 200 ? resp.body()
                            : Future.failedFuture(name + " answered " + resp.statusCode()))
                    .map(body -> body.toJsonObject()));
        }
        Future.join(documents).onComplete(done -> {
            Map<String, JsonObject> answered = new LinkedHashMap<>();
            List<String> unavailable = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Future<JsonObject> document = documents.get(i);
                if (document.failed()) {
                    unavailable.add(names.get(i));
                } else {
                    answered.put(names.get(i), document.result());
                }
            }
            rc.response().putHeader("Content-Type", "application/json")
                    .end(OpenApiMerger.merge(answered, unavailable).encode());
        });
    }
}
