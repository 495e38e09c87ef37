package sh.grassroots.stations.booking.application;

import sh.grassroots.stations.booking.model.BookingStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The outcome of a recurring request, one line per occurrence; a refused line names its rule. */
public record SeriesView(UUID seriesId, SeriesMode mode, List<Occurrence> occurrences) {

    public enum SeriesMode { ALL_OR_NOTHING, EACH }

    public record Occurrence(OffsetDateTime start, OffsetDateTime end, UUID bookingId, BookingStatus status,
                             String problemType, String detail) {
    }
}
