package sh.grassroots.notifications.inbox.application;

import java.util.List;

/** One page of a person's inbox, newest first, with how many of all their notifications are unread. */
public record InboxPage(List<NotificationView> items, String nextCursor, long unreadCount) {
}
