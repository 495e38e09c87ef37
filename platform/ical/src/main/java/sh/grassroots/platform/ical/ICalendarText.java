package sh.grassroots.platform.ical;

import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The RFC 5545 details every calendar feed needs: TEXT escaping, folding at 75 octets without
 * splitting a UTF-8 character, CRLF line ends, and UTC date-times (so no VTIMEZONE is needed).
 * Plain Java, so that the services' model packages may use it.
 */
public final class ICalendarText {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;

    private ICalendarText() {
    }

    /** TEXT values escape backslash, semicolon, comma and line breaks (§3.3.11). */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** A DATE-TIME in UTC form, e.g. 20261206T020000Z (§3.3.5). */
    public static String utc(TemporalAccessor instant) {
        return UTC.format(instant);
    }

    /** Appends one content line, folded where it passes 75 octets (§3.1), ending in CRLF. */
    public static void line(StringBuilder out, String content) {
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
