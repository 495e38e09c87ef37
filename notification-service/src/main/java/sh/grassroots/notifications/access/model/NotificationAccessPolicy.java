package sh.grassroots.notifications.access.model;

import sh.grassroots.platform.access.Refusal;
import sh.grassroots.platform.access.Scope;

import java.util.Optional;

/**
 * Who may do what with notifications: a person's inbox, stream and preferences are theirs alone.
 * Nobody else reads them, managers and administrators included (what was told to a member is
 * that member's business); another district's system has no inbox here.
 */
public final class NotificationAccessPolicy {
    private NotificationAccessPolicy() {
    }

    /** One's own inbox, stream or preferences: any person, as themselves. */
    public static Optional<Refusal> ownInbox(Scope scope) {
        return scope.anyPerson();
    }

    /** A notification is read (or marked) by the person it was for. */
    public static Optional<Refusal> notification(Scope scope, String personId) {
        return scope.self(personId, "read or mark their own notifications");
    }
}
