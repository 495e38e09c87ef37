package sh.grassroots.training.calendar.model;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedRateLimitTest {
    static final Instant NOON = Instant.parse("2026-12-06T04:00:00Z");

    @Test
    void a_token_gets_its_requests_a_minute_then_waits_for_the_next_one_to_refill() {
        FeedRateLimit limit = new FeedRateLimit(6, 100, Clock.fixed(NOON, ZoneOffset.UTC));
        for (int i = 0; i < 6; i++) {
            assertTrue(limit.take("a").allowed(), "request " + (i + 1));
        }
        FeedRateLimit.Decision refused = limit.take("a");
        assertFalse(refused.allowed());
        assertEquals(10, refused.retryAfterSeconds(), "one request refills every 10 s at 6 a minute");
        assertTrue(limit.take("b").allowed(), "another token has its own bucket");
    }

    @Test
    void after_the_retry_after_the_token_is_served_again() {
        Instant[] now = {NOON};
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now[0];
            }
        };
        FeedRateLimit limit = new FeedRateLimit(2, 100, clock);
        limit.take("a");
        limit.take("a");
        long wait = limit.take("a").retryAfterSeconds();
        now[0] = now[0].plus(Duration.ofSeconds(wait));
        assertTrue(limit.take("a").allowed());
        assertFalse(limit.take("a").allowed());
    }

    @Test
    void the_least_recently_seen_tokens_are_forgotten_past_the_bound() {
        FeedRateLimit limit = new FeedRateLimit(1, 2, Clock.fixed(NOON, ZoneOffset.UTC));
        limit.take("a");
        assertFalse(limit.take("a").allowed());
        limit.take("b");
        limit.take("c");
        assertTrue(limit.take("a").allowed(), "a was forgotten when c came, so it starts full again");
    }
}
