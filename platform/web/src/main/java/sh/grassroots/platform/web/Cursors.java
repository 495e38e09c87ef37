package sh.grassroots.platform.web;


import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Cursors are opaque to clients: the key of the last row shown, base64url-encoded. */
public final class Cursors {
    private Cursors() {
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The usual key of a list in time order: a timestamp and the row's id to break ties. */
    public record TimeAndId(Instant time, UUID id) {
    }

    public static String encode(Instant time, UUID id) {
        return encode(time + "|" + id);
    }

    public static TimeAndId decodeTimeAndId(String cursor) {
        String[] parts = decode(cursor).split("\\|");
        if (parts.length != 2) {
            throw invalid();
        }
        try {
            return new TimeAndId(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    public static ProblemException invalid() {
        return new ProblemException(Problem.withErrors(400, "invalid-cursor", "Invalid cursor",
                "The cursor was not issued by this list; start again without one",
                List.of(new Problem.FieldError("cursor", "not a cursor of this list"))));
    }
}
