package sh.grassroots.notifications.inbox.application;

import sh.grassroots.notifications.inbox.model.NextStep;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A notification as the app shows it: its texts in the caller's language, the facts they were
 * made from, and what to do next (null when nothing is to be done). {@code seq} is its event id
 * on the stream.
 */
public record NotificationView(UUID id, long seq, String kind, String title, String body, Map<String, String> facts,
                               NextStep nextStep, OffsetDateTime createdAt, OffsetDateTime readAt) {
}
