package sh.grassroots.training.enrolment.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CheckInCodeRulesTest {
    static final byte[] SECRET = "a-session-secret-of-32-bytes-len".getBytes(StandardCharsets.US_ASCII);
    static final UUID SESSION = UUID.fromString("6f1c2a3b-0000-4000-8000-000000000001");
    static final Instant SHOWN_AT = Instant.parse("2026-12-10T06:00:10Z");

    static Clock at(Instant i) {
        return Clock.fixed(i, ZoneOffset.UTC);
    }

    static String code(Optional<sh.grassroots.platform.rules.Rejection> r) {
        return r.map(x -> x.slug()).orElse("checked-in");
    }

    @Test
    void the_code_on_the_screen_is_accepted_and_so_is_the_one_just_before_it() {
        String shown = CheckInCode.current(SECRET, SESSION, at(SHOWN_AT)).code();
        assertEquals("checked-in", code(CheckInCode.verify(SECRET, SESSION, shown, at(SHOWN_AT))));
        assertEquals("checked-in", code(CheckInCode.verify(SECRET, SESSION, shown, at(SHOWN_AT.plus(Duration.ofSeconds(60))))));
    }

    @Test
    void the_code_changes_every_minute_and_an_old_photo_of_it_has_expired() {
        CheckInCode.Shown shown = CheckInCode.current(SECRET, SESSION, at(SHOWN_AT));
        assertEquals(Instant.parse("2026-12-10T06:01:00Z"), shown.validUntil());
        assertNotEquals(shown.code(), CheckInCode.current(SECRET, SESSION, at(SHOWN_AT.plus(Duration.ofMinutes(1)))).code());
        assertEquals("check-in-code-expired",
                code(CheckInCode.verify(SECRET, SESSION, shown.code(), at(SHOWN_AT.plus(Duration.ofMinutes(5))))));
    }

    @Test
    void another_sessions_code_or_garbage_is_invalid() {
        UUID otherSession = UUID.fromString("6f1c2a3b-0000-4000-8000-000000000002");
        String otherSessions = CheckInCode.current(SECRET, otherSession, at(SHOWN_AT)).code();
        assertEquals("check-in-code-invalid", code(CheckInCode.verify(SECRET, SESSION, otherSessions, at(SHOWN_AT))));
        assertEquals("check-in-code-invalid", code(CheckInCode.verify(SECRET, SESSION, "12ab56", at(SHOWN_AT))));
        assertEquals("check-in-code-invalid", code(CheckInCode.verify(SECRET, SESSION, null, at(SHOWN_AT))));
    }
}
