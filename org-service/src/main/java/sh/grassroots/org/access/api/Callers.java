package sh.grassroots.org.access.api;

import jakarta.ws.rs.core.HttpHeaders;
import sh.grassroots.platform.web.CallerHeaders;

/**
 * The caller of a request, from the X-Caller-* headers the gateway sets. org-service is only
 * reachable through the gateway; a request without them is refused with 401.
 */
public final class Callers {
    private Callers() {
    }

    public static CallerHeaders require(HttpHeaders headers) {
        return CallerHeaders.require(headers::getHeaderString);
    }
}
