package sh.grassroots.stations.booking.model;

import sh.grassroots.stations.station.model.Closure;
import sh.grassroots.stations.station.model.DailyHours;
import sh.grassroots.stations.station.model.OpeningHours;
import sh.grassroots.stations.station.model.RoomTerms;
import sh.grassroots.stations.station.model.StationCalendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds booking requests in station words. By default: a room for 20 with standard terms at a
 * station open 09:00-21:00 on weekdays, asked on Tuesday 2026-12-01 at 09:00 Shanghai time for
 * Wednesday 14:00-16:00 with 10 attendees.
 */
final class ABookingRequest {
    static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    static final Instant TUESDAY_9AM = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, SHANGHAI).toInstant();

    private OffsetDateTime start = at(2, 14, 0);
    private OffsetDateTime end = at(2, 16, 0);
    private int attendees = 10;
    private int capacity = 20;
    private boolean requiresApproval;
    private Duration minimumNotice = Duration.ofHours(1);
    private Duration maximumHorizon = Duration.ofDays(60);
    private Duration minimumLength = Duration.ofMinutes(30);
    private Duration maximumLength = Duration.ofHours(4);
    private Duration buffer = Duration.ZERO;
    private final Map<DayOfWeek, DailyHours> hours = new EnumMap<>(DayOfWeek.class);
    private final List<Closure> closures = new ArrayList<>();
    private final List<TimeRange> nearby = new ArrayList<>();
    private Instant now = TUESDAY_9AM;
    private int weeklyQuota;
    private int monthlyQuota;
    private BookingRequest.BookerUsage usage = BookingRequest.BookerUsage.NONE;

    private ABookingRequest() {
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, new DailyHours(LocalTime.of(9, 0), LocalTime.of(21, 0)));
        }
    }

    static ABookingRequest aBookingRequest() {
        return new ABookingRequest();
    }

    /** A time in Shanghai on a day of December 2026. */
    static OffsetDateTime at(int december, int hour, int minute) {
        return OffsetDateTime.of(2026, 12, december, hour, minute, 0, 0, SHANGHAI);
    }

    ABookingRequest from(OffsetDateTime start) {
        this.start = start;
        return this;
    }

    ABookingRequest to(OffsetDateTime end) {
        this.end = end;
        return this;
    }

    ABookingRequest withAttendees(int attendees) {
        this.attendees = attendees;
        return this;
    }

    ABookingRequest inARoomFor(int capacity) {
        this.capacity = capacity;
        return this;
    }

    ABookingRequest inARoomNeedingApproval() {
        this.requiresApproval = true;
        return this;
    }

    ABookingRequest withMinimumNotice(Duration notice) {
        this.minimumNotice = notice;
        return this;
    }

    ABookingRequest withHorizon(Duration horizon) {
        this.maximumHorizon = horizon;
        return this;
    }

    ABookingRequest withLengthBetween(Duration min, Duration max) {
        this.minimumLength = min;
        this.maximumLength = max;
        return this;
    }

    ABookingRequest withBuffer(Duration buffer) {
        this.buffer = buffer;
        return this;
    }

    ABookingRequest withStationClosed(OffsetDateTime from, OffsetDateTime until, String reason) {
        closures.add(new Closure(from, until, reason));
        return this;
    }

    ABookingRequest withStationShutOn(DayOfWeek day) {
        hours.remove(day);
        return this;
    }

    ABookingRequest withExistingBooking(OffsetDateTime from, OffsetDateTime until) {
        nearby.add(new TimeRange(from, until));
        return this;
    }

    ABookingRequest withQuotaPerWeek(int quota) {
        this.weeklyQuota = quota;
        return this;
    }

    ABookingRequest withQuotaPerMonth(int quota) {
        this.monthlyQuota = quota;
        return this;
    }

    ABookingRequest byABookerWhoAlreadyHolds(int inSameWeek, int inSameMonth) {
        this.usage = new BookingRequest.BookerUsage(inSameWeek, inSameMonth);
        return this;
    }

    ABookingRequest askedAt(Instant now) {
        this.now = now;
        return this;
    }

    BookingRequest build() {
        RoomTerms terms = new RoomTerms(capacity, requiresApproval, minimumNotice, maximumHorizon, minimumLength,
                maximumLength, buffer, Duration.ofHours(2), weeklyQuota, monthlyQuota);
        StationCalendar calendar = new StationCalendar(StationCalendar.SHANGHAI, OpeningHours.of(hours), closures);
        return new BookingRequest(new TimeRange(start, end), attendees, terms, calendar, nearby, usage, now);
    }

    BookingDecision decide() {
        return BookingRules.decide(build());
    }
}
