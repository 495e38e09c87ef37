package sh.grassroots.gateway.auth;

import io.smallrye.jwt.build.Jwt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Issues development tokens in the run command's local profile only, and only to a caller on this
 * machine (a loopback peer, whatever address the gateway listens on); anywhere else, and to anyone
 * else, it answers 404 as if it did not exist.
 */
@jakarta.ws.rs.Path("/dev/token")
public class DevTokenResource {
    private final boolean enabled;
    private final String issuer;
    private final String audience;
    private final String keyDir;

    public DevTokenResource(@ConfigProperty(name = "gateway.dev-tokens.enabled") boolean enabled,
                            @ConfigProperty(name = "gateway.jwt.issuer") String issuer,
                            @ConfigProperty(name = "gateway.jwt.audience") String audience,
                            @ConfigProperty(name = "gateway.dev-tokens.key-dir") String keyDir) {
        this.enabled = enabled;
        this.issuer = issuer;
        this.audience = audience;
        this.keyDir = keyDir;
    }

    public record TokenRequest(@NotBlank String subject, List<String> roles, String orgScope, String district,
                               @Min(60) @Max(86400) Integer ttlSeconds) {
    }

    public record TokenResponse(String token, Instant expiresAt) {
    }

    @POST
    public TokenResponse issue(@Valid TokenRequest request, @Context HttpServerRequest http) {
        if (!enabled || !fromLoopback(http.connection().remoteAddress())) {
            throw new ProblemException(Problem.of(404, "not-found", "Not Found", "Dev tokens are off"));
        }
        TokenRequest r = request == null ? new TokenRequest("dev-organizer", null, null, null, null) : request;
        PrivateKey key = DevKeys.loadOrCreate(Path.of(keyDir)).getPrivate();
        Instant expiresAt = Instant.now().plusSeconds(r.ttlSeconds() == null ? 3600 : r.ttlSeconds());
        var builder = Jwt.issuer(issuer).audience(audience).subject(r.subject())
                .groups(Set.copyOf(r.roles() == null ? List.of("member") : r.roles()))
                .issuedAt(Instant.now()).expiresAt(expiresAt);
        if (r.orgScope() != null) {
            builder.claim("org_scope", r.orgScope());
        }
        if (r.district() != null) {
            builder.claim("district", r.district());
        }
        return new TokenResponse(builder.jws().keyId("dev").sign(key), expiresAt);
    }

    /**
     * True when the connection's peer is a loopback address. The socket's own peer, never a
     * Forwarded or X-Forwarded-For header (the gateway does not take the peer from headers). No
     * name is looked up: the peer is an IP literal.
     */
    static boolean fromLoopback(SocketAddress peer) {
        if (peer == null || !peer.isInetSocket() || peer.hostAddress() == null) {
            return false;
        }
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(peer.hostAddress());
        return address != null && address.isLoopbackAddress();
    }
}
