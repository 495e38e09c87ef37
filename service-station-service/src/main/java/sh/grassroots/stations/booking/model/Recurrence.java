package sh.grassroots.stations.booking.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The RRULE subset (RFC 5545 3.3.10) a series of bookings may use: {@code FREQ=WEEKLY} or
 * {@code FREQ=MONTHLY}, optional {@code INTERVAL}, and exactly one of {@code COUNT} or
 * {@code UNTIL} (a date, inclusive). Occurrences repeat the first one's local times and weekday
 * (weekly) or day of month (monthly); a month without that day is skipped, as RFC 5545 does.
 */
public record Recurrence(Frequency frequency, int interval, Integer count, LocalDate until) {
    public static final int MAX_OCCURRENCES = 52;

    public enum Frequency { WEEKLY, MONTHLY }

    public sealed interface Parsed permits Valid, Malformed {
    }

    public record Valid(Recurrence recurrence) implements Parsed {
    }

    public record Malformed(String detail) implements Parsed {
    }

    public static Parsed parse(String rrule) {
        if (rrule == null || rrule.isBlank()) {
            return new Malformed("The recurrence rule is empty");
        }
        String text = rrule.strip();
        if (text.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
            text = text.substring("RRULE:".length());
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                return new Malformed("'" + part + "' is not NAME=VALUE");
            }
            String name = part.substring(0, eq).toUpperCase(Locale.ROOT);
            if (parts.put(name, part.substring(eq + 1).toUpperCase(Locale.ROOT)) != null) {
                return new Malformed(name + " is given twice");
            }
        }
        for (String name : parts.keySet()) {
            if (!List.of("FREQ", "INTERVAL", "COUNT", "UNTIL").contains(name)) {
                return new Malformed(name + " is not supported; use FREQ, INTERVAL and COUNT or UNTIL");
            }
        }
        Frequency frequency;
        try {
            frequency = Frequency.valueOf(parts.getOrDefault("FREQ", ""));
        } catch (IllegalArgumentException e) {
            return new Malformed("FREQ must be WEEKLY or MONTHLY");
        }
        int interval = 1;
        if (parts.containsKey("INTERVAL")) {
            Integer parsed = positive(parts.get("INTERVAL"), 12);
            if (parsed == null) {
                return new Malformed("INTERVAL must be a whole number from 1 to 12");
            }
            interval = parsed;
        }
        if (parts.containsKey("COUNT") == parts.containsKey("UNTIL")) {
            return new Malformed("Exactly one of COUNT or UNTIL must bound the series");
        }
        if (parts.containsKey("COUNT")) {
            Integer count = positive(parts.get("COUNT"), MAX_OCCURRENCES);
            if (count == null) {
                return new Malformed("COUNT must be a whole number from 1 to " + MAX_OCCURRENCES);
            }
            return new Valid(new Recurrence(frequency, interval, count, null));
        }
        String until = parts.get("UNTIL");
        try {
            LocalDate date = LocalDate.parse(until.length() > 8 ? until.substring(0, 8) : until,
                    DateTimeFormatter.BASIC_ISO_DATE);
            return new Valid(new Recurrence(frequency, interval, null, date));
        } catch (DateTimeParseException e) {
            return new Malformed("UNTIL must be a date such as 20261231");
        }
    }

    /**
     * The occurrences, the first included, in the station's zone. More than
     * {@link #MAX_OCCURRENCES} is not an answer but a rejection, returned as an empty list.
     */
    public List<TimeRange> occurrences(TimeRange first, ZoneId zone) {
        ZonedDateTime start = first.start().atZoneSameInstant(zone);
        ZonedDateTime end = first.end().atZoneSameInstant(zone);
        List<TimeRange> result = new ArrayList<>();
        for (int step = 0; result.size() <= MAX_OCCURRENCES; step++) {
            ZonedDateTime s = frequency == Frequency.WEEKLY
                    ? start.plusWeeks((long) step * interval) : start.plusMonths((long) step * interval);
            if (until != null && s.toLocalDate().isAfter(until)) {
                return result;
            }
            if (frequency == Frequency.MONTHLY && s.getDayOfMonth() != start.getDayOfMonth()) {
                continue;
            }
            ZonedDateTime e = s.plus(java.time.Duration.between(start, end));
            result.add(new TimeRange(s.toOffsetDateTime(), e.toOffsetDateTime()));
            if (count != null && result.size() == count) {
                return result;
            }
        }
        return List.of();
    }

    private static Integer positive(String value, int max) {
        try {
            int n = Integer.parseInt(value);
            return n >= 1 && n <= max ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
