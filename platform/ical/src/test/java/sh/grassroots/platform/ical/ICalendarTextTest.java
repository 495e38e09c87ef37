package sh.grassroots.platform.ical;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ICalendarTextTest {

    @Test
    void text_escapes_the_characters_rfc_5545_reserves() {
        assertEquals("a\\\\b\\;c\\,d\\ne\\nf", ICalendarText.escape("a\\b;c,d\r\ne\rf"));
    }

    @Test
    void long_lines_fold_at_75_octets_without_splitting_a_chinese_character() {
        StringBuilder out = new StringBuilder();
        ICalendarText.line(out, "SUMMARY:" + "滨江党建金融外滩".repeat(8));
        String[] lines = out.toString().split("\r\n");
        assertTrue(lines.length > 1);
        for (String line : lines) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        assertEquals("SUMMARY:" + "滨江党建金融外滩".repeat(8),
                out.toString().replace("\r\n ", "").replace("\r\n", ""));
    }

    @Test
    void times_are_written_in_utc() {
        assertEquals("20261206T020000Z", ICalendarText.utc(Instant.parse("2026-12-06T10:00:00+08:00")));
    }
}
