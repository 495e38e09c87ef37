package sh.grassroots.notifications.delivery.model;

import sh.grassroots.notifications.inbox.model.NextStep;
import sh.grassroots.notifications.inbox.model.NotificationText;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * An e-mail says what the notification says, in Chinese then English (a mail has no
 * Accept-Language), and points to the app for the next step: a link in a mail is not the
 * person's session, and an accept link that worked without one would be a bearer token in a mailbox.
 */
public final class EmailBody {
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private EmailBody() {
    }

    public static EmailMessage of(String to, NotificationText.Text zh, NotificationText.Text en, Optional<NextStep> next) {
        StringBuilder text = new StringBuilder();
        text.append(zh.body()).append("\n");
        next.ifPresent(step -> text.append("请打开“基层党建”App 的消息中心办理")
                .append(step.deadline() == null ? "" : "（截止 " + DEADLINE.format(step.deadline()
                        .atZoneSameInstant(NotificationText.SHANGHAI)) + "）").append("。\n"));
        text.append("\n").append(en.body()).append("\n");
        next.ifPresent(step -> text.append("Open the app's notifications to act on it")
                .append(step.deadline() == null ? "" : " (before " + DEADLINE.format(step.deadline()
                        .atZoneSameInstant(NotificationText.SHANGHAI)) + " Shanghai time)").append(".\n"));
        return new EmailMessage(to, zh.title() + " / " + en.title(), text.toString());
    }
}
