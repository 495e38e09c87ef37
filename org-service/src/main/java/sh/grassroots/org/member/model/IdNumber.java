package sh.grassroots.org.member.model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * A resident identity card number (GB 11643): 6-digit area code, birth date, 3-digit sequence
 * and a check character (ISO 7064 MOD 11-2). Only its masked form ever leaves the service.
 */
public record IdNumber(String value) {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    public IdNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a valid ID number");
        }
    }

    /** Accepts a lower-case check character, as people type it. */
    public static IdNumber parse(String candidate) {
        return new IdNumber(candidate.strip().toUpperCase(Locale.ROOT));
    }

    public static boolean isValid(String candidate) {
        if (candidate == null) {
            return false;
        }
        String value = candidate.strip().toUpperCase(Locale.ROOT);
        if (!value.matches("\\d{17}[\\dX]")) {
            return false;
        }
        try {
            LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeParseException e) {
            return false;
        }
        return value.charAt(17) == checkCharacter(value.substring(0, 17));
    }

    public static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** The first three and the last four characters, enough for a person to recognise their own. */
    public String masked() {
        return value.substring(0, 3) + "*".repeat(11) + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }
}
