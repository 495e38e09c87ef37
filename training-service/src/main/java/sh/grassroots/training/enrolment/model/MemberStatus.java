package sh.grassroots.training.enrolment.model;

public enum MemberStatus {
    FULL,
    PROBATIONARY,
    /** Finance talent of a member unit who is not a party member; admitted to ACADEMY courses only. */
    NOT_A_MEMBER
}
