package sh.grassroots.org.conference.model;

/** OPEN while some quantity remains; MATCHED once projects consumed all of it; WITHDRAWN by its unit. */
public enum ListingStatus {
    OPEN,
    MATCHED,
    WITHDRAWN
}
