package sh.grassroots.platform.web;

import org.jboss.resteasy.reactive.RestResponse;

import java.util.Arrays;
import java.util.List;

/**
 * Every service's ETags: the entity's version as a strong tag, {@code "3"}. Reads honour
 * If-None-Match (weak comparison, RFC 9110 §13.1.2: a proxy that weakened the tag still gets its
 * 304); writes take If-Match, where only a strong tag can match (§13.1.1), and a version the
 * client did not see last is 412 {@code stale-version}.
 */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 304 when the caller's copy is current, else the entity; both carry the ETag. */
    public static <T> RestResponse<T> read(T entity, long version, String ifNoneMatch) {
        String etag = of(version);
        if (matchesWeakly(ifNoneMatch, etag)) {
            return RestResponse.ResponseBuilder.<T>notModified().header("ETag", etag).build();
        }
        return RestResponse.ResponseBuilder.ok(entity).header("ETag", etag).build();
    }

    public static <T> RestResponse<T> written(T entity, long version) {
        return RestResponse.ResponseBuilder.ok(entity).header("ETag", etag(version)).build();
    }

    private static String etag(long version) {
        return of(version);
    }

    /**
     * The version an If-Match header names, or null when the client sent none (or {@code *}: any
     * current version). Anything but one strong tag of ours is 400 {@code invalid-if-match}: a weak
     * tag never matches If-Match, and the client is better told so than sent into 412s.
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            throw invalid("If-Match needs the ETag exactly as given (a weak W/ tag never matches a write)");
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            try {
                long version = Long.parseLong(value.substring(1, value.length() - 1));
                if (version >= 0) {
                    return version;
                }
            } catch (NumberFormatException e) {
                // not a tag of ours: the problem below
            }
        }
        throw invalid("If-Match must be an ETag this API issued, like \"3\"");
    }

    /** 412 {@code stale-version} when the caller named a version other than the stored one. */
    public static void requireCurrent(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw stale(expected, actual);
        }
    }

    public static ProblemException stale(long expected, long actual) {
        return new ProblemException(Problem.of(412, "stale-version", "The resource has changed",
                "You sent version " + expected + " but it is now at version " + actual + "; reload and retry"));
    }

    private static boolean matchesWeakly(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        List<String> tags = Arrays.stream(ifNoneMatch.split(",")).map(String::strip).toList();
        return tags.contains("*") || tags.stream().map(t -> t.startsWith("W/") ? t.substring(2) : t).anyMatch(etag::equals);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problem.withErrors(400, "invalid-if-match", "Invalid If-Match", detail,
                List.of(new Problem.FieldError("If-Match", "not an ETag of this resource"))));
    }
}
