package sh.grassroots.stations.booking.application;

import sh.grassroots.stations.booking.model.UsageReport;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Hours as decimals, so that a spreadsheet can sum them; the rate is null when nothing is known yet. */
public record UsageView(UUID stationId, LocalDate from, LocalDate to, Figures total, List<RoomFigures> rooms) {

    public record Figures(int booked, int checkedIn, int noShows, int cancelled, int rejected, double bookedHours,
                          double usedHours, Double noShowRate) {
        static Figures of(UsageReport.Usage u) {
            return new Figures(u.booked(), u.checkedIn(), u.noShows(), u.cancelled(), u.rejected(),
                    u.bookedTime().toMinutes() / 60.0, u.usedTime().toMinutes() / 60.0, u.noShowRate());
        }
    }

    public record RoomFigures(UUID roomId, String name, Figures figures) {
    }
}
