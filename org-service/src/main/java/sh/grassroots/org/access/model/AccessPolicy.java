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
 *   <li>a member reads their own record only (decided by the caller of this policy, who knows
 *       the record's owner);</li>
 *   <li>another district's service identity reaches only the inter-district endpoints, never
 *       these.</li>
 * </ul>
 * Pure: the caller's scope and the target are looked up by the application layer.
 */
public final class AccessPolicy {
    public static final String DISTRICT_ADMIN = "district_admin";
    public static final String ORGANIZER = "organizer";
    public static final String BRANCH_SECRETARY = "branch_secretary";

    /** Why a caller was refused; the slug is stable. */
    public record Denial(String slug, String detail) {
    }

    /**
     * @param service     true for another district's service identity
     * @param roles       the caller's roles
     * @param district    the caller's district claim, or null
     * @param callerScope where the caller's organization scope sits, or null when they have none
     *                    (or it names no organization)
     */
    public record Actor(boolean service, Set<String> roles, String district, Scope callerScope) {
        public Actor {
            roles = Set.copyOf(roles);
        }
    }

    private AccessPolicy() {
    }

    /** Empty when {@code actor} may do {@code permission} at {@code target}. */
    public static Optional<Denial> check(Actor actor, Permission permission, Scope target) {
        if (actor.service()) {
            return Optional.of(new Denial("service-identity-not-allowed",
                    "Another district's service identity may only call the inter-district endpoints"));
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
        return Optional.of(new Denial("out-of-scope", explain(actor, permission)));
    }

    /** A new tree root (no parent) can only be made by the district's admin. */
    public static Optional<Denial> checkNewRoot(Actor actor, String districtCode) {
        if (!actor.service() && actor.roles().contains(DISTRICT_ADMIN) && districtCode.equals(actor.district())) {
            return Optional.empty();
        }
        return Optional.of(new Denial("out-of-scope",
                "Only district " + districtCode + "'s admin may set up a new top-level organization there"));
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
