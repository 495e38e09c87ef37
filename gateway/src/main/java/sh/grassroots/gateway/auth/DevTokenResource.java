package sh.grassroots.gateway.auth;

import io.smallrye.jwt.build.Jwt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.POST;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Issues development tokens in the run command's local profile only; anywhere else it answers
 * 404 as if it did not exist.
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
    public TokenResponse issue(@Valid TokenRequest request) {
        if (!enabled) {
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
}
