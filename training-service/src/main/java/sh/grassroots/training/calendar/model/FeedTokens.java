package sh.grassroots.training.calendar.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret in a calendar feed URL: 256 random bits, URL-safe Base64 without padding (43
 * characters). Only its SHA-256 is stored; a token is as strong as a password that cannot be
 * guessed, so a fast hash without salt is enough (nothing to brute-force in 2^256).
 */
public final class FeedTokens {
    private static final int BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private FeedTokens() {
    }

    public static String newToken(SecureRandom random) {
        byte[] secret = new byte[BYTES];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Whether {@code text} could be a token at all; anything else is answered like an unknown token. */
    public static boolean wellFormed(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
