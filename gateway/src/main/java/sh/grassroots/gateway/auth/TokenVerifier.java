package sh.grassroots.gateway.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies bearer tokens with SmallRye JWT: only RS256/ES256 signatures, the configured
 * issuer and audience, expiry and not-before. Keys come from configuration only.
 */
@ApplicationScoped
public class TokenVerifier {
    private final DefaultJWTParser parser;

    public TokenVerifier(@ConfigProperty(name = "gateway.jwt.issuer") String issuer,
                         @ConfigProperty(name = "gateway.jwt.audience") String audience,
                         @ConfigProperty(name = "gateway.jwt.public-key-location") Optional<String> publicKeyLocation,
                         @ConfigProperty(name = "gateway.jwt.clock-skew-seconds") int clockSkewSeconds,
                         @ConfigProperty(name = "gateway.dev-tokens.enabled") boolean devTokens,
                         @ConfigProperty(name = "gateway.dev-tokens.key-dir") String devKeyDir) {
        PublicKey key = publicKeyLocation.map(TokenVerifier::read)
                .orElseGet(() -> devTokens ? DevKeys.loadOrCreate(Path.of(devKeyDir)).getPublic() : null);
        if (key == null) {
            throw new IllegalStateException("Set JWT_PUBLIC_KEY_LOCATION (or enable dev tokens for a local run)");
        }
        JWTAuthContextInfo info = new JWTAuthContextInfo(key, issuer);
        info.setExpectedAudience(Set.of(audience));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256));
        info.setClockSkew(clockSkewSeconds);
        info.setExpGracePeriodSecs(0);
        info.setRequiredClaims(Set.of("sub", "exp", "iat"));
        this.parser = new DefaultJWTParser(info);
    }

    public Caller verify(String token) throws TokenRejected {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw new TokenRejected("The bearer token is not valid: it may be expired, not yet valid, "
                    + "for another audience or issuer, or not signed by a trusted key");
        }
        String kind = jwt.getClaim("caller_kind");
        return new Caller(jwt.getSubject(),
                "service".equals(kind) ? Caller.Kind.SERVICE : Caller.Kind.PERSON,
                jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups()),
                jwt.getClaim("org_scope"),
                jwt.getClaim("district"));
    }

    private static PublicKey read(String location) {
        try {
            return DevKeys.readPublic(Path.of(location));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the JWT public key at " + location, e);
        }
    }
}
