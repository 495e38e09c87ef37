package sh.grassroots.stations.booking.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.stations.booking.model.ABookingRequest.TUESDAY_9AM;
import static sh.grassroots.stations.booking.model.ABookingRequest.at;

class CalendarFeedTest {
    private static final TimeRange WEDNESDAY_AFTERNOON = new TimeRange(at(2, 14, 0), at(2, 16, 0));

    @Test
    void a_confirmed_booking_becomes_an_event_in_utc() {
        String feed = CalendarFeed.write("零距离党群服务站", List.of(new CalendarFeed.Entry("b1@stations",
                WEDNESDAY_AFTERNOON, BookingStatus.CONFIRMED, "主题党日", "会议室", "第一党支部")), TUESDAY_9AM);

        assertTrue(feed.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), feed);
        assertTrue(feed.contains("\r\nDTSTART:20261202T060000Z\r\n"), feed);
        assertTrue(feed.contains("\r\nDTEND:20261202T080000Z\r\n"), feed);
        assertTrue(feed.contains("\r\nSTATUS:CONFIRMED\r\n"), feed);
        assertTrue(feed.endsWith("END:VCALENDAR\r\n"), feed);
    }

    @Test
    void a_booking_awaiting_approval_is_tentative() {
        String feed = CalendarFeed.write("站", List.of(new CalendarFeed.Entry("b2@stations", WEDNESDAY_AFTERNOON,
                BookingStatus.REQUESTED, "读书会", "阅览室", null)), TUESDAY_9AM);
        assertTrue(feed.contains("\r\nSTATUS:TENTATIVE\r\n"), feed);
        assertTrue(!feed.contains("DESCRIPTION"), feed);
    }

    @Test
    void commas_semicolons_and_line_breaks_are_escaped() {
        assertEquals("党课\\, 讨论\\; 合影\\n散会", CalendarFeed.escape("党课, 讨论; 合影\n散会"));
    }

    @Test
    void a_long_chinese_line_is_folded_at_75_octets_without_splitting_a_character() {
        StringBuilder out = new StringBuilder();
        CalendarFeed.line(out, "SUMMARY:" + "滨江党建金融外滩".repeat(10));
        String[] lines = out.toString().split("\r\n");
        assertTrue(lines.length > 1, out.toString());
        for (String line : lines) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        String unfolded = out.toString().replace("\r\n ", "");
        assertEquals("SUMMARY:" + "滨江党建金融外滩".repeat(10) + "\r\n", unfolded);
    }
}
