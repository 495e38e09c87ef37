package sh.grassroots.training.common.model;

import java.util.Objects;

/**
 * A broken business rule, as a value. {@code code} is stable (clients switch on it and it
 * becomes the problem type slug); {@code detail} is for people.
 */
public record Rejection(String code, String detail) {
    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }
}
