package sh.grassroots.org.access.model;

import java.util.Optional;
import java.util.Set;

/**
 * Who may act where in the tree. The gateway already refused what a caller's roles can never
 * do; this decides whether they may do it <em>here</em>:
 * <ul>
 *   <li>a district admin acts within their district (the token's district claim);</li>
 *   <li>an organizer (committee or district organization department) within the subtree of
 *       their organization scope, and may read and manage structure and members there;</li>
 *   <li>a branch secretary within their own branch (the subtree of their scope) for members and
 *       reading, but never restructures the tree;</li>
 *   <li>a member reads their own record and their own transfers, and may ask for their own
 *       transfer;</li>
 *   <li>an organization's own card (name, kind, path) is open to every authenticated person;</li>
 *   <li>another district's service identity reaches only the inter-district endpoints, and there
 *       only the transfers addressed to its own district from another district.</li>
 * </ul>
 * A refusal of an existing target is a 403 (ids are random UUIDs, so saying that it exists tells
 * the caller nothing they did not already hold); an unknown id is a 404 for everyone.
 * Pure: the caller's scope and the targets are looked up by the application layer.
 */
public final class AccessPolicy {
    public static final String DISTRICT_ADMIN = "district_admin";
    public static final String ORGANIZER = "organizer";
    public static final String BRANCH_SECRETARY = "branch_secretary";

    public static final String OUT_OF_SCOPE = "out-of-scope";
    public static final String SERVICE_IDENTITY_NOT_ALLOWED = "service-identity-not-allowed";
    public static final String SERVICE_IDENTITY_REQUIRED = "service-identity-required";
    public static final String DECIDED_BY_RECEIVING_SYSTEM = "inter-district-transfer-decided-by-receiving-system";
    public static final String NOT_INTER_DISTRICT = "transfer-not-inter-district";
    public static final String CLOSED_WITHOUT_MOVE = "transfer-closed-without-move";

    /** Why a caller was refused; the slug is stable. */
    public record Denial(String slug, String detail) {
    }

    /**
     * @param subject     the person's member id, or the service's client id
     * @param service     true for another district's service identity
     * @param roles       the caller's roles
     * @param district    the caller's district claim (for a service, its configured district), or null
     * @param callerScope where the caller's organization scope sits, or null when they have none
     *                    (or it names no organization)
     */
    public record Actor(String subject, boolean service, Set<String> roles, String district, Scope callerScope) {
        public Actor {
            roles = Set.copyOf(roles);
        }
    }

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
    public record TransferParties(String memberId, Scope from, Scope to) {
        public boolean interDistrict() {
            return !from.districtCode().equals(to.districtCode());
        }
    }

    private AccessPolicy() {
    }

    /** Empty when {@code actor} may do {@code permission} at {@code target}. */
    public static Optional<Denial> check(Actor actor, Permission permission, Scope target) {
        if (actor.service()) {
            return serviceRefused();
        }
        if (actor.roles().contains(DISTRICT_ADMIN) && actor.district() != null
                && actor.district().equals(target.districtCode())) {
            return Optional.empty();
        }
        boolean inOwnSubtree = actor.callerScope() != null && actor.callerScope().contains(target);
        if (inOwnSubtree && actor.roles().contains(ORGANIZER)) {
            return Optional.empty();
        }
        if (inOwnSubtree && actor.roles().contains(BRANCH_SECRETARY) && permission != Permission.MANAGE_STRUCTURE) {
            return Optional.empty();
        }
        return Optional.of(new Denial(OUT_OF_SCOPE, explain(actor, permission)));
    }

    /** A new tree root (no parent) can only be made by the district's admin. */
    public static Optional<Denial> checkNewRoot(Actor actor, String districtCode) {
        if (actor.service()) {
            return serviceRefused();
        }
        if (actor.roles().contains(DISTRICT_ADMIN) && districtCode.equals(actor.district())) {
            return Optional.empty();
        }
        return Optional.of(new Denial(OUT_OF_SCOPE,
                "Only district " + districtCode + "'s admin may set up a new top-level organization there"));
    }

    /**
     * An organization's own card and its path to the root (names and kinds, no counts, no
     * members): any authenticated person, as a member needs to see where a branch sits before
     * asking to move there.
     */
    public static Optional<Denial> checkOpenRead(Actor actor) {
        return actor.service() ? serviceRefused() : Optional.empty();
    }

    /**
     * A member's record whose home sits at {@code home}: the member themselves when
     * {@code selfAllowed} (reading their record, asking for their transfer), else a role whose
     * scope holds the home.
     */
    public static Optional<Denial> checkMember(Actor actor, String memberId, Scope home, Permission permission,
                                               boolean selfAllowed) {
        if (actor.service()) {
            return serviceRefused();
        }
        if (selfAllowed && isSelf(actor, memberId)) {
            return Optional.empty();
        }
        return check(actor, permission, home);
    }

    /**
     * A person's step on an existing transfer: the member and both sides read it; the requesting
     * side (the member or whoever manages the members where they come from) cancels it; the
     * receiving side accepts, rejects and completes it. When the receiving organization is in
     * another district, that district's system takes the receiving steps through
     * {@code /inter-district/v1}, so that one system, with one record, decides on its district's
     * intake; its people cannot take them here.
     */
    public static Optional<Denial> checkTransfer(Actor actor, TransferStep step, TransferParties transfer) {
        if (actor.service()) {
            return serviceRefused();
        }
        return switch (step) {
            case READ -> isSelf(actor, transfer.memberId()) ? Optional.empty()
                    : check(actor, Permission.READ_SUBTREE, transfer.from()).isEmpty() ? Optional.empty()
                    : check(actor, Permission.READ_SUBTREE, transfer.to());
            case CANCEL -> isSelf(actor, transfer.memberId()) ? Optional.empty()
                    : check(actor, Permission.MANAGE_MEMBERS, transfer.from());
            case DECIDE, COMPLETE -> {
                if (transfer.interDistrict()) {
                    yield Optional.of(new Denial(DECIDED_BY_RECEIVING_SYSTEM, "The receiving organization is in district "
                            + transfer.to().districtCode() + ": that district's system accepts, rejects and completes "
                            + "this transfer through the inter-district endpoints"));
                }
                yield check(actor, Permission.MANAGE_MEMBERS, transfer.to());
            }
        };
    }

    /** The inter-district endpoints are for other districts' systems, each acting as its district. */
    public static Optional<Denial> checkServiceIdentity(Actor actor) {
        if (!actor.service()) {
            return Optional.of(new Denial(SERVICE_IDENTITY_REQUIRED,
                    "The inter-district endpoints are for other districts' systems, with a service token"));
        }
        if (actor.district() == null) {
            return Optional.of(new Denial(OUT_OF_SCOPE, "This service identity is not bound to a district"));
        }
        return Optional.empty();
    }

    /**
     * A district's system reaches a transfer only when it is addressed to an organization of its
     * own district from another district. Its member card only while the transfer is open or after
     * it completed (the member is then theirs): a rejected or cancelled transfer closes it again.
     */
    public static Optional<Denial> checkInterDistrict(Actor actor, TransferParties transfer, boolean readsMemberCard,
                                                      boolean closedWithoutMove) {
        Optional<Denial> notService = checkServiceIdentity(actor);
        if (notService.isPresent()) {
            return notService;
        }
        if (!actor.district().equals(transfer.to().districtCode())) {
            return Optional.of(new Denial(OUT_OF_SCOPE, "This transfer is addressed to district "
                    + transfer.to().districtCode() + ", not to district " + actor.district()));
        }
        if (!transfer.interDistrict()) {
            return Optional.of(new Denial(NOT_INTER_DISTRICT,
                    "This transfer stays within district " + actor.district() + "; its people handle it through /api/v1"));
        }
        if (readsMemberCard && closedWithoutMove) {
            return Optional.of(new Denial(CLOSED_WITHOUT_MOVE,
                    "The transfer was rejected or cancelled: the member's card is no longer shared with district "
                            + actor.district()));
        }
        return Optional.empty();
    }

    private static boolean isSelf(Actor actor, String memberId) {
        return !actor.service() && actor.subject() != null && actor.subject().equals(memberId);
    }

    private static Optional<Denial> serviceRefused() {
        return Optional.of(new Denial(SERVICE_IDENTITY_NOT_ALLOWED,
                "Another district's service identity may only call the inter-district endpoints"));
    }

    private static String explain(Actor actor, Permission permission) {
        if (actor.roles().isEmpty()) {
            return "You have no role that allows this";
        }
        String what = switch (permission) {
            case READ_SUBTREE -> "see";
            case MANAGE_STRUCTURE -> "restructure";
            case MANAGE_MEMBERS -> "manage the members of";
        };
        return "Your roles " + actor.roles().stream().sorted().toList() + " do not let you " + what
                + " this organization: it is outside your organization scope";
    }
}
