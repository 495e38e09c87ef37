package sh.grassroots.gateway.routing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A path prefix being retired: its responses carry {@code Deprecation} (RFC 9745),
 * {@code Sunset} (RFC 8594) and a {@code Link} to the notice. Configured as
 * {@code GATEWAY_DEPRECATIONS=<prefix>|<deprecated since>|<sunset date>|<notice url>,...}.
 */
public record Deprecation(String pathPrefix, LocalDate since, LocalDate sunset, String notice) {

    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Deprecation", "@" + since.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        headers.put("Sunset", DateTimeFormatter.RFC_1123_DATE_TIME.format(sunset.atStartOfDay(ZoneOffset.UTC)));
        if (notice != null && !notice.isBlank()) {
            headers.put("Link", "<" + notice + ">; rel=\"deprecation\"; type=\"text/html\"");
        }
        return headers;
    }

    public static List<Deprecation> parseAll(String spec) {
        List<Deprecation> result = new ArrayList<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split("\\|", -1);
            if (parts.length < 3 || !parts[0].startsWith("/")) {
                throw new IllegalArgumentException("Deprecation entry must be /prefix|since|sunset[|notice]: " + entry.strip());
            }
            result.add(new Deprecation(parts[0], LocalDate.parse(parts[1]), LocalDate.parse(parts[2]),
                    parts.length > 3 ? parts[3] : null));
        }
        return result;
    }
}
