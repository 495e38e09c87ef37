package sh.grassroots.training.memberview.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** A member's sessions as an iCalendar (RFC 5545) feed that phone calendars subscribe to. */
public final class ICalendar {
    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";
    private static final int MAX_LINE_OCTETS = 75;

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
            line(out, "DTSTAMP:" + UTC_STAMP.format(generatedAt));
            line(out, "DTSTART:" + UTC_STAMP.format(e.starts()));
            line(out, "DTEND:" + UTC_STAMP.format(e.ends()));
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

    /** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Lines longer than 75 octets are folded, never inside a UTF-8 character (§3.1). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = MAX_LINE_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 1;
                limit = MAX_LINE_OCTETS;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(CRLF);
    }
}
