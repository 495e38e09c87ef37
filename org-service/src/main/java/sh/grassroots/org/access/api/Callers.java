package sh.grassroots.org.access.api;

import jakarta.ws.rs.core.HttpHeaders;
import sh.grassroots.platform.access.Caller;

/**
 * The caller of a request, from the X-Caller-* headers the gateway sets. org-service is only
 * reachable through the gateway; a request without them is refused with 401.
 */
public final class Callers {
    private Callers() {
    }

    public static Caller require(HttpHeaders headers) {
        return sh.grassroots.platform.web.Callers.require(headers::getHeaderString);
    }
}
