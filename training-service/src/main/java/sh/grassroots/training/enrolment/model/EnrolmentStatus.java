package sh.grassroots.training.enrolment.model;

import java.util.EnumSet;
import java.util.Set;

public enum EnrolmentStatus {
    CONFIRMED,
    WAITLISTED,
    /** A freed seat is held for this person until the hold expires. */
    OFFERED,
    CANCELLED,
    /** The hold passed without an answer; the seat went to the next in line. */
    EXPIRED,
    ATTENDED,
    NO_SHOW;

    /** Statuses in which the person occupies a seat (counted against capacity). */
    public static final Set<EnrolmentStatus> HOLDING_A_SEAT = EnumSet.of(CONFIRMED, OFFERED, ATTENDED);

    /** Statuses that block a second enrolment of the same person in the same session. */
    public static final Set<EnrolmentStatus> ACTIVE = EnumSet.of(CONFIRMED, WAITLISTED, OFFERED, ATTENDED);

    public boolean holdsASeat() {
        return HOLDING_A_SEAT.contains(this);
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
