package sh.grassroots.stations.booking.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.stations.station.model.StationCalendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.stations.booking.model.ABookingRequest.at;

class RecurrenceTest {
    private static final TimeRange WEDNESDAY_AFTERNOON = new TimeRange(at(2, 14, 0), at(2, 16, 0));

    private static Recurrence valid(String rrule) {
        return assertInstanceOf(Recurrence.Valid.class, Recurrence.parse(rrule)).recurrence();
    }

    private static String malformed(String rrule) {
        return assertInstanceOf(Recurrence.Malformed.class, Recurrence.parse(rrule)).detail();
    }

    @Test
    void a_weekly_study_session_four_times_falls_on_four_wednesdays() {
        List<TimeRange> dates = valid("FREQ=WEEKLY;COUNT=4").occurrences(WEDNESDAY_AFTERNOON, StationCalendar.SHANGHAI);
        assertEquals(List.of(at(2, 14, 0), at(9, 14, 0), at(16, 14, 0), at(23, 14, 0)),
                dates.stream().map(TimeRange::start).toList());
        assertTrue(dates.stream().allMatch(d -> d.length().toHours() == 2));
    }

    @Test
    void every_other_week_until_a_date_includes_that_date() {
        List<TimeRange> dates = valid("RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20261230")
                .occurrences(WEDNESDAY_AFTERNOON, StationCalendar.SHANGHAI);
        assertEquals(List.of(at(2, 14, 0), at(16, 14, 0), at(30, 14, 0)), dates.stream().map(TimeRange::start).toList());
    }

    @Test
    void a_monthly_theme_day_on_the_31st_skips_the_months_without_one() {
        TimeRange first = new TimeRange(OffsetDateTime.of(2026, 12, 31, 9, 0, 0, 0, ZoneOffset.ofHours(8)),
                OffsetDateTime.of(2026, 12, 31, 11, 0, 0, 0, ZoneOffset.ofHours(8)));
        List<LocalDate> dates = valid("FREQ=MONTHLY;COUNT=3").occurrences(first, StationCalendar.SHANGHAI).stream()
                .map(r -> r.start().toLocalDate()).toList();
        assertEquals(List.of(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 31), LocalDate.of(2027, 3, 31)), dates);
    }

    @Test
    void times_given_in_utc_repeat_at_the_same_shanghai_time() {
        TimeRange utc = new TimeRange(at(2, 14, 0).withOffsetSameInstant(ZoneOffset.UTC),
                at(2, 16, 0).withOffsetSameInstant(ZoneOffset.UTC));
        TimeRange second = valid("FREQ=WEEKLY;COUNT=2").occurrences(utc, StationCalendar.SHANGHAI).get(1);
        assertEquals(at(9, 14, 0).toInstant(), second.start().toInstant());
    }

    @Test
    void a_series_longer_than_a_year_of_weeks_is_refused() {
        assertTrue(malformed("FREQ=WEEKLY;COUNT=53").contains("COUNT"));
        assertEquals(List.of(), valid("FREQ=WEEKLY;UNTIL=20301231").occurrences(WEDNESDAY_AFTERNOON, StationCalendar.SHANGHAI));
    }

    @Test
    void malformed_rules_say_what_is_wrong() {
        assertTrue(malformed("FREQ=DAILY;COUNT=3").contains("FREQ"));
        assertTrue(malformed("FREQ=WEEKLY").contains("COUNT or UNTIL"));
        assertTrue(malformed("FREQ=WEEKLY;COUNT=2;UNTIL=20261231").contains("COUNT or UNTIL"));
        assertTrue(malformed("FREQ=WEEKLY;BYDAY=MO;COUNT=2").contains("BYDAY"));
        assertTrue(malformed("FREQ=WEEKLY;COUNT=two").contains("COUNT"));
        assertTrue(malformed("FREQ=WEEKLY;UNTIL=tomorrow").contains("UNTIL"));
        assertTrue(malformed("FREQ=WEEKLY;;COUNT=2").contains("NAME=VALUE"));
        assertTrue(malformed(" ").contains("empty"));
    }
}
