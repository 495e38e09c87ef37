package sh.grassroots.platform.outbox;

/**
 * The failure that sends a message to its consumer's dead-letter topic. Its message becomes the
 * record's {@code dead-letter-reason} header (SmallRye's dead-letter strategy writes it, with
 * {@code dead-letter-topic}, {@code -partition} and {@code -offset} for the way back), and starts
 * with one of the reasons below so that an operator can tell a message that will never apply
 * from one that failed for a cause that a fix may remove (see docs/events.md, "Dead letters").
 */
public final class DeadLetter extends RuntimeException {
    /** Not an event envelope (not JSON, not an object). */
    public static final String UNREADABLE = "unreadable";
    /** An envelope whose payload does not fit its record, or lacks what the consumer needs. */
    public static final String INVALID = "invalid-for-schema";
    /** Readable, but the handler kept failing for a cause that is not transient (a bug, a broken rule). */
    public static final String GAVE_UP = "failed-after-retries";

    private final String reason;

    private DeadLetter(String reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    static DeadLetter unreadable(Throwable cause) {
        return new DeadLetter(UNREADABLE, cause.getMessage(), cause);
    }

    static DeadLetter invalid(ReceivedEvent event, Throwable cause) {
        return new DeadLetter(INVALID, event.describe() + ": " + message(cause), cause);
    }

    static DeadLetter gaveUp(ReceivedEvent event, int attempts, Throwable cause) {
        return new DeadLetter(GAVE_UP, event.describe() + " failed " + attempts + " times: " + message(cause), cause);
    }

    private static String message(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == cause ? String.valueOf(cause.getMessage())
                : cause.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
