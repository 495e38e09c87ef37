package sh.grassroots.platform.access;

import java.util.Objects;

/**
 * Why a caller may not do what they asked: a stable slug clients switch on, and a detail for
 * people. Services answer it as 403 problem+json (an unknown target is a 404 instead, decided
 * before any policy is asked).
 */
public record Refusal(String slug, String detail) {
    /** The target exists but lies outside what the caller's roles reach. */
    public static final String OUT_OF_SCOPE = "out-of-scope";
    /** Another district's system on a route for people. */
    public static final String SERVICE_IDENTITY_NOT_ALLOWED = "service-identity-not-allowed";
    /** Another person's own records or steps (their enrolment, their held seat, their booking). */
    public static final String NOT_YOURS = "not-own-record";

    public Refusal {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(detail, "detail");
    }

    public static Refusal outOfScope(String detail) {
        return new Refusal(OUT_OF_SCOPE, detail);
    }

    public static Refusal notYours(String detail) {
        return new Refusal(NOT_YOURS, detail);
    }

    public static Refusal serviceIdentity() {
        return new Refusal(SERVICE_IDENTITY_NOT_ALLOWED,
                "Another district's service identity may only call the inter-district endpoints");
    }
}
