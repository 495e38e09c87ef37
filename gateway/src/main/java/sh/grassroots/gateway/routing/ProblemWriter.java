package sh.grassroots.gateway.routing;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import sh.grassroots.platform.web.Languages;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemCatalogue;

import java.util.Locale;

/**
 * Writes problem+json from plain Vert.x handlers, where no JAX-RS mapper runs, in the caller's
 * language like every service's problems ({@link Languages}, {@link ProblemCatalogue}).
 */
final class ProblemWriter {
    private ProblemWriter() {
    }

    static void write(RoutingContext rc, Problem problem) {
        Locale locale = Languages.fromAcceptLanguage(rc.request().getHeader(Languages.HEADER));
        HttpServerResponse response = rc.response();
        if (!response.headWritten()) {
            response.putHeader("Content-Language", Languages.tag(locale)).putHeader("Vary", Languages.HEADER);
        }
        write(response, ProblemCatalogue.shared().localize(problem, locale));
    }

    private static void write(HttpServerResponse response, Problem problem) {
        if (response.headWritten()) {
            response.reset();
            return;
        }
        JsonObject body = new JsonObject().put("type", problem.type()).put("title", problem.title())
                .put("status", problem.status());
        if (problem.detail() != null) {
            body.put("detail", problem.detail());
        }
        if (problem.instance() != null) {
            body.put("instance", problem.instance());
        }
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            JsonArray errors = new JsonArray();
            problem.errors().forEach(e -> errors.add(new JsonObject().put("field", e.field()).put("message", e.message())));
            body.put("errors", errors);
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body.encode());
    }
}
