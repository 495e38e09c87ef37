package sh.grassroots.gateway.routing;

import java.net.URI;

/**
 * A service behind the gateway and the path prefix routed to it. A {@code stream} route answers
 * with a long-lived stream (server-sent events): it holds no slot of the upstream's bulkhead and
 * has the stream idle timeout instead of the request one.
 */
public record Upstream(String name, String prefix, URI origin, boolean interDistrict, boolean stream) {
    public Upstream(String name, String prefix, URI origin, boolean interDistrict) {
        this(name, prefix, origin, interDistrict, false);
    }
}
