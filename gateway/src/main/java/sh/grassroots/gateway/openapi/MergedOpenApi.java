package sh.grassroots.gateway.openapi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
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
 * not collide because each service owns its prefix; schemas of the same name are shared types
 * (e.g. problem documents) and the first one is kept. A service that does not answer is listed
 * under {@code x-unavailable}.
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
            JsonObject paths = new JsonObject();
            JsonObject schemas = new JsonObject();
            JsonArray unavailable = new JsonArray();
            for (int i = 0; i < names.size(); i++) {
                Future<JsonObject> document = documents.get(i);
                if (document.failed()) {
                    unavailable.add(names.get(i));
                    continue;
                }
                JsonObject doc = document.result();
                doc.getJsonObject("paths", new JsonObject()).forEach(e -> {
                    if (e.getKey().startsWith("/api/") || e.getKey().startsWith("/inter-district/")) {
                        paths.put(e.getKey(), e.getValue());
                    }
                });
                JsonObject components = doc.getJsonObject("components", new JsonObject());
                components.getJsonObject("schemas", new JsonObject()).forEach(e -> {
                    if (!schemas.containsKey(e.getKey())) {
                        schemas.put(e.getKey(), e.getValue());
                    }
                });
            }
            JsonObject merged = new JsonObject()
                    .put("openapi", "3.1.0")
                    .put("info", new JsonObject().put("title", "Grassroots party building platform: public API")
                            .put("version", "v1"))
                    .put("components", new JsonObject().put("schemas", schemas)
                            .put("securitySchemes", new JsonObject().put("bearer",
                                    new JsonObject().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT"))))
                    .put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())))
                    .put("paths", paths);
            if (!unavailable.isEmpty()) {
                merged.put("x-unavailable", unavailable);
            }
            rc.response().putHeader("Content-Type", "application/json").end(merged.encode());
        });
    }
}
