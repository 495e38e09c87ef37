package sh.grassroots.org.conference.model;

/** 有什么 (OFFER) or 要什么 (NEED). */
public enum ListingKind {
    OFFER,
    NEED
}
