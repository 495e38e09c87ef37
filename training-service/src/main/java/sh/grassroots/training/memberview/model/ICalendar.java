package sh.grassroots.training.memberview.model;

import sh.grassroots.platform.ical.ICalendarFeed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A member's sessions as an iCalendar (RFC 5545) feed that phone calendars subscribe to. */
public final class ICalendar {

    public record Event(UUID uid, String summary, String location, Instant starts, Instant ends, boolean tentative) {
    }

    private ICalendar() {
    }

    public static String feed(String name, List<Event> events, Instant generatedAt) {
        return ICalendarFeed.write("training-service", name, events.stream()
                .map(e -> new ICalendarFeed.Event(e.uid() + "@training.grassroots.sh", e.starts(), e.ends(),
                        e.summary(), e.location(), null,
                        e.tentative() ? ICalendarFeed.Status.TENTATIVE : ICalendarFeed.Status.CONFIRMED))
                .toList(), generatedAt);
    }
}
