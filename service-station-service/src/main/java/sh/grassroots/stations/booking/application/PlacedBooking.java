package sh.grassroots.stations.booking.application;

/** A booking as created, or as first created when an Idempotency-Key was replayed. */
public record PlacedBooking(BookingView booking, boolean replayed) {
}
