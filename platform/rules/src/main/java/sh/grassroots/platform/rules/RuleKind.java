package sh.grassroots.platform.rules;

/**
 * What kind of "no" a rule gives, which is all the HTTP edge needs to choose a status code
 * (platform-web's {@code Rejections}); the model never names a status.
 */
public enum RuleKind {
    /** The request can never succeed as written (a value out of bounds, a missing or unknown name): 422. */
    INVALID,
    /** The request clashes with the current state and may succeed later or after another change: 409. */
    CONFLICT,
    /** The caller may not do this to this object: 403. */
    FORBIDDEN,
    /** The object the request names does not exist (for this caller): 404. */
    NOT_FOUND,
    /** The object existed and is gone for good (an expired or revoked link): 410. */
    GONE,
    /** The caller's copy is out of date (If-Match): 412. */
    STALE,
    /** The request is malformed before any rule can look at it: 400. */
    MALFORMED
}
