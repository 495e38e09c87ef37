package sh.grassroots.stations.booking.api;

import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

import java.util.List;

/** Strong ETags made of the entity version: {@code "3"}. */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names, or null when there is none. */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                // fall through to the problem below
            }
        }
        throw new ProblemException(Problem.withErrors(400, "validation", "Invalid request",
                "If-Match must be one ETag this API gave out, e.g. \"3\"",
                List.of(new Problem.FieldError("If-Match", "an ETag such as \"3\""))));
    }
}
