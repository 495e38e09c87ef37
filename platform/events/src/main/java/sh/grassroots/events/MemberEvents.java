package sh.grassroots.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Payloads published on {@link #TOPIC}, keyed by member id. They carry no ID number or phone:
 * those stay in org-service.
 */
public final class MemberEvents {
    public static final String TOPIC = Topics.ORG_MEMBER;

    public static final String REGISTERED = "MemberRegistered";
    public static final int REGISTERED_VERSION = 1;
    public static final String STATUS_CHANGED = "MemberStatusChanged";
    public static final int STATUS_CHANGED_VERSION = 1;
    public static final String LEFT = "MemberLeft";
    public static final int LEFT_VERSION = 1;
    public static final String TRANSFER_COMPLETED = "MemberTransferCompleted";
    public static final int TRANSFER_COMPLETED_VERSION = 1;
    public static final String AFFILIATION_ADDED = "AffiliationAdded";
    public static final int AFFILIATION_ADDED_VERSION = 1;
    public static final String AFFILIATION_ENDED = "AffiliationEnded";
    public static final int AFFILIATION_ENDED_VERSION = 1;

    private MemberEvents() {
    }

    public record MemberRegistered(
            UUID memberId,
            UUID homeOrganizationId,
            String name,
            String status,
            LocalDate admittedOn) {
    }

    public record MemberStatusChanged(
            UUID memberId,
            UUID homeOrganizationId,
            String oldStatus,
            String newStatus,
            LocalDate effectiveOn) {
    }

    public record MemberLeft(
            UUID memberId,
            UUID homeOrganizationId,
            LocalDate leftOn,
            String reason) {
    }

    /** The member's home organization changed from {@code fromOrganizationId} to {@code toOrganizationId}. */
    public record MemberTransferCompleted(
            UUID transferId,
            UUID memberId,
            UUID fromOrganizationId,
            UUID toOrganizationId,
            String fromDistrict,
            String toDistrict) {
    }

    /**
     * The member joined a functional or temporary branch on top of their home organization.
     * {@code kind} is FUNCTIONAL or TEMPORARY.
     */
    public record AffiliationAdded(
            UUID memberId,
            UUID organizationId,
            String kind,
            LocalDate since) {
    }

    /**
     * The affiliation ended; {@code reason} is e.g. LEFT_BY_MEMBER, CRITERIA_NO_LONGER_MET,
     * BRANCH_DISSOLVED, PLANNED_END_REACHED, MEMBER_LEFT.
     */
    public record AffiliationEnded(
            UUID memberId,
            UUID organizationId,
            LocalDate endedOn,
            String reason) {
    }
}
