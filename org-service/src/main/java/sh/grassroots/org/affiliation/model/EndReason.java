package sh.grassroots.org.affiliation.model;

/** Why an affiliation ended; published as {@code AffiliationEnded.reason}. */
public enum EndReason {
    LEFT_BY_MEMBER,
    CRITERIA_NO_LONGER_MET,
    BRANCH_DISSOLVED,
    PLANNED_END_REACHED,
    MEMBER_LEFT
}
