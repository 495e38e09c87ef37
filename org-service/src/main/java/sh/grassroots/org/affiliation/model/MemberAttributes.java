package sh.grassroots.org.affiliation.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a secretary or organizer records about a member for the criteria of functional branches
 * (city, mainWork, followers, ...). Keys are attribute names of the criteria language, so that
 * every attribute can be named in a criteria expression.
 */
public final class MemberAttributes {
    static final int MAX_ATTRIBUTES = 50;
    static final int MAX_KEY_LENGTH = 64;
    static final int MAX_VALUE_LENGTH = 200;
    private static final Pattern KEY = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.]*");

    public record Invalid(String key, String message) {
    }

    private MemberAttributes() {
    }

    public static List<Invalid> check(Map<String, String> attributes) {
        List<Invalid> invalid = new ArrayList<>();
        if (attributes.size() > MAX_ATTRIBUTES) {
            invalid.add(new Invalid("attributes", "at most " + MAX_ATTRIBUTES + " attributes"));
        }
        attributes.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches() || key.length() > MAX_KEY_LENGTH
                    || List.of("and", "or", "in").contains(key.toLowerCase(java.util.Locale.ROOT))) {
                invalid.add(new Invalid("attributes." + key, "not an attribute name: letters, digits, '_' or '.', "
                        + "not starting with a digit, at most " + MAX_KEY_LENGTH + " characters, not and/or/in"));
            } else if (value == null || value.isBlank() || value.length() > MAX_VALUE_LENGTH) {
                invalid.add(new Invalid("attributes." + key, "a value of 1 to " + MAX_VALUE_LENGTH + " characters"));
            }
        });
        return invalid;
    }
}
