package sh.grassroots.platform.web;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * The request line may carry a NUL character too, percent-encoded as {@code %00} in the path or
 * the query, which PostgreSQL cannot store: a path or a query parameter with one is answered 400
 * here, naming it, before any resource runs. The JSON body is checked while it is read
 * ({@link StorableValues}). A header cannot carry one this far: a raw NUL byte in a header value
 * is refused by the HTTP codec (Netty) with a bare 400 before any route, in every service and in
 * the gateway alike, and headers are not percent-decoded. Runs after the caller check: without
 * the gateway's headers the answer is 401 whatever else.
 */
public class NulCharacterFilter {
    private static final char NUL = '\0';

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 1)
    public Response refuseNul(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.indexOf(NUL) >= 0) {
            return refuse(request, "path", "The path holds a NUL character (%00)");
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (holdsNul(parameter.getKey()) || parameter.getValue().stream().anyMatch(NulCharacterFilter::holdsNul)) {
                return refuse(request, parameter.getKey().replace(NUL, '?'),
                        "Query parameter " + parameter.getKey().replace(NUL, '?') + " holds a NUL character (%00)");
            }
        }
        return null;
    }

    private static boolean holdsNul(String value) {
        return value != null && value.indexOf(NUL) >= 0;
    }

    private static Response refuse(ContainerRequestContext request, String field, String detail) {
        Problem problem = Problem.withErrors(400, "invalid-field", "Invalid field value", detail,
                List.of(new Problem.FieldError(field, StorableValues.NO_NUL)));
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(problem.at(request.getUriInfo().getPath().replace(NUL, '?'))).build();
    }
}
