package sh.grassroots.stations.booking.application;

/**
 * A booking as created, or as first created when an Idempotency-Key was replayed, as the caller
 * who placed it may see it ({@code disclosure}).
 */
public record PlacedBooking(BookingView booking, boolean replayed, BookingView.Disclosure disclosure) {
}
