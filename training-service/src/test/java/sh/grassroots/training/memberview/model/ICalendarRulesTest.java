package sh.grassroots.training.memberview.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ICalendarRulesTest {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void a_confirmed_lesson_becomes_an_event_in_utc_with_crlf_lines() {
        UUID id = UUID.randomUUID();
        String feed = ICalendar.feed("我的党课", List.of(new ICalendar.Event(id, "沉浸式党课", "哔哩哔哩党群服务站",
                Instant.parse("2026-12-10T06:00:00Z"), Instant.parse("2026-12-10T08:00:00Z"), false)), NOW);
        assertTrue(feed.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), feed);
        assertTrue(feed.contains("UID:" + id + "@training.grassroots.sh\r\n"), feed);
        assertTrue(feed.contains("DTSTART:20261210T060000Z\r\nDTEND:20261210T080000Z\r\n"), feed);
        assertTrue(feed.contains("STATUS:CONFIRMED\r\n"), feed);
        assertTrue(feed.endsWith("END:VCALENDAR\r\n"), feed);
        assertEquals(feed.split("\r\n", -1).length - 1, feed.split("\n", -1).length - 1, "no bare LF");
    }
}
