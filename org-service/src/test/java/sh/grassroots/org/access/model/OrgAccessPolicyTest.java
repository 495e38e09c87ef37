package sh.grassroots.org.access.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.org.access.model.OrgAccessPolicy.TransferParties;
import sh.grassroots.org.access.model.OrgAccessPolicy.TransferStep;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Permission;
import sh.grassroots.platform.access.Place;
import sh.grassroots.platform.access.Refusal;
import sh.grassroots.platform.access.Scope;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrgAccessPolicyTest {
    static final String YANGPU = "310110";
    static final String HUANGPU = "310101";
    final Place committee = Place.root(YANGPU, UUID.randomUUID());
    final Place branch = committee.child(UUID.randomUUID());
    final Place otherBranch = committee.child(UUID.randomUUID());
    final Place elsewhere = Place.root(YANGPU, UUID.randomUUID());
    final Place otherDistrict = Place.root(HUANGPU, UUID.randomUUID());
    final String member = UUID.randomUUID().toString();
    /** A member of {@code branch} moving to {@code otherBranch}, both in Yangpu. */
    final TransferParties inDistrict = new TransferParties(member, branch, otherBranch);
    /** A member of {@code branch} (Yangpu) moving to Huangpu. */
    final TransferParties toHuangpu = new TransferParties(member, branch, otherDistrict);

    static Scope service(String district) {
        return Scope.of(new Caller("district-" + district, Caller.Kind.SERVICE, Set.of("service"), null, district), null);
    }

    static Scope self(String memberId) {
        return Scope.of(Caller.person(memberId, Set.of("member"), null, null), null);
    }

    /** A person with one role, acting for {@code district}, whose org scope sits at {@code scope}. */
    static Scope as(String role, String district, Place scope) {
        return Scope.of(Caller.person(role + "-1", Set.of(role), scope == null ? null : UUID.randomUUID().toString(),
                district), scope);
    }

    static void allowed(Optional<Refusal> refusal) {
        assertTrue(refusal.isEmpty(), () -> "expected allowed, got " + refusal);
    }

    static void refused(Optional<Refusal> refusal, String slug) {
        assertTrue(refusal.isPresent(), "expected a refusal");
        assertEquals(slug, refusal.get().slug());
    }

    @Test
    void a_district_admin_acts_in_their_district_only() {
        Scope admin = as("district_admin", YANGPU, null);
        allowed(OrgAccessPolicy.organization(admin, Permission.MANAGE_STRUCTURE, elsewhere));
        allowed(OrgAccessPolicy.organization(admin, Permission.MANAGE_MEMBERS, branch));
        refused(OrgAccessPolicy.organization(admin, Permission.READ_SUBTREE, otherDistrict), "out-of-scope");
    }

    @Test
    void a_district_admin_without_a_district_claim_reaches_nothing() {
        refused(OrgAccessPolicy.organization(as("district_admin", null, null), Permission.READ_SUBTREE, branch),
                "out-of-scope");
    }

    @Test
    void an_organizer_acts_in_their_subtree_only() {
        Scope organizer = as("organizer", null, committee);
        allowed(OrgAccessPolicy.organization(organizer, Permission.MANAGE_STRUCTURE, committee));
        allowed(OrgAccessPolicy.organization(organizer, Permission.MANAGE_STRUCTURE, branch));
        refused(OrgAccessPolicy.organization(organizer, Permission.READ_SUBTREE, elsewhere), "out-of-scope");
    }

    @Test
    void an_organizer_below_does_not_reach_up() {
        refused(OrgAccessPolicy.organization(as("organizer", null, branch), Permission.READ_SUBTREE, committee),
                "out-of-scope");
    }

    @Test
    void a_branch_secretary_manages_members_of_their_branch_but_never_the_structure() {
        Scope secretary = as("branch_secretary", null, branch);
        allowed(OrgAccessPolicy.organization(secretary, Permission.MANAGE_MEMBERS, branch));
        allowed(OrgAccessPolicy.organization(secretary, Permission.READ_SUBTREE, branch));
        refused(OrgAccessPolicy.organization(secretary, Permission.MANAGE_STRUCTURE, branch), "out-of-scope");
        refused(OrgAccessPolicy.organization(secretary, Permission.MANAGE_MEMBERS, otherBranch), "out-of-scope");
    }

    @Test
    void a_training_admin_has_no_say_over_the_tree_or_its_members() {
        Scope trainingAdmin = as("training_admin", null, committee);
        for (Permission permission : EnumSet.of(Permission.READ_SUBTREE, Permission.MANAGE_STRUCTURE,
                Permission.MANAGE_MEMBERS)) {
            refused(OrgAccessPolicy.organization(trainingAdmin, permission, branch), "out-of-scope");
        }
    }

    @Test
    void a_path_prefix_that_is_not_a_whole_segment_is_not_a_subtree() {
        // Paths end with '/', so '/a/' never prefixes '/ab/': a sibling whose id starts alike stays out.
        Place a = new Place(YANGPU, "/aaaaaaaa-0000-0000-0000-000000000001/");
        Place lookalike = new Place(YANGPU, "/aaaaaaaa-0000-0000-0000-0000000000017/");
        assertTrue(lookalike.path().startsWith(a.path().substring(0, a.path().length() - 1)));
        assertFalse(lookalike.within(a));
        refused(OrgAccessPolicy.organization(as("organizer", null, a), Permission.READ_SUBTREE, lookalike),
                "out-of-scope");
    }

    @Test
    void a_member_role_manages_nothing() {
        refused(OrgAccessPolicy.organization(as("member", YANGPU, branch), Permission.READ_SUBTREE, branch),
                "out-of-scope");
    }

    @Test
    void a_service_identity_never_reaches_the_people_endpoints() {
        Scope service = Scope.of(new Caller("district-310110", Caller.Kind.SERVICE, Set.of("service", "district_admin"),
                null, YANGPU), null);
        refused(OrgAccessPolicy.organization(service, Permission.READ_SUBTREE, branch), "service-identity-not-allowed");
        refused(OrgAccessPolicy.wholeDistrict(service, YANGPU), "service-identity-not-allowed");
        refused(OrgAccessPolicy.openRead(service), "service-identity-not-allowed");
        refused(OrgAccessPolicy.member(service, "m-1", branch, Permission.READ_SUBTREE, true),
                "service-identity-not-allowed");
        refused(OrgAccessPolicy.transfer(service, TransferStep.READ, inDistrict), "service-identity-not-allowed");
        refused(OrgAccessPolicy.transfer(service, TransferStep.DECIDE, inDistrict), "service-identity-not-allowed");
        refused(OrgAccessPolicy.runConference(service, YANGPU), "service-identity-not-allowed");
    }

    @Test
    void only_the_district_admin_makes_a_new_root_or_reads_the_whole_district() {
        allowed(OrgAccessPolicy.wholeDistrict(as("district_admin", YANGPU, null), YANGPU));
        refused(OrgAccessPolicy.wholeDistrict(as("district_admin", HUANGPU, null), YANGPU), "out-of-scope");
        refused(OrgAccessPolicy.wholeDistrict(as("organizer", YANGPU, committee), YANGPU), "out-of-scope");
    }

    @Test
    void anyone_signed_in_reads_an_organizations_card_but_a_member_role_reads_no_subtree() {
        allowed(OrgAccessPolicy.openRead(self(member)));
        refused(OrgAccessPolicy.organization(self(member), Permission.READ_SUBTREE, branch), "out-of-scope");
    }

    @Test
    void a_member_reads_their_own_record_and_nobody_elses() {
        allowed(OrgAccessPolicy.member(self(member), member, branch, Permission.READ_SUBTREE, true));
        refused(OrgAccessPolicy.member(self(member), UUID.randomUUID().toString(), branch, Permission.READ_SUBTREE, true),
                "out-of-scope");
        refused(OrgAccessPolicy.member(self(member), member, branch, Permission.MANAGE_MEMBERS, false), "out-of-scope");
    }

    @Test
    void a_members_record_is_read_and_managed_from_their_home_branch_upwards() {
        allowed(OrgAccessPolicy.member(as("branch_secretary", null, branch), member, branch, Permission.MANAGE_MEMBERS,
                false));
        allowed(OrgAccessPolicy.member(as("organizer", null, committee), member, branch, Permission.READ_SUBTREE, true));
        refused(OrgAccessPolicy.member(as("branch_secretary", null, otherBranch), member, branch, Permission.READ_SUBTREE,
                true), "out-of-scope");
    }

    @Test
    void the_member_and_both_sides_read_a_transfer_and_nobody_else() {
        for (Scope reader : new Scope[]{self(member), as("branch_secretary", null, branch),
                as("branch_secretary", null, otherBranch), as("district_admin", YANGPU, null)}) {
            allowed(OrgAccessPolicy.transfer(reader, TransferStep.READ, inDistrict));
        }
        refused(OrgAccessPolicy.transfer(as("organizer", null, elsewhere), TransferStep.READ, inDistrict), "out-of-scope");
        refused(OrgAccessPolicy.transfer(self(UUID.randomUUID().toString()), TransferStep.READ, inDistrict),
                "out-of-scope");
    }

    @Test
    void the_requesting_side_cancels_and_the_receiving_side_decides_and_completes() {
        Scope sending = as("branch_secretary", null, branch);
        Scope receiving = as("branch_secretary", null, otherBranch);
        allowed(OrgAccessPolicy.transfer(self(member), TransferStep.CANCEL, inDistrict));
        allowed(OrgAccessPolicy.transfer(sending, TransferStep.CANCEL, inDistrict));
        refused(OrgAccessPolicy.transfer(receiving, TransferStep.CANCEL, inDistrict), "out-of-scope");
        for (TransferStep step : EnumSet.of(TransferStep.DECIDE, TransferStep.COMPLETE)) {
            allowed(OrgAccessPolicy.transfer(receiving, step, inDistrict));
            refused(OrgAccessPolicy.transfer(sending, step, inDistrict), "out-of-scope");
            refused(OrgAccessPolicy.transfer(self(member), step, inDistrict), "out-of-scope");
        }
    }

    @Test
    void people_of_the_receiving_district_do_not_decide_an_inter_district_transfer() {
        Scope huangpuAdmin = as("district_admin", HUANGPU, null);
        refused(OrgAccessPolicy.transfer(huangpuAdmin, TransferStep.DECIDE, toHuangpu),
                "inter-district-transfer-decided-by-receiving-system");
        refused(OrgAccessPolicy.transfer(huangpuAdmin, TransferStep.COMPLETE, toHuangpu),
                "inter-district-transfer-decided-by-receiving-system");
        allowed(OrgAccessPolicy.transfer(huangpuAdmin, TransferStep.READ, toHuangpu));
        allowed(OrgAccessPolicy.transfer(as("district_admin", YANGPU, null), TransferStep.CANCEL, toHuangpu));
    }

    @Test
    void a_districts_system_acts_only_on_transfers_addressed_to_it_from_another_district() {
        allowed(OrgAccessPolicy.interDistrictTransfer(service(HUANGPU), toHuangpu, true, false));
        refused(OrgAccessPolicy.interDistrictTransfer(service("310151"), toHuangpu, false, false), "out-of-scope");
        refused(OrgAccessPolicy.interDistrictTransfer(service(YANGPU), toHuangpu, false, false), "out-of-scope");
        refused(OrgAccessPolicy.interDistrictTransfer(service(YANGPU), inDistrict, false, false),
                "transfer-not-inter-district");
        refused(OrgAccessPolicy.interDistrictTransfer(as("district_admin", HUANGPU, null), toHuangpu, false, false),
                "service-identity-required");
    }

    @Test
    void the_member_card_is_no_longer_shared_once_the_transfer_closed_without_a_move() {
        refused(OrgAccessPolicy.interDistrictTransfer(service(HUANGPU), toHuangpu, true, true),
                "transfer-closed-without-move");
        allowed(OrgAccessPolicy.interDistrictTransfer(service(HUANGPU), toHuangpu, false, true));
    }

    @Test
    void a_service_identity_without_a_district_reaches_nothing() {
        refused(OrgAccessPolicy.districtSystem(service(null)), "out-of-scope");
        allowed(OrgAccessPolicy.districtSystem(service(HUANGPU)));
    }

    @Test
    void the_host_districts_admin_and_organizers_run_a_joint_conference() {
        allowed(OrgAccessPolicy.runConference(as("district_admin", HUANGPU, null), HUANGPU));
        allowed(OrgAccessPolicy.runConference(as("organizer", HUANGPU, null), HUANGPU));
    }

    @Test
    void another_districts_people_and_the_other_roles_of_the_host_district_do_not_run_its_conference() {
        refused(OrgAccessPolicy.runConference(as("district_admin", YANGPU, null), HUANGPU), "out-of-scope");
        refused(OrgAccessPolicy.runConference(as("organizer", null, committee), HUANGPU), "out-of-scope");
        refused(OrgAccessPolicy.runConference(as("member", HUANGPU, null), HUANGPU), "out-of-scope");
        refused(OrgAccessPolicy.runConference(as("branch_secretary", HUANGPU, branch), HUANGPU), "out-of-scope");
        allowed(OrgAccessPolicy.openRead(as("member", null, null)));
    }

    @Test
    void a_units_staff_are_registered_by_the_conference_office_or_whoever_manages_the_units_members() {
        Permission manage = Permission.MANAGE_MEMBERS;
        allowed(OrgAccessPolicy.unitStaff(as("organizer", HUANGPU, null), HUANGPU, committee, manage));
        allowed(OrgAccessPolicy.unitStaff(as("organizer", YANGPU, committee), HUANGPU, committee, manage));
        allowed(OrgAccessPolicy.unitStaff(as("branch_secretary", null, committee), HUANGPU, committee, manage));
        allowed(OrgAccessPolicy.unitStaff(as("district_admin", YANGPU, null), HUANGPU, committee, manage));
        allowed(OrgAccessPolicy.unitStaff(as("district_admin", YANGPU, null), HUANGPU, committee,
                Permission.READ_SUBTREE));
    }

    @Test
    void a_units_staff_are_not_for_another_organizations_managers_nor_for_anyone_when_the_unit_has_no_organization() {
        Permission manage = Permission.MANAGE_MEMBERS;
        refused(OrgAccessPolicy.unitStaff(as("branch_secretary", null, branch), HUANGPU, committee, manage), "out-of-scope");
        refused(OrgAccessPolicy.unitStaff(as("organizer", YANGPU, elsewhere), HUANGPU, committee, manage), "out-of-scope");
        refused(OrgAccessPolicy.unitStaff(as("training_admin", null, committee), HUANGPU, committee, manage), "out-of-scope");
        refused(OrgAccessPolicy.unitStaff(as("organizer", YANGPU, committee), HUANGPU, null, manage), "out-of-scope");
        refused(OrgAccessPolicy.unitStaff(service(HUANGPU), HUANGPU, committee, manage), "service-identity-not-allowed");
    }
}
