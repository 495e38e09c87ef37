package sh.grassroots.platform.access;

import java.util.Set;

/**
 * What a caller wants to do at a place in the organization tree, and which roles grant it. A
 * role grants a permission only within its scope (see {@link Scope#allows}): a district admin in
 * their district, the other roles in the subtree of their organization scope.
 */
public enum Permission {
    /** See a subtree: counts, descendants, history, size reports, member lists. */
    READ_SUBTREE(Roles.DISTRICT_ADMIN, Roles.ORGANIZER, Roles.BRANCH_SECRETARY),
    /** Create below, rename, move, dissolve, set branch rules. */
    MANAGE_STRUCTURE(Roles.DISTRICT_ADMIN, Roles.ORGANIZER),
    /**
     * Act for the members whose home is here: register, change, end membership, transfers,
     * affiliations; enrol them in lessons; book station rooms in the organization's name.
     */
    MANAGE_MEMBERS(Roles.DISTRICT_ADMIN, Roles.ORGANIZER, Roles.BRANCH_SECRETARY),
    /**
     * Run the training an organization here provides: courses, sessions, their enrolment lists,
     * check-in codes, attendance and no-shows; reverse credit hours of the members here.
     */
    MANAGE_TRAINING(Roles.DISTRICT_ADMIN, Roles.ORGANIZER, Roles.TRAINING_ADMIN),
    /** See the training records of the members here: completion reports, a person's hours and lessons. */
    READ_TRAINING(Roles.DISTRICT_ADMIN, Roles.ORGANIZER, Roles.BRANCH_SECRETARY, Roles.TRAINING_ADMIN);

    private final Set<String> roles;

    Permission(String... roles) {
        this.roles = Set.of(roles);
    }

    /** The roles that grant this permission within their scope. */
    public Set<String> grantedBy() {
        return roles;
    }
}
