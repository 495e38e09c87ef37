package sh.grassroots.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Locale;

/**
 * Every problem leaves in the reader's language ({@link Languages}), whichever mapper, filter or
 * resource wrote it: the words come from the {@link ProblemCatalogue}, the slug stays. People come
 * through the gateway, which states zh-CN when they name no language; a request that states none
 * did not come from a person's phone and gets the words as the code wrote them (English).
 */
public class ProblemLanguage {

    @ServerResponseFilter
    public void localize(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem)) {
            return;
        }
        Locale locale = Languages.fromAcceptLanguage(request.getHeaderString(Languages.HEADER), Languages.ENGLISH);
        response.setEntity(ProblemCatalogue.shared().localize(problem, locale));
        response.getHeaders().putSingle("Content-Language", Languages.tag(locale));
        response.getHeaders().add("Vary", Languages.HEADER);
    }
}
