package sh.grassroots.training.calendar.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.training.calendar.model.SubscribedCalendar.Booking;
import sh.grassroots.training.calendar.model.SubscribedCalendar.Lesson;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscribedCalendarTest {
    static final Instant STARTS = Instant.parse("2026-12-13T06:00:00Z");
    static final Lesson LESSON = new Lesson("e1@training.grassroots.sh", "学习贯彻党的二十届四中全会精神", "哔哩哔哩党群服务站",
            STARTS, STARTS.plus(Duration.ofHours(2)), false);
    static final Booking BOOKING = new Booking(UUID.fromString("7f3c1a52-0000-4000-8000-000000000001"),
            STARTS.minus(Duration.ofDays(2)), STARTS.minus(Duration.ofDays(2)).plus(Duration.ofHours(1)), 4, false);

    @Test
    void the_etag_follows_the_events_not_the_time_of_writing() {
        var first = SubscribedCalendar.render("我的党课与预约", List.of(LESSON), List.of(BOOKING), STARTS.minus(Duration.ofDays(5)));
        var later = SubscribedCalendar.render("我的党课与预约", List.of(LESSON), List.of(BOOKING), STARTS.minus(Duration.ofDays(4)));
        assertNotEquals(first.body(), later.body(), "DTSTAMP is the time of writing");
        assertEquals(first.etag(), later.etag());
        assertTrue(first.etag().startsWith("W/\""));

        var confirmed = SubscribedCalendar.render("我的党课与预约", List.of(LESSON),
                List.of(new Booking(BOOKING.bookingId(), BOOKING.starts(), BOOKING.ends(), 4, true)), STARTS);
        assertNotEquals(first.etag(), confirmed.etag(), "a booking approved is a changed calendar");
    }

    @Test
    void events_come_in_time_order_with_a_tentative_booking_marked_so() {
        String body = SubscribedCalendar.render("我的党课与预约", List.of(LESSON), List.of(BOOKING), STARTS).body();
        assertTrue(body.indexOf(BOOKING.bookingId() + "@stations.grassroots.sh") < body.indexOf("e1@training.grassroots.sh"), body);
        assertTrue(body.contains("STATUS:TENTATIVE\r\n"), body);
        assertTrue(body.contains("SUMMARY:服务站活动室预约\r\n"), body);
    }

    @Test
    void if_none_match_compares_weakly_and_accepts_a_list_or_a_star() {
        String etag = "W/\"abc\"";
        assertTrue(SubscribedCalendar.notModified("W/\"abc\"", etag));
        assertTrue(SubscribedCalendar.notModified("\"abc\"", etag));
        assertTrue(SubscribedCalendar.notModified("\"x\", W/\"abc\"", etag));
        assertTrue(SubscribedCalendar.notModified("*", etag));
        assertFalse(SubscribedCalendar.notModified("W/\"abd\"", etag));
        assertFalse(SubscribedCalendar.notModified(null, etag));
        assertFalse(SubscribedCalendar.notModified("", etag));
    }

    @Test
    void tokens_are_256_random_bits_in_url_safe_text_and_only_well_formed_ones_are_looked_up() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = FeedTokens.newToken(random);
            assertTrue(FeedTokens.wellFormed(token), token);
            assertTrue(seen.add(token));
        }
        assertEquals(32, FeedTokens.hash("x").length);
        assertFalse(FeedTokens.wellFormed("abc"));
        assertFalse(FeedTokens.wellFormed("a".repeat(42) + "="));
        assertFalse(FeedTokens.wellFormed(null));
    }
}
