package sh.grassroots.gateway.routing;

import java.net.URI;

/** A service behind the gateway and the path prefix routed to it. */
public record Upstream(String name, String prefix, URI origin, boolean interDistrict) {
}
