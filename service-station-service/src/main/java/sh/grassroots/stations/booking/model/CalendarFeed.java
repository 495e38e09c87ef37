package sh.grassroots.stations.booking.model;

import sh.grassroots.platform.ical.ICalendarFeed;

import java.time.Instant;
import java.util.List;

/** Bookings as an iCalendar (RFC 5545) feed that phone calendars subscribe to (a request awaiting approval is tentative). */
public final class CalendarFeed {

    /** One entry of the feed; {@code description} may be null. */
    public record Entry(String uid, TimeRange slot, BookingStatus status, String summary, String location,
                        String description) {
    }

    private CalendarFeed() {
    }

    public static String write(String calendarName, List<Entry> entries, Instant generatedAt) {
        return ICalendarFeed.write("service-station-service", calendarName, entries.stream()
                .map(e -> new ICalendarFeed.Event(e.uid(), e.slot().start().toInstant(), e.slot().end().toInstant(), e.summary(),
                        e.location(), e.description(),
                        e.status() == BookingStatus.REQUESTED ? ICalendarFeed.Status.TENTATIVE : ICalendarFeed.Status.CONFIRMED))
                .toList(), generatedAt);
    }
}
