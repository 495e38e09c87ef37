package sh.grassroots.platform.web;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the request id and the trace context into the log context (MDC) for the whole request:
 * every log line carries the id, and every event the outbox records meanwhile carries the
 * traceparent. The id is echoed on the answer.
 */
public class RequestIdFilter {

    /** First of all, so that every answer (a refusal of the caller too) carries the request id. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public void assign(ContainerRequestContext request) {
        String id = RequestIds.acceptOrCreate(request.getHeaderString(RequestIds.HEADER));
        request.setProperty(RequestIds.MDC_KEY, id);
        MDC.put(RequestIds.MDC_KEY, id);
        String traceparent = request.getHeaderString(TraceContext.HEADER);
        if (TraceContext.isValid(traceparent)) {
            MDC.put(TraceContext.MDC_KEY, traceparent);
        } else {
            MDC.remove(TraceContext.MDC_KEY);
        }
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestIds.MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(RequestIds.HEADER, id);
        }
    }
}
