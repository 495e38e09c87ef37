package sh.grassroots.stations.booking.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A walk-in's mobile number. It is shown masked everywhere except to the station that needs to
 * call back, because a booking list is seen by many people.
 */
public record PhoneNumber(String digits) {
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public static Optional<PhoneNumber> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return MAINLAND_MOBILE.matcher(digits).matches() ? Optional.of(new PhoneNumber(digits)) : Optional.empty();
    }

    public String masked() {
        return digits.substring(0, 3) + "****" + digits.substring(7);
    }

    @Override
    public String toString() {
        return masked();
    }
}
