package sh.grassroots.notifications.inbox.model;

import java.time.OffsetDateTime;

/**
 * What the person can do about a notification: the request the app makes (method and path, as
 * the gateway serves it) and until when it can be made (null: no deadline).
 */
public record NextStep(String action, String method, String href, OffsetDateTime deadline) {
}
