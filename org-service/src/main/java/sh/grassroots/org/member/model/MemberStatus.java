package sh.grassroots.org.member.model;

/** 预备党员 / 正式党员. A member is admitted on probation and becomes full after at least a year. */
public enum MemberStatus {
    PROBATIONARY,
    FULL
}
