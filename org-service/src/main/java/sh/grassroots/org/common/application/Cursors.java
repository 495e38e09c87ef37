package sh.grassroots.org.common.application;

import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

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

    public static ProblemException invalid() {
        return new ProblemException(Problem.withErrors(400, "invalid-cursor", "Invalid cursor",
                "The cursor was not issued by this list; start again without one",
                List.of(new Problem.FieldError("cursor", "not a cursor of this list"))));
    }
}
