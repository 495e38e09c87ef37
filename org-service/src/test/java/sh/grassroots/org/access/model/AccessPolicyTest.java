package sh.grassroots.org.access.model;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
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
    final String member = UUID.randomUUID().toString();
    /** A member of {@code branch} moving to {@code otherBranch}, both in Yangpu. */
    final AccessPolicy.TransferParties inDistrict = new AccessPolicy.TransferParties(member, branch, otherBranch);
    /** A member of {@code branch} (Yangpu) moving to Huangpu. */
    final AccessPolicy.TransferParties toHuangpu = new AccessPolicy.TransferParties(member, branch, otherDistrict);

    static AccessPolicy.Actor service(String district) {
        return new AccessPolicy.Actor("district-" + district, true, Set.of("service"), district, null);
    }

    static AccessPolicy.Actor self(String memberId) {
        return new AccessPolicy.Actor(memberId, false, Set.of("member"), null, null);
    }

    static AccessPolicy.Actor actor(String role, String district, Scope scope) {
        return new AccessPolicy.Actor(role + "-1", false, Set.of(role), district, scope);
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
        AccessPolicy.Actor service = new AccessPolicy.Actor("district-310110", true, Set.of("service", "district_admin"),
                YANGPU, null);
        denied(AccessPolicy.check(service, Permission.READ_SUBTREE, branch), "service-identity-not-allowed");
        denied(AccessPolicy.checkNewRoot(service, YANGPU), "service-identity-not-allowed");
        denied(AccessPolicy.checkOpenRead(service), "service-identity-not-allowed");
        denied(AccessPolicy.checkMember(service, "m-1", branch, Permission.READ_SUBTREE, true),
                "service-identity-not-allowed");
        denied(AccessPolicy.checkTransfer(service, AccessPolicy.TransferStep.READ, inDistrict), "service-identity-not-allowed");
    }

    @Test
    void only_the_district_admin_makes_a_new_root() {
        allowed(AccessPolicy.checkNewRoot(actor("district_admin", YANGPU, null), YANGPU));
        denied(AccessPolicy.checkNewRoot(actor("district_admin", HUANGPU, null), YANGPU), "out-of-scope");
        denied(AccessPolicy.checkNewRoot(actor("organizer", YANGPU, committeeScope), YANGPU), "out-of-scope");
    }

    @Test
    void anyone_authenticated_reads_an_organizations_card_but_a_member_role_reads_no_subtree() {
        allowed(AccessPolicy.checkOpenRead(self(member)));
        denied(AccessPolicy.check(self(member), Permission.READ_SUBTREE, branch), "out-of-scope");
    }

    @Test
    void a_member_reads_their_own_record_and_nobody_elses() {
        allowed(AccessPolicy.checkMember(self(member), member, branch, Permission.READ_SUBTREE, true));
        denied(AccessPolicy.checkMember(self(member), UUID.randomUUID().toString(), branch, Permission.READ_SUBTREE, true),
                "out-of-scope");
        denied(AccessPolicy.checkMember(self(member), member, branch, Permission.MANAGE_MEMBERS, false), "out-of-scope");
    }

    @Test
    void a_members_record_is_read_and_managed_from_their_home_branch_upwards() {
        allowed(AccessPolicy.checkMember(actor("branch_secretary", null, branch), member, branch, Permission.MANAGE_MEMBERS, false));
        allowed(AccessPolicy.checkMember(actor("organizer", null, committeeScope), member, branch, Permission.READ_SUBTREE, true));
        denied(AccessPolicy.checkMember(actor("branch_secretary", null, otherBranch), member, branch, Permission.READ_SUBTREE, true),
                "out-of-scope");
    }

    @Test
    void the_member_and_both_sides_read_a_transfer_and_nobody_else() {
        for (AccessPolicy.Actor reader : new AccessPolicy.Actor[]{self(member), actor("branch_secretary", null, branch),
                actor("branch_secretary", null, otherBranch), actor("district_admin", YANGPU, null)}) {
            allowed(AccessPolicy.checkTransfer(reader, AccessPolicy.TransferStep.READ, inDistrict));
        }
        denied(AccessPolicy.checkTransfer(actor("organizer", null, elsewhere), AccessPolicy.TransferStep.READ, inDistrict),
                "out-of-scope");
        denied(AccessPolicy.checkTransfer(self(UUID.randomUUID().toString()), AccessPolicy.TransferStep.READ, inDistrict),
                "out-of-scope");
    }

    @Test
    void the_requesting_side_cancels_and_the_receiving_side_decides_and_completes() {
        AccessPolicy.Actor sending = actor("branch_secretary", null, branch);
        AccessPolicy.Actor receiving = actor("branch_secretary", null, otherBranch);
        allowed(AccessPolicy.checkTransfer(self(member), AccessPolicy.TransferStep.CANCEL, inDistrict));
        allowed(AccessPolicy.checkTransfer(sending, AccessPolicy.TransferStep.CANCEL, inDistrict));
        denied(AccessPolicy.checkTransfer(receiving, AccessPolicy.TransferStep.CANCEL, inDistrict), "out-of-scope");
        for (AccessPolicy.TransferStep step : EnumSet.of(AccessPolicy.TransferStep.DECIDE, AccessPolicy.TransferStep.COMPLETE)) {
            allowed(AccessPolicy.checkTransfer(receiving, step, inDistrict));
            denied(AccessPolicy.checkTransfer(sending, step, inDistrict), "out-of-scope");
            denied(AccessPolicy.checkTransfer(self(member), step, inDistrict), "out-of-scope");
        }
    }

    @Test
    void people_of_the_receiving_district_do_not_decide_an_inter_district_transfer() {
        AccessPolicy.Actor huangpuAdmin = actor("district_admin", HUANGPU, null);
        denied(AccessPolicy.checkTransfer(huangpuAdmin, AccessPolicy.TransferStep.DECIDE, toHuangpu),
                "inter-district-transfer-decided-by-receiving-system");
        denied(AccessPolicy.checkTransfer(huangpuAdmin, AccessPolicy.TransferStep.COMPLETE, toHuangpu),
                "inter-district-transfer-decided-by-receiving-system");
        allowed(AccessPolicy.checkTransfer(huangpuAdmin, AccessPolicy.TransferStep.READ, toHuangpu));
        allowed(AccessPolicy.checkTransfer(actor("district_admin", YANGPU, null), AccessPolicy.TransferStep.CANCEL, toHuangpu));
    }

    @Test
    void a_districts_system_acts_only_on_transfers_addressed_to_it_from_another_district() {
        allowed(AccessPolicy.checkInterDistrict(service(HUANGPU), toHuangpu, true, false));
        denied(AccessPolicy.checkInterDistrict(service("310151"), toHuangpu, false, false), "out-of-scope");
        denied(AccessPolicy.checkInterDistrict(service(YANGPU), toHuangpu, false, false), "out-of-scope");
        denied(AccessPolicy.checkInterDistrict(service(YANGPU), inDistrict, false, false), "transfer-not-inter-district");
        denied(AccessPolicy.checkInterDistrict(actor("district_admin", HUANGPU, null), toHuangpu, false, false),
                "service-identity-required");
    }

    @Test
    void the_member_card_is_no_longer_shared_once_the_transfer_closed_without_a_move() {
        denied(AccessPolicy.checkInterDistrict(service(HUANGPU), toHuangpu, true, true), "transfer-closed-without-move");
        allowed(AccessPolicy.checkInterDistrict(service(HUANGPU), toHuangpu, false, true));
    }

    @Test
    void a_service_identity_without_a_district_reaches_nothing() {
        denied(AccessPolicy.checkServiceIdentity(new AccessPolicy.Actor("x", true, Set.of("service"), null, null)),
                "out-of-scope");
        allowed(AccessPolicy.checkServiceIdentity(service(HUANGPU)));
    }
}
