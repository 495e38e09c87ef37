package sh.grassroots.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Payloads published on {@link #TOPIC}, keyed by conference id: what the other services need to
 * know of joint conferences to decide who runs them (the host district's office) and which
 * conference a member unit belongs to.
 */
public final class ConferenceEvents {
    public static final String TOPIC = "org.conference.v1";

    public static final String CREATED = "ConferenceCreated";
    public static final int CREATED_VERSION = 1;
    public static final String UNIT_JOINED = "MemberUnitJoined";
    public static final int UNIT_JOINED_VERSION = 1;
    public static final String UNIT_LEFT = "MemberUnitLeft";
    public static final int UNIT_LEFT_VERSION = 1;
    public static final String STAFF_REGISTERED = "UnitStaffRegistered";
    public static final int STAFF_REGISTERED_VERSION = 1;
    public static final String STAFF_LEFT = "UnitStaffLeft";
    public static final int STAFF_LEFT_VERSION = 1;

    private ConferenceEvents() {
    }

    public record ConferenceCreated(
            UUID conferenceId,
            String name,
            String hostDistrict,
            LocalDate foundedOn) {
    }

    /** {@code hostDistrict} is the conference's, repeated so that a unit's office is known from this event alone. */
    public record MemberUnitJoined(
            UUID conferenceId,
            UUID unitId,
            String name,
            String sector,
            String hostDistrict,
            UUID organizationId,
            LocalDate joinedOn) {
    }

    public record MemberUnitLeft(
            UUID conferenceId,
            UUID unitId,
            LocalDate leftOn) {
    }

    /**
     * A member unit registered one of its staff as a learner. {@code personId} is the person's id
     * in every service: the member id when {@code memberId} is set, so a party member has one
     * learner record. No phone or ID number.
     */
    public record UnitStaffRegistered(
            UUID conferenceId,
            UUID unitId,
            UUID personId,
            String displayName,
            boolean partyMember,
            UUID memberId,
            LocalDate registeredOn) {
    }

    public record UnitStaffLeft(
            UUID conferenceId,
            UUID unitId,
            UUID personId,
            LocalDate leftOn) {
    }
}
