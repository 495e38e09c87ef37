package sh.grassroots.training.calendar.model;

import sh.grassroots.platform.ical.ICalendarFeed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What a subscribed feed holds: a person's lessons and room bookings, or an organization's
 * sessions and bookings, as one iCalendar text with a weak ETag. The ETag is taken over the
 * events alone, not over DTSTAMP (the time of writing, which differs on every request): two
 * answers with the same events are the same calendar, so a refresh with nothing new is a 304.
 */
public final class SubscribedCalendar {
    static final String BOOKING_SUMMARY = "服务站活动室预约";

    public enum SubjectKind { PERSON, ORGANIZATION }

    /** A seat in a session (the person's feed) or a session itself (the organization's). */
    public record Lesson(String uid, String title, String venue, Instant starts, Instant ends, boolean tentative) {
    }

    /** A room booked at a station; one awaiting the station's approval is tentative. */
    public record Booking(UUID bookingId, Instant starts, Instant ends, int attendees, boolean confirmed) {
    }

    public record Feed(String body, String etag) {
    }

    private SubscribedCalendar() {
    }

    public static Feed render(String name, List<Lesson> lessons, List<Booking> bookings, Instant generatedAt) {
        List<ICalendarFeed.Event> events = new ArrayList<>();
        for (Lesson lesson : lessons) {
            events.add(new ICalendarFeed.Event(lesson.uid(), lesson.starts(), lesson.ends(), lesson.title(),
                    lesson.venue(), null, lesson.tentative() ? ICalendarFeed.Status.TENTATIVE : ICalendarFeed.Status.CONFIRMED));
        }
        for (Booking booking : bookings) {
            events.add(new ICalendarFeed.Event(booking.bookingId() + "@stations.grassroots.sh", booking.starts(),
                    booking.ends(), BOOKING_SUMMARY, null, booking.attendees() + " 人",
                    booking.confirmed() ? ICalendarFeed.Status.CONFIRMED : ICalendarFeed.Status.TENTATIVE));
        }
        events.sort(Comparator.comparing(ICalendarFeed.Event::starts).thenComparing(ICalendarFeed.Event::uid));
        String etag = "W/\"" + digest(ICalendarFeed.write("training-service", name, events, Instant.EPOCH)) + "\"";
        return new Feed(ICalendarFeed.write("training-service", name, events, generatedAt), etag);
    }

    /** {@code If-None-Match} by weak comparison (RFC 9110 §13.1.2): {@code *}, or one of the listed tags. */
    public static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
