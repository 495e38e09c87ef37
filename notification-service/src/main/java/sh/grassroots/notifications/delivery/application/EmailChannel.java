package sh.grassroots.notifications.delivery.application;

import io.smallrye.mutiny.Uni;
import sh.grassroots.notifications.delivery.model.EmailMessage;

/** The outbound e-mail channel: an SMTP server in production and in the tests alike. */
public interface EmailChannel {
    /** Completes when the server accepted the message; fails when it did not. */
    Uni<Void> send(EmailMessage message);
}
