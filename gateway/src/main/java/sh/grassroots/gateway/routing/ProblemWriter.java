package sh.grassroots.gateway.routing;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import sh.grassroots.platform.web.Problem;

/** Writes problem+json from plain Vert.x handlers, where no JAX-RS mapper runs. */
final class ProblemWriter {
    private ProblemWriter() {
    }

    static void write(HttpServerResponse response, Problem problem) {
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
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body.encode());
    }
}
