package sh.grassroots.platform.ical;

import java.time.Instant;
import java.util.List;

/**
 * The skeleton of every feed the services publish for phone calendars to subscribe to: one
 * VCALENDAR of VEVENTs, times in UTC (so no VTIMEZONE), text escaped and lines folded by
 * {@link ICalendarText}. The services only say what goes into each event.
 */
public final class ICalendarFeed {

    /** A booking waiting for approval or a session waiting for its room is TENTATIVE. */
    public enum Status { TENTATIVE, CONFIRMED }

    /** One VEVENT; {@code location} and {@code description} may be null (left out). */
    public record Event(String uid, Instant starts, Instant ends, String summary, String location,
                        String description, Status status) {
    }

    private ICalendarFeed() {
    }

    /** {@code producer} names the service in PRODID ({@code -//grassroots//<producer>//ZH}). */
    public static String write(String producer, String calendarName, List<Event> events, Instant generatedAt) {
        StringBuilder out = new StringBuilder();
        ICalendarText.line(out, "BEGIN:VCALENDAR");
        ICalendarText.line(out, "VERSION:2.0");
        ICalendarText.line(out, "PRODID:-//grassroots//" + producer + "//ZH");
        ICalendarText.line(out, "CALSCALE:GREGORIAN");
        ICalendarText.line(out, "X-WR-CALNAME:" + ICalendarText.escape(calendarName));
        for (Event e : events) {
            ICalendarText.line(out, "BEGIN:VEVENT");
            ICalendarText.line(out, "UID:" + e.uid());
            ICalendarText.line(out, "DTSTAMP:" + ICalendarText.utc(generatedAt));
            ICalendarText.line(out, "DTSTART:" + ICalendarText.utc(e.starts()));
            ICalendarText.line(out, "DTEND:" + ICalendarText.utc(e.ends()));
            ICalendarText.line(out, "SUMMARY:" + ICalendarText.escape(e.summary()));
            if (e.location() != null) {
                ICalendarText.line(out, "LOCATION:" + ICalendarText.escape(e.location()));
            }
            if (e.description() != null) {
                ICalendarText.line(out, "DESCRIPTION:" + ICalendarText.escape(e.description()));
            }
            ICalendarText.line(out, "STATUS:" + e.status());
            ICalendarText.line(out, "END:VEVENT");
        }
        ICalendarText.line(out, "END:VCALENDAR");
        return out.toString();
    }
}
