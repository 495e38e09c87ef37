package sh.grassroots.notifications.delivery.model;

/** One e-mail to one person: plain text, in the language of the notification. */
public record EmailMessage(String to, String subject, String text) {
}
