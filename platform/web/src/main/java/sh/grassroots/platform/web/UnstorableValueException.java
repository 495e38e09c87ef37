package sh.grassroots.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value that JSON can carry but no service can keep: a NUL character in a text, a date outside
 * the years 1 to 9999. Answered 400 {@code invalid-field} naming the field, before any use case
 * sees the request.
 */
public class UnstorableValueException extends MismatchedInputException {
    private final String rule;

    public UnstorableValueException(JsonParser parser, String rule, Class<?> targetType) {
        super(parser, "Value " + rule, targetType);
        this.rule = rule;
    }

    /** What the value must be, for the field error: "must not contain the NUL character (U+0000)". */
    public String rule() {
        return rule;
    }
}
