package sh.grassroots.training.memberview.model;

import sh.grassroots.platform.ical.ICalendarText;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A member's sessions as an iCalendar (RFC 5545) feed that phone calendars subscribe to. */
public final class ICalendar {

    public record Event(UUID uid, String summary, String location, Instant starts, Instant ends, boolean tentative) {
    }

    private ICalendar() {
    }

    public static String feed(String name, List<Event> events, Instant generatedAt) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//grassroots//training-service//ZH");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + text(name));
        for (Event e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + e.uid() + "@training.grassroots.sh");
            line(out, "DTSTAMP:" + ICalendarText.utc(generatedAt));
            line(out, "DTSTART:" + ICalendarText.utc(e.starts()));
            line(out, "DTEND:" + ICalendarText.utc(e.ends()));
            line(out, "SUMMARY:" + text(e.summary()));
            if (e.location() != null) {
                line(out, "LOCATION:" + text(e.location()));
            }
            line(out, "STATUS:" + (e.tentative() ? "TENTATIVE" : "CONFIRMED"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    static String text(String value) {
        return ICalendarText.escape(value);
    }

    static void line(StringBuilder out, String content) {
        ICalendarText.line(out, content);
    }
}
