package sh.grassroots.gateway.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * Another district's identity provider, from {@code GATEWAY_DISTRICT_ISSUERS}:
 * {@code <district code>=<issuer>|<key location>} entries separated by commas, e.g.
 * {@code 310101=https://id.huangpu.example|https://id.huangpu.example/jwks.json}. The key location
 * may be a PEM public key or a JWKS document, as a path or an https URL.
 */
public record DistrictIssuer(String districtCode, String issuer, String keyLocation) {

    public static List<DistrictIssuer> parseAll(String spec) {
        List<DistrictIssuer> result = new ArrayList<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            int bar = entry.lastIndexOf('|');
            if (eq < 1 || bar < eq + 2 || bar == entry.length() - 1) {
                throw new IllegalArgumentException("District issuer entry must be code=issuer|key-location: " + entry.strip());
            }
            String code = entry.substring(0, eq).strip();
            if (!code.matches("\\d{6}")) {
                throw new IllegalArgumentException("District code must have 6 digits: " + code);
            }
            result.add(new DistrictIssuer(code, entry.substring(eq + 1, bar).strip(), entry.substring(bar + 1).strip()));
        }
        return result;
    }
}
