package sh.grassroots.org.access.model;

import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Permission;
import sh.grassroots.platform.access.Place;
import sh.grassroots.platform.access.Refusal;
import sh.grassroots.platform.access.Roles;
import sh.grassroots.platform.access.Scope;

import java.util.Optional;

/**
 * Who may do what in org-service, on top of the shared checks of {@link Scope}. What only org has
 * lives here: setting up a new top-level organization, the steps of a transfer, and the
 * inter-district endpoints, which only another district's system may call. The rest is the
 * shared vocabulary:
 * <ul>
 *   <li>the tree: {@link Permission#READ_SUBTREE}, {@link Permission#MANAGE_STRUCTURE} and
 *       {@link Permission#MANAGE_MEMBERS} at the organization, each granted by the roles the
 *       permission names within their scope (a district admin in their district, organizers and
 *       branch secretaries in the subtree of their {@code org_scope});</li>
 *   <li>a member's records: the member themselves where {@code selfAllowed}, else the
 *       permission at their home organization;</li>
 *   <li>an organization's own card and path, and reading joint conferences: any person;</li>
 *   <li>running a joint conference: its office ({@link Scope#conferenceOffice}); a member unit's
 *       staff registered as learners: the office or the unit's own contact ({@link #unitStaff}).</li>
 * </ul>
 * A refusal of an existing target is a 403 (ids are random UUIDs, so saying that it exists tells
 * the caller nothing they did not already hold); an unknown id is a 404 for everyone, decided
 * before the policy is asked. Pure: the caller's scope and the targets' places are looked up by
 * the use case, in its own transaction.
 */
public final class OrgAccessPolicy {
    /** A person on the inter-district endpoints, which are for other districts' systems. */
    public static final String SERVICE_IDENTITY_REQUIRED = "service-identity-required";
    /** A person's receiving step on a transfer that the receiving district's system decides. */
    public static final String DECIDED_BY_RECEIVING_SYSTEM = "inter-district-transfer-decided-by-receiving-system";
    /** A district's system on a transfer within one district, which that district's people handle. */
    public static final String NOT_INTER_DISTRICT = "transfer-not-inter-district";
    /** A district's system asking for the member card of a transfer that was rejected or cancelled. */
    public static final String CLOSED_WITHOUT_MOVE = "transfer-closed-without-move";

    /** The steps of a transfer a person takes through {@code /api/v1}. */
    public enum TransferStep {
        /** Read one transfer. */
        READ,
        /** Withdraw it while it is requested: the requesting side. */
        CANCEL,
        /** Accept or reject it: the receiving side. */
        DECIDE,
        /** Move the member's home: the receiving side. */
        COMPLETE
    }

    /** Who a transfer concerns: the member, where they come from and where they go. */
    public record TransferParties(String memberId, Place from, Place to) {
        public boolean interDistrict() {
            return !from.districtCode().equals(to.districtCode());
        }
    }

    private OrgAccessPolicy() {
    }

    /** {@code permission} at organization {@code target}. */
    public static Optional<Refusal> organization(Scope scope, Permission permission, Place target) {
        return scope.allows(permission, target);
    }

    /**
     * A new tree root (no parent), or an organization moved to the top, in {@code districtCode}:
     * only that district's admin. The district-wide size report, which spans all its trees, too.
     */
    public static Optional<Refusal> wholeDistrict(Scope scope, String districtCode) {
        Optional<Refusal> person = scope.anyPerson();
        if (person.isPresent()) {
            return person;
        }
        if (scope.caller().has(Roles.DISTRICT_ADMIN) && districtCode.equals(scope.caller().district())) {
            return Optional.empty();
        }
        return Optional.of(Refusal.outOfScope("Only district " + districtCode
                + "'s admin may set up its top-level organizations or read all of its trees"));
    }

    /**
     * An organization's own card and its path to the root (names and kinds, no counts, no
     * members): any person, as a member needs to see where a branch sits before asking to move
     * there. Joint conferences are read the same way.
     */
    public static Optional<Refusal> openRead(Scope scope) {
        return scope.anyPerson();
    }

    /**
     * A member's records, their home at {@code home}: the member themselves when
     * {@code selfAllowed} (reading their record, changing their phone, asking for their
     * transfer), else {@code permission} at the home.
     */
    public static Optional<Refusal> member(Scope scope, String memberId, Place home, Permission permission,
                                           boolean selfAllowed) {
        return selfAllowed ? scope.selfOr(memberId, permission, home) : scope.allows(permission, home);
    }

    /**
     * A person's step on an existing transfer: the member and both sides read it; the requesting
     * side (the member or whoever manages the members where they come from) cancels it; the
     * receiving side accepts, rejects and completes it. When the receiving organization is in
     * another district, that district's system takes the receiving steps through
     * {@code /inter-district/v1}, so that one system, with one record, decides on its district's
     * intake; its people cannot take them here.
     */
    public static Optional<Refusal> transfer(Scope scope, TransferStep step, TransferParties transfer) {
        return switch (step) {
            case READ -> Scope.anyOf(
                    scope.selfOr(transfer.memberId(), Permission.READ_SUBTREE, transfer.from()),
                    scope.allows(Permission.READ_SUBTREE, transfer.to()));
            case CANCEL -> scope.selfOr(transfer.memberId(), Permission.MANAGE_MEMBERS, transfer.from());
            case DECIDE, COMPLETE -> {
                Optional<Refusal> person = scope.anyPerson();
                if (person.isPresent()) {
                    yield person;
                }
                if (transfer.interDistrict()) {
                    yield Optional.of(new Refusal(DECIDED_BY_RECEIVING_SYSTEM, "The receiving organization is in district "
                            + transfer.to().districtCode() + ": that district's system accepts, rejects and completes "
                            + "this transfer through the inter-district endpoints"));
                }
                yield scope.allows(Permission.MANAGE_MEMBERS, transfer.to());
            }
        };
    }

    /** The inter-district endpoints are for other districts' systems, each acting as its district. */
    public static Optional<Refusal> districtSystem(Scope scope) {
        if (!scope.caller().isService()) {
            return Optional.of(new Refusal(SERVICE_IDENTITY_REQUIRED,
                    "The inter-district endpoints are for other districts' systems, with a service token"));
        }
        if (scope.caller().district() == null) {
            return Optional.of(Refusal.outOfScope("This service identity is not bound to a district"));
        }
        return Optional.empty();
    }

    /**
     * A district's system reaches a transfer only when it is addressed to an organization of its
     * own district from another district. Its member card only while the transfer is open or after
     * it completed (the member is then theirs): a rejected or cancelled transfer closes it again.
     */
    public static Optional<Refusal> interDistrictTransfer(Scope scope, TransferParties transfer, boolean readsMemberCard,
                                                          boolean closedWithoutMove) {
        Optional<Refusal> notASystem = districtSystem(scope);
        if (notASystem.isPresent()) {
            return notASystem;
        }
        String district = scope.caller().district();
        if (!district.equals(transfer.to().districtCode())) {
            return Optional.of(Refusal.outOfScope("This transfer is addressed to district "
                    + transfer.to().districtCode() + ", not to district " + district));
        }
        if (!transfer.interDistrict()) {
            return Optional.of(new Refusal(NOT_INTER_DISTRICT,
                    "This transfer stays within district " + district + "; its people handle it through /api/v1"));
        }
        if (readsMemberCard && closedWithoutMove) {
            return Optional.of(new Refusal(CLOSED_WITHOUT_MOVE,
                    "The transfer was rejected or cancelled: the member's card is no longer shared with district "
                            + district));
        }
        return Optional.empty();
    }

    /** Setting up, and every change to, a joint conference hosted by {@code hostDistrict}: its office. */
    public static Optional<Refusal> runConference(Scope scope, String hostDistrict) {
        return scope.conferenceOffice(hostDistrict);
    }

    /**
     * A search by name among organizations and members: a district admin searches their
     * district; an organizer or branch secretary the subtree of their organization scope. Nobody
     * else has a part of the tree to search in.
     */
    public static Optional<Refusal> searchNames(Scope scope) {
        Optional<Refusal> person = scope.anyPerson();
        if (person.isPresent()) {
            return person;
        }
        if (searchReach(scope).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Refusal.outOfScope("Searching by name needs a district or an organization to search in: "
                + "it is for district admins, organizers and branch secretaries"));
    }

    /** Where a name search looks; empty when the caller has no part of the tree to search. */
    public static Optional<SearchReach> searchReach(Scope scope) {
        Caller caller = scope.caller();
        if (caller.isService()) {
            return Optional.empty();
        }
        if (caller.has(Roles.DISTRICT_ADMIN) && caller.district() != null) {
            return Optional.of(new SearchReach(caller.district(), null));
        }
        return scope.orgScope().filter(place -> scope.reaches(Permission.READ_SUBTREE, place))
                .map(place -> new SearchReach(null, place.path()));
    }

    /** A district ({@code district}) or a subtree (the materialized {@code pathPrefix}). */
    public record SearchReach(String district, String pathPrefix) {
    }

    /**
     * A member unit's staff registered as learners: the conference's office, or the unit's own
     * contact, who is whoever holds {@code permission} at the unit's organization in the tree
     * (MANAGE_MEMBERS to register and end, READ_SUBTREE to read) — the people who already manage
     * that unit's party members. A unit with no organization in the tree ({@code unitOrganization}
     * null) is the office's alone.
     */
    public static Optional<Refusal> unitStaff(Scope scope, String hostDistrict, Place unitOrganization,
                                              Permission permission) {
        Optional<Refusal> office = scope.conferenceOffice(hostDistrict);
        if (office.isEmpty() || unitOrganization == null || scope.caller().isService()) {
            return office;
        }
        return Scope.anyOf(office, scope.allows(permission, unitOrganization));
    }
}
