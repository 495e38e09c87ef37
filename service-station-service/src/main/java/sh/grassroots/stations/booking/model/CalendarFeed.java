package sh.grassroots.stations.booking.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes bookings as an iCalendar (RFC 5545) feed that phone calendars subscribe to. Times are
 * written in UTC so that no VTIMEZONE block is needed; calendars show them in local time.
 */
public final class CalendarFeed {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;

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
            line(out, "DTSTAMP:" + UTC.format(generatedAt));
            line(out, "DTSTART:" + UTC.format(e.slot().start()));
            line(out, "DTEND:" + UTC.format(e.slot().end()));
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

    /** Text values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Folds lines longer than 75 octets (RFC 5545 3.1), never inside a multi-byte character. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + width > limit) {
                out.append(CRLF).append(' ');
                octets = 0;
                limit = MAX_OCTETS - 1;
            }
            out.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }
}
