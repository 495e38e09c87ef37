package sh.grassroots.stations.station.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Opening hours per weekday; a weekday without an entry is a day the station stays shut. */
public final class OpeningHours {
    private final Map<DayOfWeek, DailyHours> byDay;

    private OpeningHours(Map<DayOfWeek, DailyHours> byDay) {
        this.byDay = byDay;
    }

    public static OpeningHours of(Map<DayOfWeek, DailyHours> byDay) {
        EnumMap<DayOfWeek, DailyHours> copy = new EnumMap<>(DayOfWeek.class);
        copy.putAll(byDay);
        return new OpeningHours(Collections.unmodifiableMap(copy));
    }

    public Optional<DailyHours> on(DayOfWeek day) {
        return Optional.ofNullable(byDay.get(day));
    }

    public Map<DayOfWeek, DailyHours> byDay() {
        return byDay;
    }

    /** The opening of one date as instants in the station's zone, if the station opens that day. */
    public Optional<Opening> openingOn(LocalDate date, ZoneId zone) {
        return on(date.getDayOfWeek()).map(hours -> new Opening(
                date.atTime(hours.opens()).atZone(zone), date.atTime(hours.closes()).atZone(zone)));
    }

    /** True when the whole interval lies inside one day's opening. */
    public boolean covers(ZonedDateTime start, ZonedDateTime end) {
        return openingOn(start.toLocalDate(), start.getZone())
                .map(opening -> !start.isBefore(opening.opens()) && !end.isAfter(opening.closes()))
                .orElse(false);
    }

    public record Opening(ZonedDateTime opens, ZonedDateTime closes) {
    }
}
