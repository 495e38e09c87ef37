package sh.grassroots.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The Idempotency-Key convention every create that may be retried follows (a phone on a bad line,
 * the gateway's 504 upstream-outcome-unknown): a key is 1 to 200 characters and belongs to the
 * caller who sent it (the same key from another caller is another request); the request it came
 * with is remembered by a fingerprint; the same key with the same request replays the first answer,
 * with another request it is 422 {@code idempotency-key-reused}.
 * <p>
 * Where the key is kept is each feature's business, because it must commit with what it guards:
 * a booking keeps it on its own row (the one-statement insert claims key and slot at once), an
 * enrolment in a table beside it holding the answer to replay.
 */
public final class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;

    private IdempotencyKeys() {
    }

    /** The key, or null when none was sent; 400 {@code validation} naming the header when it is unusable. */
    public static String read(String header) {
        if (header == null) {
            return null;
        }
        if (header.isBlank() || header.length() > MAX_LENGTH) {
            throw new ProblemException(Problem.withErrors(400, "validation", "Invalid request",
                    "The Idempotency-Key header must have 1 to 200 characters",
                    List.of(new Problem.FieldError(HEADER, "1 to 200 characters"))));
        }
        return header;
    }

    /** A fingerprint of the request's meaning (the caller builds the canonical text from its fields). */
    public static String fingerprint(String canonicalRequest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static ProblemException reused() {
        return new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was used for another request"));
    }
}
