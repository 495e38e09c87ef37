package sh.grassroots.gateway.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies bearer tokens with SmallRye JWT, following RFC 8725: one configured algorithm per
 * issuer (RS256 or ES256), an explicit
 * {@code typ} when present, no key material taken from the token (jku, x5u, jwk are refused),
 * issuer, audience, exp and nbf checked. Each trusted issuer has its own configured key
 * (a PEM file or a JWKS document/URL):
 * <ul>
 *   <li>the platform's identity provider, whose tokens are people;</li>
 *   <li>one issuer per other district ({@code GATEWAY_DISTRICT_ISSUERS}), whose tokens are that
 *       district's service identity; the district comes from configuration, never from a claim.</li>
 * </ul>
 */
@ApplicationScoped
public class TokenVerifier {
    private static final Set<String> ACCEPTED_TYP = Set.of("jwt", "at+jwt", "application/at+jwt");
    private static final Set<String> REFUSED_HEADERS = Set.of("jku", "x5u", "jwk", "x5c");

    private record Issuer(DefaultJWTParser parser, Caller.Kind kind, String district) {
    }

    private final Map<String, Issuer> issuers = new HashMap<>();

    /**
     * Tokens already verified, until they expire (at most {@link #CACHE_SECONDS}): a phone sends
     * the same token with every request, and the signature check is most of the gateway's work
     * per request. Bounded; cleared whole when full.
     */
    private record Verified(Caller caller, long validUntilEpochSecond) {
    }

    private static final int CACHE_LIMIT = 50_000;
    private static final long CACHE_SECONDS = 300;
    private final Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    public TokenVerifier(@ConfigProperty(name = "gateway.jwt.issuer") String issuer,
                         @ConfigProperty(name = "gateway.jwt.audience") String audience,
                         @ConfigProperty(name = "gateway.jwt.public-key-location") Optional<String> publicKeyLocation,
                         @ConfigProperty(name = "gateway.jwt.algorithm") String algorithm,
                         @ConfigProperty(name = "gateway.jwt.clock-skew-seconds") int clockSkewSeconds,
                         @ConfigProperty(name = "gateway.jwt.district-issuers") Optional<String> districtIssuers,
                         @ConfigProperty(name = "gateway.dev-tokens.enabled") boolean devTokens,
                         @ConfigProperty(name = "gateway.dev-tokens.key-dir") String devKeyDir) {
        String peopleKey = publicKeyLocation.orElseGet(() -> {
            if (!devTokens) {
                throw new IllegalStateException("Set JWT_PUBLIC_KEY_LOCATION (or enable dev tokens for a local run)");
            }
            DevKeys.loadOrCreate(Path.of(devKeyDir));
            return Path.of(devKeyDir).resolve("public.pem").toAbsolutePath().toString();
        });
        issuers.put(issuer, new Issuer(parser(issuer, audience, peopleKey, algorithm, clockSkewSeconds),
                Caller.Kind.PERSON, null));
        for (DistrictIssuer d : DistrictIssuer.parseAll(districtIssuers.orElse(""))) {
            issuers.put(d.issuer(), new Issuer(parser(d.issuer(), audience, d.keyLocation(), d.algorithm(), clockSkewSeconds),
                    Caller.Kind.SERVICE, d.districtCode()));
        }
    }

    public Caller verify(String token) throws TokenRejected {
        long now = java.time.Instant.now().getEpochSecond();
        Verified known = verified.get(token);
        if (known != null && now < known.validUntilEpochSecond()) {
            return known.caller();
        }
        Caller caller = verifyUncached(token);
        if (verified.size() >= CACHE_LIMIT) {
            verified.clear();
        }
        verified.put(token, new Verified(caller, Math.min(caller.expiresAtEpochSecond(), now + CACHE_SECONDS)));
        return caller;
    }

    private Caller verifyUncached(String token) throws TokenRejected {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new TokenRejected("The bearer token is not a signed JWT");
        }
        Map<String, Object> header = json(parts[0]);
        Object typ = header.get("typ");
        if (typ != null && !ACCEPTED_TYP.contains(typ.toString().toLowerCase())) {
            throw new TokenRejected("The bearer token has an unexpected type");
        }
        if (header.keySet().stream().anyMatch(REFUSED_HEADERS::contains)) {
            throw new TokenRejected("The bearer token names its own key; keys are configured, not taken from tokens");
        }
        Object iss = json(parts[1]).get("iss");
        Issuer issuer = iss == null ? null : issuers.get(iss.toString());
        if (issuer == null) {
            throw new TokenRejected("The bearer token comes from an issuer this gateway does not trust");
        }
        JsonWebToken jwt;
        try {
            jwt = issuer.parser().parse(token);
        } catch (ParseException e) {
            throw new TokenRejected("The bearer token is not valid: it may be expired, not yet valid, "
                    + "for another audience, or not signed by the issuer's key");
        }
        Set<String> roles = new HashSet<>(jwt.getGroups() == null ? Set.of() : jwt.getGroups());
        if (issuer.kind() == Caller.Kind.SERVICE) {
            roles.add("service");
            return new Caller(jwt.getSubject(), Caller.Kind.SERVICE, Set.copyOf(roles), null, issuer.district(),
                    jwt.getExpirationTime());
        }
        roles.remove("service");
        return new Caller(jwt.getSubject(), Caller.Kind.PERSON, Set.copyOf(roles),
                jwt.getClaim("org_scope"), jwt.getClaim("district"), jwt.getExpirationTime());
    }

    private static Map<String, Object> json(String segment) throws TokenRejected {
        try {
            return JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JoseException | ClassCastException e) {
            throw new TokenRejected("The bearer token is not a well-formed JWT");
        }
    }

    /**
     * One algorithm per issuer: SmallRye JWT decides how to read a key location from the first
     * algorithm of the allowed set, so a set of two (RS256 and ES256, in Set.of's per-JVM order)
     * made RSA keys unreadable in about half of the JVMs.
     */
    private static DefaultJWTParser parser(String issuer, String audience, String keyLocation, String algorithm,
                                           int clockSkewSeconds) {
        SignatureAlgorithm allowed = switch (algorithm.strip().toUpperCase()) {
            case "RS256" -> SignatureAlgorithm.RS256;
            case "ES256" -> SignatureAlgorithm.ES256;
            default -> throw new IllegalArgumentException("JWT algorithm must be RS256 or ES256, not " + algorithm);
        };
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setIssuedBy(issuer);
        info.setPublicKeyLocation(keyLocation);
        info.setExpectedAudience(Set.of(audience));
        info.setSignatureAlgorithm(Set.of(allowed));
        info.setClockSkew(clockSkewSeconds);
        info.setExpGracePeriodSecs(0);
        info.setRequiredClaims(Set.of("sub", "exp", "iat"));
        return new DefaultJWTParser(info);
    }
}
