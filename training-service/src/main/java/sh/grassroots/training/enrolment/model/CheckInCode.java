package sh.grassroots.training.enrolment.model;

import sh.grassroots.platform.rules.Rejection;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The six-digit code shown as a QR code on the screen in the room. It changes every minute, so a
 * photo sent to someone at home stops working quickly; the previous minute's code is still taken
 * because people scan just as it changes. Derived from a per-session secret (HMAC, like TOTP), so
 * nothing needs to be stored per code.
 */
public final class CheckInCode {
    public static final Duration STEP = Duration.ofMinutes(1);
    /** How far back an old code is still recognised, to tell "expired" from "wrong". */
    static final int RECOGNISED_STEPS = 240;

    public record Shown(String code, Instant validUntil) {
    }

    private CheckInCode() {
    }

    public static Shown current(byte[] secret, UUID sessionId, Clock clock) {
        long step = stepOf(clock.instant());
        return new Shown(codeFor(secret, sessionId, step), Instant.ofEpochSecond((step + 1) * STEP.getSeconds()));
    }

    public static Optional<Rejection> verify(byte[] secret, UUID sessionId, String code, Clock clock) {
        long now = stepOf(clock.instant());
        if (code == null || !code.matches("\\d{6}")) {
            return Optional.of(invalid());
        }
        if (code.equals(codeFor(secret, sessionId, now)) || code.equals(codeFor(secret, sessionId, now - 1))) {
            return Optional.empty();
        }
        for (long step = now - 2; step > now - RECOGNISED_STEPS; step--) {
            if (code.equals(codeFor(secret, sessionId, step))) {
                return Optional.of(new Rejection(EnrolmentRule.CHECK_IN_CODE_EXPIRED,
                        "This check-in code has expired; scan the code on the screen again"));
            }
        }
        return Optional.of(invalid());
    }

    private static Rejection invalid() {
        return new Rejection(EnrolmentRule.CHECK_IN_CODE_INVALID, "This is not the check-in code of this session");
    }

    private static long stepOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP.getSeconds());
    }

    static String codeFor(byte[] secret, UUID sessionId, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(sessionId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] digest = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = digest[digest.length - 1] & 0x0f;
            int binary = ((digest[offset] & 0x7f) << 24) | ((digest[offset + 1] & 0xff) << 16)
                    | ((digest[offset + 2] & 0xff) << 8) | (digest[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
