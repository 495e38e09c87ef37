package sh.grassroots.notifications.preference.model;

/** Where a notification goes: the in-app inbox and stream, or an e-mail. */
public enum Channel {
    IN_APP, EMAIL
}
