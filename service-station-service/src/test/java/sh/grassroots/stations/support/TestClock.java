package sh.grassroots.stations.support;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: it replaces the platform's default system clock, so that rules
 * about notice, deadlines and check-in windows are tested at chosen moments, never at wall time.
 */
@Singleton
public class TestClock extends Clock {
    /** Tuesday 2026-12-01, 09:00 in Shanghai. */
    public static final Instant TUESDAY_9AM = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();

    private volatile Instant now = TUESDAY_9AM;

    public void set(Instant instant) {
        now = instant;
    }

    public void reset() {
        now = TUESDAY_9AM;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
