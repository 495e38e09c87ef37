package sh.grassroots.training.course.model;

/** Where a session takes place: a room booked at a service station, or an address given as text. */
public enum VenueKind {
    STATION_ROOM,
    ADDRESS
}
