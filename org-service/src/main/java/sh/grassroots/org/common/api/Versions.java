package sh.grassroots.org.common.api;

import org.jboss.resteasy.reactive.RestResponse;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

import java.util.List;

/** The entity version as a strong ETag, {@code "<version>"}, for If-None-Match reads and If-Match updates. */
public final class Versions {
    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static <T> RestResponse<T> read(T entity, long version, String ifNoneMatch) {
        String etag = etag(version);
        if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || List.of(ifNoneMatch.split(",")).stream()
                .map(String::strip).anyMatch(etag::equals))) {
            return RestResponse.ResponseBuilder.<T>notModified().header("ETag", etag).build();
        }
        return RestResponse.ResponseBuilder.ok(entity).header("ETag", etag).build();
    }

    public static <T> RestResponse<T> written(T entity, long version) {
        return RestResponse.ResponseBuilder.ok(entity).header("ETag", etag(version)).build();
    }

    /** The version an If-Match header names, or null when the client sent none. */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.withErrors(400, "invalid-if-match", "Invalid If-Match",
                    "If-Match must be an ETag this API issued, like \"3\"",
                    List.of(new Problem.FieldError("If-Match", "not an ETag of this resource"))));
        }
    }
}
