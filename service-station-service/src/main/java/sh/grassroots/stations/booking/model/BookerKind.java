package sh.grassroots.stations.booking.model;

/** Who books: an organization of the tree, a joint conference's member unit, a member, or a walk-in. */
public enum BookerKind {
    ORGANIZATION,
    MEMBER_UNIT,
    MEMBER,
    PUBLIC
}
