package sh.grassroots.notifications.preference.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** An e-mail address a person gave; shown masked (z***@example.com) in every answer. */
public record EmailAddress(String value) {
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");

    public EmailAddress {
        if (!valid(value)) {
            throw new IllegalArgumentException("not an e-mail address");
        }
    }

    public static boolean valid(String value) {
        return value != null && value.length() <= 254 && SHAPE.matcher(value).matches();
    }

    public static Optional<EmailAddress> parse(String value) {
        return valid(value) ? Optional.of(new EmailAddress(value)) : Optional.empty();
    }

    /** The first character of the local part and the domain: enough to recognise, not to use. */
    public String masked() {
        int at = value.indexOf('@');
        return value.charAt(0) + "***" + value.substring(at);
    }
}
