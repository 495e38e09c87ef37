package sh.grassroots.org.member.model;

/** Why a member's record is closed; moving to another organization is a transfer, not a leave. */
public enum LeaveReason {
    DECEASED,
    WITHDREW,
    EXPELLED,
    STRUCK_OFF
}
