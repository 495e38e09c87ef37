package sh.grassroots.notifications.delivery.infrastructure;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.notifications.delivery.application.EmailChannel;
import sh.grassroots.notifications.delivery.model.EmailMessage;

/** E-mail through Quarkus Mailer to the SMTP server configured (quarkus.mailer.*, SMTP_HOST/SMTP_PORT). */
@ApplicationScoped
public class MailerEmailChannel implements EmailChannel {
    private final ReactiveMailer mailer;

    public MailerEmailChannel(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public Uni<Void> send(EmailMessage message) {
        return mailer.send(Mail.withText(message.to(), message.subject(), message.text()));
    }
}
