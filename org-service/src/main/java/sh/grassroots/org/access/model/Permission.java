package sh.grassroots.org.access.model;

/** What a caller wants to do with an organization (and what lies below it). */
public enum Permission {
    /** Counts, descendants, history, size reports, member lists of a subtree. */
    READ_SUBTREE,
    /** Create below, rename, move, dissolve, set branch rules. */
    MANAGE_STRUCTURE,
    /** Register, update, change status, end membership, start or answer transfers, affiliate. */
    MANAGE_MEMBERS
}
