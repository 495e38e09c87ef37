package sh.grassroots.stations.booking.model;

import sh.grassroots.platform.ical.ICalendarText;

import java.time.Instant;
import java.util.List;

/**
 * Writes bookings as an iCalendar (RFC 5545) feed that phone calendars subscribe to. Times are
 * written in UTC so that no VTIMEZONE block is needed; calendars show them in local time.
 */
public final class CalendarFeed {

    /** One entry of the feed; {@code description} may be null. */
    public record Entry(String uid, TimeRange slot, BookingStatus status, String summary, String location,
                        String description) {
    }

    private CalendarFeed() {
    }

    public static String write(String calendarName, List<Entry> entries, Instant generatedAt) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//grassroots//service-station-service//ZH");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + escape(calendarName));
        for (Entry e : entries) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + e.uid());
            line(out, "DTSTAMP:" + ICalendarText.utc(generatedAt));
            line(out, "DTSTART:" + ICalendarText.utc(e.slot().start()));
            line(out, "DTEND:" + ICalendarText.utc(e.slot().end()));
            line(out, "SUMMARY:" + escape(e.summary()));
            line(out, "LOCATION:" + escape(e.location()));
            if (e.description() != null) {
                line(out, "DESCRIPTION:" + escape(e.description()));
            }
            line(out, "STATUS:" + (e.status() == BookingStatus.REQUESTED ? "TENTATIVE" : "CONFIRMED"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    static String escape(String text) {
        return ICalendarText.escape(text);
    }

    static void line(StringBuilder out, String content) {
        ICalendarText.line(out, content);
    }
}
