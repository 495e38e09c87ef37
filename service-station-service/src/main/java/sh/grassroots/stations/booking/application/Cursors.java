package sh.grassroots.stations.booking.application;

import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Cursors are opaque to clients: the (start, id) key of the last booking shown, base64url-encoded. */
final class Cursors {
    record Key(Instant start, UUID id) {
    }

    private Cursors() {
    }

    static String encode(Instant start, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((start + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Key decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw invalid();
            }
            return new Key(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw invalid();
        }
    }

    static ProblemException invalid() {
        return new ProblemException(Problem.withErrors(400, "invalid-cursor", "Invalid cursor",
                "The cursor was not issued by this list; start again without one",
                List.of(new Problem.FieldError("cursor", "not a cursor of this list"))));
    }
}
