package sh.grassroots.org.access.api;

import jakarta.ws.rs.core.HttpHeaders;
import sh.grassroots.platform.web.CallerHeaders;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

/**
 * The caller of a request, from the X-Caller-* headers the gateway sets. org-service is only
 * reachable through the gateway; a request without them is refused with 401.
 */
public final class Callers {
    private Callers() {
    }

    public static CallerHeaders require(HttpHeaders headers) {
        return CallerHeaders.from(headers::getHeaderString).orElseThrow(() -> new ProblemException(Problem.of(401,
                "unauthenticated", "Unauthenticated", "This endpoint is reached through the gateway with a token")));
    }
}
