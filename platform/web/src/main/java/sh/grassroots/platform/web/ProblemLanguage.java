package sh.grassroots.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Locale;

/**
 * Every problem leaves in the reader's language ({@link Languages}), whichever mapper, filter or
 * resource wrote it: the words come from the {@link ProblemCatalogue}, the slug stays.
 */
public class ProblemLanguage {

    @ServerResponseFilter
    public void localize(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem)) {
            return;
        }
        Locale locale = Languages.fromAcceptLanguage(request.getHeaderString(Languages.HEADER));
        response.setEntity(ProblemCatalogue.shared().localize(problem, locale));
        response.getHeaders().putSingle("Content-Language", Languages.tag(locale));
        response.getHeaders().add("Vary", Languages.HEADER);
    }
}
