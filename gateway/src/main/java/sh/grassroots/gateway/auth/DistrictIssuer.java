package sh.grassroots.gateway.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * Another district's identity provider, from {@code GATEWAY_DISTRICT_ISSUERS}:
 * {@code <district code>=<issuer>|<key location>[|RS256|ES256]} entries separated by commas, e.g.
 * {@code 310101=https://id.huangpu.example|https://id.huangpu.example/jwks.json}. The key location
 * may be a PEM public key or a JWKS document, as a path or an https URL; the algorithm defaults
 * to RS256.
 */
public record DistrictIssuer(String districtCode, String issuer, String keyLocation, String algorithm) {

    public static List<DistrictIssuer> parseAll(String spec) {
        List<DistrictIssuer> result = new ArrayList<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String[] parts = eq < 1 ? new String[0] : entry.substring(eq + 1).split("\\|", -1);
            if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("District issuer entry must be code=issuer|key-location[|algorithm]: "
                        + entry.strip());
            }
            String code = entry.substring(0, eq).strip();
            if (!code.matches("\\d{6}")) {
                throw new IllegalArgumentException("District code must have 6 digits: " + code);
            }
            result.add(new DistrictIssuer(code, parts[0].strip(), parts[1].strip(),
                    parts.length == 3 ? parts[2].strip() : "RS256"));
        }
        return result;
    }
}
