package sh.grassroots.platform.web;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import sh.grassroots.platform.access.CallerHeaders;

/**
 * A service's API is reached only through the gateway, which names the caller: a request to
 * {@code /api/...} or {@code /inter-district/...} without the caller headers is answered 401
 * before anything else is looked at — before its body is read or validated, so that a caller
 * who skipped the gateway learns nothing about what a valid request would be. The use cases still
 * read the caller themselves ({@link Callers#require}); this only makes the answer the same for
 * every request. Health, metrics and OpenAPI live under {@code /q} and are not concerned.
 */
public class CallerRequiredFilter {

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response requireCaller(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!(path.startsWith("/api/") || path.startsWith("/inter-district/"))) {
            return null;
        }
        if (CallerHeaders.read(request::getHeaderString).isPresent()) {
            return null;
        }
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .entity(Callers.unauthenticated().problem().at(path)).build();
    }
}
