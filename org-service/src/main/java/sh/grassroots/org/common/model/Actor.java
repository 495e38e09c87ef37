package sh.grassroots.org.common.model;

import sh.grassroots.platform.access.Caller;

/**
 * Who took a step that a history keeps: the caller's subject (a member id, or another district's
 * client id) and kind ({@code PERSON}, {@code SERVICE}), as the gateway's headers said, or one of
 * org-service's own jobs ({@code SYSTEM}). Rows written before it was recorded have none (null:
 * "not recorded"). No name or other personal data: whoever reads a history reads who acted by id.
 */
public record Actor(String subject, String kind) {
    public static final String SYSTEM = "SYSTEM";

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.kind().name());
    }

    /** A scheduled job of org-service, named by {@code job}. */
    public static Actor system(String job) {
        return new Actor(job, SYSTEM);
    }

    /** From stored columns; null when the row predates the columns. */
    public static Actor stored(String subject, String kind) {
        return subject == null ? null : new Actor(subject, kind);
    }
}
