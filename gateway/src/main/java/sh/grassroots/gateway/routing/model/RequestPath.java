package sh.grassroots.gateway.routing.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a request's path (as sent, before any decoding) is in the one form the gateway decides
 * on and forwards. The gateway's role rules, its rate-limit classes and its routes must see the
 * very path the service's router will see; a path that some layer would still rewrite (vert.x-web
 * decodes percent-encoded unreserved characters, removes dot segments and merges {@code //}; JAX-RS
 * strips {@code ;} matrix parameters and decodes path parameters) is refused instead of rewritten,
 * so the path that is checked is byte for byte the path that is forwarded.
 *
 * <p>Normal form: starts with {@code /}; no empty segment (no {@code //}, no trailing {@code /});
 * no {@code .} or {@code ..} segment; unreserved characters (RFC 3986 §2.3) never percent-encoded;
 * percent-encoding in upper-case hex. Never accepted, in any form: an encoded {@code /} or
 * {@code \}, {@code ?}, {@code #}, {@code %}, {@code ;}, a space or control character; a raw
 * {@code \}, {@code ;} or anything that is not a path character of RFC 3986.
 */
public final class RequestPath {

    /** What the gateway does with a path. */
    public sealed interface Form permits Normal, NotNormal, NotAllowed {
    }

    /** In normal form: decide on it and forward it as it is. */
    public record Normal(String path) implements Form {
    }

    /** Means {@code normalForm}, but is not written that way: the client is told the normal form. */
    public record NotNormal(String normalForm) implements Form {
    }

    /** Holds something no path of this API contains; {@code reason} says what. */
    public record NotAllowed(String reason) implements Form {
    }

    private RequestPath() {
    }

    public static Form check(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return new NotAllowed("a path starts with /");
        }
        StringBuilder decoded = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return new NotAllowed("% must start a percent-encoded octet");
                }
                int octet = hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2));
                if (unreserved(octet)) {
                    decoded.append((char) octet);
                } else if (octet >= 0x80 || encodedDataCharacter(octet)) {
                    decoded.append('%').append(Character.toUpperCase(raw.charAt(i + 1)))
                            .append(Character.toUpperCase(raw.charAt(i + 2)));
                } else {
                    return new NotAllowed("an encoded " + describe(octet) + " is not accepted in a path");
                }
                i += 2;
            } else if (c == '/' || unreserved(c) || rawDataCharacter(c)) {
                decoded.append(c);
            } else {
                return new NotAllowed(describe(c) + " is not accepted in a path");
            }
        }
        String normal = normalizeSegments(decoded.toString());
        return normal.equals(raw) ? new Normal(raw) : new NotNormal(normal);
    }

    /** Removes empty, {@code .} and {@code ..} segments (RFC 3986 §5.2.4, and {@code //} as one). */
    private static String normalizeSegments(String path) {
        List<String> kept = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!kept.isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
                continue;
            }
            kept.add(segment);
        }
        return "/" + String.join("/", kept);
    }

    private static boolean unreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /**
     * Path characters of RFC 3986 other than unreserved ones that carry no meaning to any router
     * here: {@code :} and {@code @} and the sub-delimiters except {@code ;} (JAX-RS matrix parameters).
     */
    private static boolean rawDataCharacter(char c) {
        return c == ':' || c == '@' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')'
                || c == '*' || c == '+' || c == ',' || c == '=';
    }

    /** The same characters percent-encoded, as a browser's encodeURIComponent sends them. */
    private static boolean encodedDataCharacter(int octet) {
        return octet < 0x80 && rawDataCharacter((char) octet);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static String describe(int c) {
        return switch (c) {
            case '/' -> "slash";
            case '\\' -> "backslash";
            case '?' -> "question mark";
            case '#' -> "hash";
            case '%' -> "percent sign";
            case ';' -> "semicolon (matrix parameter)";
            case ' ' -> "space";
            default -> c < 0x20 || c == 0x7f ? String.format("control character 0x%02X", c)
                    : c >= 0x80 ? "non-ASCII character" : "'" + (char) c + "'";
        };
    }
}
