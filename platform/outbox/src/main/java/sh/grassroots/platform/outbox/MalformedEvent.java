package sh.grassroots.platform.outbox;

/** A message that is not an event envelope, or whose payload does not fit its record: it will never apply. */
public class MalformedEvent extends IllegalArgumentException {
    public MalformedEvent(String message) {
        super(message);
    }

    public MalformedEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
