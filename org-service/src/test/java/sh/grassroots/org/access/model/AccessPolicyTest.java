package sh.grassroots.org.access.model;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessPolicyTest {
    static final String YANGPU = "310110";
    static final String HUANGPU = "310101";
    final String committee = "/" + UUID.randomUUID() + "/";
    final Scope committeeScope = new Scope(YANGPU, committee);
    final Scope branch = new Scope(YANGPU, committee + UUID.randomUUID() + "/");
    final Scope otherBranch = new Scope(YANGPU, committee + UUID.randomUUID() + "/");
    final Scope elsewhere = new Scope(YANGPU, "/" + UUID.randomUUID() + "/");
    final Scope otherDistrict = new Scope(HUANGPU, "/" + UUID.randomUUID() + "/");

    static AccessPolicy.Actor actor(String role, String district, Scope scope) {
        return new AccessPolicy.Actor(false, Set.of(role), district, scope);
    }

    static void allowed(Optional<AccessPolicy.Denial> d) {
        assertTrue(d.isEmpty(), () -> "expected allowed, got " + d);
    }

    static void denied(Optional<AccessPolicy.Denial> d, String slug) {
        assertTrue(d.isPresent(), "expected a denial");
        assertEquals(slug, d.get().slug());
    }

    @Test
    void a_district_admin_acts_in_their_district_only() {
        AccessPolicy.Actor admin = actor("district_admin", YANGPU, null);
        allowed(AccessPolicy.check(admin, Permission.MANAGE_STRUCTURE, elsewhere));
        allowed(AccessPolicy.check(admin, Permission.MANAGE_MEMBERS, branch));
        denied(AccessPolicy.check(admin, Permission.READ_SUBTREE, otherDistrict), "out-of-scope");
    }

    @Test
    void a_district_admin_without_a_district_claim_reaches_nothing() {
        denied(AccessPolicy.check(actor("district_admin", null, null), Permission.READ_SUBTREE, branch), "out-of-scope");
    }

    @Test
    void an_organizer_acts_in_their_subtree_only() {
        AccessPolicy.Actor organizer = actor("organizer", null, committeeScope);
        allowed(AccessPolicy.check(organizer, Permission.MANAGE_STRUCTURE, committeeScope));
        allowed(AccessPolicy.check(organizer, Permission.MANAGE_STRUCTURE, branch));
        denied(AccessPolicy.check(organizer, Permission.READ_SUBTREE, elsewhere), "out-of-scope");
    }

    @Test
    void an_organizer_below_does_not_reach_up() {
        AccessPolicy.Actor organizer = actor("organizer", null, branch);
        denied(AccessPolicy.check(organizer, Permission.READ_SUBTREE, committeeScope), "out-of-scope");
    }

    @Test
    void a_branch_secretary_manages_members_of_their_branch_but_never_the_structure() {
        AccessPolicy.Actor secretary = actor("branch_secretary", null, branch);
        allowed(AccessPolicy.check(secretary, Permission.MANAGE_MEMBERS, branch));
        allowed(AccessPolicy.check(secretary, Permission.READ_SUBTREE, branch));
        denied(AccessPolicy.check(secretary, Permission.MANAGE_STRUCTURE, branch), "out-of-scope");
        denied(AccessPolicy.check(secretary, Permission.MANAGE_MEMBERS, otherBranch), "out-of-scope");
    }

    @Test
    void a_path_prefix_that_is_not_a_whole_segment_is_not_a_subtree() {
        // Paths end with '/', so '/a/' never prefixes '/ab/': a sibling whose id starts alike stays out.
        Scope a = new Scope(YANGPU, "/aaaaaaaa-0000-0000-0000-000000000001/");
        Scope lookalike = new Scope(YANGPU, "/aaaaaaaa-0000-0000-0000-0000000000017/");
        assertTrue(lookalike.path().startsWith(a.path().substring(0, a.path().length() - 1)));
        assertTrue(!a.contains(lookalike));
    }

    @Test
    void a_member_role_manages_nothing() {
        denied(AccessPolicy.check(actor("member", YANGPU, branch), Permission.READ_SUBTREE, branch), "out-of-scope");
    }

    @Test
    void a_service_identity_never_reaches_the_people_endpoints() {
        AccessPolicy.Actor service = new AccessPolicy.Actor(true, Set.of("service", "district_admin"), YANGPU, null);
        denied(AccessPolicy.check(service, Permission.READ_SUBTREE, branch), "service-identity-not-allowed");
        denied(AccessPolicy.checkNewRoot(service, YANGPU), "out-of-scope");
    }

    @Test
    void only_the_district_admin_makes_a_new_root() {
        allowed(AccessPolicy.checkNewRoot(actor("district_admin", YANGPU, null), YANGPU));
        denied(AccessPolicy.checkNewRoot(actor("district_admin", HUANGPU, null), YANGPU), "out-of-scope");
        denied(AccessPolicy.checkNewRoot(actor("organizer", YANGPU, committeeScope), YANGPU), "out-of-scope");
    }
}
