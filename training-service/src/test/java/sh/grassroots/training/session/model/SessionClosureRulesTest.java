package sh.grassroots.training.session.model;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionClosureRulesTest {
    static final Instant START = Instant.parse("2026-12-10T06:00:00Z");
    static final Instant END = Instant.parse("2026-12-10T08:00:00Z");

    static Clock at(Instant i) {
        return Clock.fixed(i, ZoneOffset.UTC);
    }

    @Test
    void a_scheduled_session_is_cancelled_only_before_it_starts_and_only_once() {
        assertTrue(SessionClosure.mayCancel(true, START, at(START.minusSeconds(1))).isEmpty());
        assertEquals("session-already-started", SessionClosure.mayCancel(true, START, at(START)).orElseThrow().slug());
        assertEquals("session-already-cancelled",
                SessionClosure.mayCancel(false, START, at(START.minusSeconds(60))).orElseThrow().slug());
    }

    @Test
    void no_shows_are_recorded_once_the_session_has_ended() {
        assertEquals("session-not-ended", SessionClosure.mayRecordNoShows(true, END, at(END.minusSeconds(1))).orElseThrow().slug());
        assertTrue(SessionClosure.mayRecordNoShows(true, END, at(END)).isEmpty());
        assertEquals("session-not-open", SessionClosure.mayRecordNoShows(false, END, at(END)).orElseThrow().slug());
    }
}
