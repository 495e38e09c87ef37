package sh.grassroots.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation's checks written out by hand, for the few endpoints on the rush-hour path where
 * Hibernate Validator's per-call machinery was a measurable share of the request (bench/
 * station-booking.sh). The answer is the one {@link ProblemMappers} gives for a
 * ConstraintViolationException — 400 {@code validation}, one error per broken constraint, sorted
 * by field, with Hibernate Validator's default English messages (translated like theirs) — so a
 * client cannot tell the two apart. The request record keeps its annotations for the published
 * contract; a test per record checks that its hand-written checks agree with the annotations.
 */
public final class FieldChecks {
    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** The problem of a request whose fields broke these constraints. */
    public static Problem problem(List<Problem.FieldError> errors) {
        List<Problem.FieldError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing(Problem.FieldError::field));
        return Problem.withErrors(400, "validation", "Invalid request", "Some fields are missing or invalid", sorted);
    }

    /** {@code @NotNull} */
    public FieldChecks notNull(String field, Object value) {
        if (value == null) {
            errors.add(new Problem.FieldError(field, "must not be null"));
        }
        return this;
    }

    /** {@code @NotBlank} (null is blank) */
    public FieldChecks notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "must not be blank"));
        }
        return this;
    }

    /** {@code @Size(min, max)} on a text (null passes, as with the annotation) */
    public FieldChecks size(String field, String value, int min, int max) {
        if (value != null && (value.length() < min || value.length() > max)) {
            errors.add(new Problem.FieldError(field, "size must be between " + min + " and " + max));
        }
        return this;
    }

    /** {@code @Min(min)} */
    public FieldChecks min(String field, long value, long min) {
        if (value < min) {
            errors.add(new Problem.FieldError(field, "must be greater than or equal to " + min));
        }
        return this;
    }

    /** {@code @Max(max)} */
    public FieldChecks max(String field, long value, long max) {
        if (value > max) {
            errors.add(new Problem.FieldError(field, "must be less than or equal to " + max));
        }
        return this;
    }

    public List<Problem.FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws the 400 when any check failed. */
    public void orThrow() {
        if (!errors.isEmpty()) {
            throw new ProblemException(problem(errors));
        }
    }
}
