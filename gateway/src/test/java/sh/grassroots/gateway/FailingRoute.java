package sh.grassroots.gateway;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Test-only routes under a gateway prefix: one whose handler throws, as a bug would, and one that
 * fails the request with a client error status, as a vertx-web handler does.
 */
@ApplicationScoped
public class FailingRoute {
    static final String PATH = "/api/v1/orgs/test-only-failure";
    static final String REFUSING_PATH = "/api/v1/orgs/test-only-refusal";

    void register(@Observes Router router) {
        router.get(PATH).order(-100).handler(rc -> {
            throw new IllegalStateException("a bug in a handler");
        });
        router.get(REFUSING_PATH).order(-100).handler(rc -> rc.fail(413));
    }
}
