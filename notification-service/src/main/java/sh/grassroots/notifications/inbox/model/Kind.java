package sh.grassroots.notifications.inbox.model;

/** What a notification tells; each kind has its texts and, where there is one, a next step. */
public enum Kind {
    SEAT_HELD,
    SEAT_OFFER_EXPIRED,
    ENROLMENT_CONFIRMED,
    ENROLMENT_WAITLISTED,
    ENROLMENT_PROMOTED,
    ENROLMENT_CANCELLED,
    BOOKING_CONFIRMED,
    BOOKING_REJECTED,
    BOOKING_CANCELLED,
    TRANSFER_COMPLETED,
    AFFILIATION_STARTED,
    AFFILIATION_ENDED
}
