package sh.grassroots.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is stable and is what clients switch on;
 * {@code title} and {@code detail} are for people.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:grassroots:problem:";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, List.of());
    }

    public static Problem withErrors(int status, String slug, String title, String detail,
                                     List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, List.copyOf(errors));
    }

    public static String type(String slug) {
        return TYPE_PREFIX + slug;
    }

    /** The stable part of {@code type}, e.g. {@code not-found}. */
    public String slug() {
        return type != null && type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
    }

    public Problem at(String instance) {
        return new Problem(type, title, status, detail, instance, errors);
    }
}
