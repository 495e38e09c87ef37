package sh.grassroots.platform.ical;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ICalendarFeedTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void an_event_is_written_in_utc_with_its_text_escaped_and_what_is_missing_left_out() {
        String feed = ICalendarFeed.write("training-service", "我的课程", List.of(
                new ICalendarFeed.Event("s1@training.grassroots.sh", Instant.parse("2026-12-10T01:00:00Z"),
                        Instant.parse("2026-12-10T03:00:00Z"), "党课; 第一讲, 上", null, null,
                        ICalendarFeed.Status.TENTATIVE)), NOW);

        assertTrue(feed.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//grassroots//training-service//ZH\r\n"), feed);
        assertTrue(feed.contains("X-WR-CALNAME:我的课程\r\n"), feed);
        assertTrue(feed.contains("UID:s1@training.grassroots.sh\r\nDTSTAMP:20261206T080000Z\r\n"
                + "DTSTART:20261210T010000Z\r\nDTEND:20261210T030000Z\r\n"), feed);
        assertTrue(feed.contains("SUMMARY:党课\\; 第一讲\\, 上\r\n"), feed);
        assertTrue(feed.contains("STATUS:TENTATIVE\r\nEND:VEVENT\r\n"), feed);
        assertFalse(feed.contains("LOCATION"), feed);
        assertFalse(feed.contains("DESCRIPTION"), feed);
        assertTrue(feed.endsWith("END:VCALENDAR\r\n"), feed);
    }

    @Test
    void an_empty_feed_is_still_a_calendar() {
        String feed = ICalendarFeed.write("service-station-service", "room", List.of(), NOW);
        assertEquals(0, feed.split("BEGIN:VEVENT", -1).length - 1);
        assertTrue(feed.endsWith("X-WR-CALNAME:room\r\nEND:VCALENDAR\r\n"), feed);
    }
}
