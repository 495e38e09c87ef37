package sh.grassroots.stations.booking.model;

import org.junit.jupiter.api.Test;

import java.util.List;

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
}
