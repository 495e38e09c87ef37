package sh.grassroots.stations.access.model;

import sh.grassroots.platform.access.Caller;

/**
 * Who took a decision the station keeps (approved or rejected a booking, recorded a mediation's
 * outcome): the caller's subject and kind ({@code PERSON}, {@code SERVICE}) as the gateway's
 * headers said. Decisions taken before it was recorded have none (null: "not recorded").
 */
public record Actor(String subject, String kind) {

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.kind().name());
    }

    /** From stored columns; null when the row predates them. */
    public static Actor stored(String subject, String kind) {
        return subject == null ? null : new Actor(subject, kind);
    }
}
