package sh.grassroots.stations.access.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Place;
import sh.grassroots.platform.access.Refusal;
import sh.grassroots.platform.access.Roles;
import sh.grassroots.platform.access.Scope;
import sh.grassroots.stations.access.model.StationAccessPolicy.Member;
import sh.grassroots.stations.access.model.StationAccessPolicy.MemberUnit;
import sh.grassroots.stations.access.model.StationAccessPolicy.Organization;
import sh.grassroots.stations.access.model.StationAccessPolicy.Station;
import sh.grassroots.stations.access.model.StationAccessPolicy.WalkIn;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StationAccessPolicyTest {
    private static final String HUANGPU = "310101";
    private static final String YANGPU = "310110";
    private static final UUID LAOXIMEN = UUID.randomUUID();
    private static final UUID XIAOXIMEN = UUID.randomUUID();
    private static final UUID PENGLAI_BRANCH = UUID.randomUUID();
    private static final Place LAOXIMEN_PLACE = Place.root(HUANGPU, LAOXIMEN);
    private static final Place XIAOXIMEN_PLACE = LAOXIMEN_PLACE.child(XIAOXIMEN);
    private static final Place PENGLAI_PLACE = XIAOXIMEN_PLACE.child(PENGLAI_BRANCH);
    private static final Station WAITAN = new Station(UUID.randomUUID(), HUANGPU, Set.of("manager-waitan"));
    private static final Station BILIBILI = new Station(UUID.randomUUID(), YANGPU, Set.of("manager-bilibili"));

    private static StationAccessPolicy as(String subject, String roles, Place orgScope, String district) {
        Caller caller = Caller.person(subject, Set.of(roles.split(",")), orgScope == null ? null : idOf(orgScope),
                district);
        return new StationAccessPolicy(Scope.of(caller, orgScope));
    }

    /** The organization a place is the place of: the last id of its path. */
    private static String idOf(Place place) {
        String[] ids = place.path().split("/");
        return ids[ids.length - 1];
    }

    private static StationAccessPolicy manager(String subject) {
        return as(subject, Roles.STATION_MANAGER, null, HUANGPU);
    }

    private static StationAccessPolicy admin(String district) {
        return as("admin-" + district, Roles.DISTRICT_ADMIN, null, district);
    }

    private static StationAccessPolicy secretaryOf(Place branch) {
        return as("secretary", Roles.BRANCH_SECRETARY, branch, null);
    }

    private static StationAccessPolicy member(UUID id) {
        return as(id.toString(), Roles.MEMBER, null, null);
    }

    private static StationAccessPolicy service() {
        return new StationAccessPolicy(Scope.of(new Caller("district-310110", Caller.Kind.SERVICE,
                Set.of(Roles.SERVICE), null, YANGPU), null));
    }

    private static void refused(String slug, Optional<Refusal> answer) {
        assertTrue(answer.isPresent(), "allowed, expected " + slug);
        assertEquals(slug, answer.get().slug(), answer.get().detail());
    }

    @Test
    void a_named_manager_runs_their_station_and_not_another_districts() {
        assertEquals(Optional.empty(), manager("manager-waitan").manage(WAITAN));
        refused(Refusal.OUT_OF_SCOPE, manager("manager-waitan").manage(BILIBILI));
        refused(Refusal.OUT_OF_SCOPE, manager("someone-else").manage(WAITAN));
    }

    @Test
    void a_named_person_without_the_station_manager_role_does_not_run_the_station() {
        refused(Refusal.OUT_OF_SCOPE, as("manager-waitan", Roles.MEMBER, null, HUANGPU).manage(WAITAN));
    }

    @Test
    void the_district_admin_runs_every_station_of_the_district_and_names_its_managers() {
        assertEquals(Optional.empty(), admin(HUANGPU).manage(WAITAN));
        assertEquals(Optional.empty(), admin(HUANGPU).appointManagers(WAITAN));
        refused(Refusal.OUT_OF_SCOPE, admin(YANGPU).manage(WAITAN));
        refused(Refusal.OUT_OF_SCOPE, admin(YANGPU).appointManagers(WAITAN));
    }

    @Test
    void managers_do_not_name_managers_nor_set_up_stations() {
        refused(Refusal.OUT_OF_SCOPE, manager("manager-waitan").appointManagers(WAITAN));
        refused(Refusal.OUT_OF_SCOPE, manager("manager-waitan").createStation(HUANGPU));
        assertEquals(Optional.empty(), admin(HUANGPU).createStation(HUANGPU));
        refused(Refusal.OUT_OF_SCOPE, admin(YANGPU).createStation(HUANGPU));
    }

    @Test
    void a_member_books_as_themselves_only() {
        UUID wang = UUID.randomUUID();
        assertEquals(Optional.empty(), member(wang).book(WAITAN, new Member(wang)));
        refused(Refusal.NOT_YOURS, member(wang).book(WAITAN, new Member(UUID.randomUUID())));
        refused(Refusal.NOT_YOURS, admin(HUANGPU).book(WAITAN, new Member(wang)));
    }

    @Test
    void an_organization_is_booked_for_by_whoever_manages_its_members() {
        Organization penglai = new Organization(PENGLAI_BRANCH, PENGLAI_PLACE);
        assertEquals(Optional.empty(), secretaryOf(PENGLAI_PLACE).book(WAITAN, penglai));
        assertEquals(Optional.empty(), as("organizer", Roles.ORGANIZER, LAOXIMEN_PLACE, HUANGPU).book(WAITAN, penglai));
        assertEquals(Optional.empty(), admin(HUANGPU).book(BILIBILI, penglai));
        refused(Refusal.OUT_OF_SCOPE, secretaryOf(Place.root(HUANGPU, UUID.randomUUID())).book(WAITAN, penglai));
        refused(Refusal.OUT_OF_SCOPE, admin(YANGPU).book(WAITAN, penglai));
        refused(Refusal.OUT_OF_SCOPE, manager("manager-waitan").book(WAITAN, penglai));
        refused(Refusal.OUT_OF_SCOPE, as("trainer", Roles.TRAINING_ADMIN, LAOXIMEN_PLACE, null).book(WAITAN, penglai));
    }

    @Test
    void an_organization_the_service_does_not_know_is_nobodys_to_act_for() {
        refused(Refusal.OUT_OF_SCOPE, admin(HUANGPU).side(new Organization(UUID.randomUUID(), null)));
        refused(Refusal.OUT_OF_SCOPE, admin(HUANGPU).side(new MemberUnit(UUID.randomUUID(), null)));
    }

    @Test
    void a_member_unit_is_booked_for_by_the_office_of_its_conferences_host_district() {
        MemberUnit taiping = new MemberUnit(UUID.randomUUID(), HUANGPU);
        assertEquals(Optional.empty(), admin(HUANGPU).book(WAITAN, taiping));
        assertEquals(Optional.empty(), as("organizer", Roles.ORGANIZER, null, HUANGPU).book(WAITAN, taiping));
        refused(Refusal.OUT_OF_SCOPE, admin(YANGPU).book(WAITAN, taiping));
        refused(Refusal.OUT_OF_SCOPE, secretaryOf(PENGLAI_PLACE).book(WAITAN, taiping));
    }

    @Test
    void walk_ins_are_booked_by_the_stations_managers_at_the_desk() {
        assertEquals(Optional.empty(), manager("manager-waitan").book(WAITAN, new WalkIn()));
        assertEquals(Optional.empty(), admin(HUANGPU).book(WAITAN, new WalkIn()));
        refused(Refusal.OUT_OF_SCOPE, manager("manager-bilibili").book(WAITAN, new WalkIn()));
        refused(Refusal.OUT_OF_SCOPE, member(UUID.randomUUID()).book(WAITAN, new WalkIn()));
    }

    @Test
    void a_booking_is_read_and_cancelled_by_its_side_or_the_stations_managers() {
        UUID wang = UUID.randomUUID();
        Member hers = new Member(wang);
        assertEquals(Optional.empty(), member(wang).actOnBooking(WAITAN, hers));
        assertEquals(Optional.empty(), manager("manager-waitan").actOnBooking(WAITAN, hers));
        refused(Refusal.NOT_YOURS, member(UUID.randomUUID()).actOnBooking(WAITAN, hers));
        refused(Refusal.NOT_YOURS, manager("manager-bilibili").actOnBooking(WAITAN, hers));
        refused(Refusal.OUT_OF_SCOPE, member(UUID.randomUUID()).actOnBooking(WAITAN, new WalkIn()));
    }

    @Test
    void others_see_a_busy_slot_while_the_side_and_the_managers_see_the_booking_in_full() {
        Organization penglai = new Organization(PENGLAI_BRANCH, PENGLAI_PLACE);
        assertTrue(secretaryOf(PENGLAI_PLACE).seesInFull(WAITAN, penglai));
        assertTrue(manager("manager-waitan").seesInFull(WAITAN, penglai));
        assertFalse(member(UUID.randomUUID()).seesInFull(WAITAN, penglai));
        assertFalse(manager("manager-bilibili").seesInFull(WAITAN, new WalkIn()));
        assertTrue(manager("manager-waitan").runs(WAITAN));
        assertFalse(secretaryOf(PENGLAI_PLACE).runs(WAITAN));
    }

    @Test
    void a_mediation_record_is_the_stations_managers_and_the_arranging_organizations_only() {
        Organization penglai = new Organization(PENGLAI_BRANCH, PENGLAI_PLACE);
        assertEquals(Optional.empty(), manager("manager-waitan").mediation(WAITAN, penglai));
        assertEquals(Optional.empty(), secretaryOf(PENGLAI_PLACE).mediation(WAITAN, penglai));
        refused(Refusal.OUT_OF_SCOPE, manager("manager-bilibili").mediation(WAITAN, penglai));
        refused(Refusal.OUT_OF_SCOPE, member(UUID.randomUUID()).mediation(WAITAN, penglai));
    }

    @Test
    void an_organizations_feed_needs_its_members_managed_or_its_subtree_read() {
        assertEquals(Optional.empty(), secretaryOf(PENGLAI_PLACE).organizationBookings(PENGLAI_PLACE));
        assertEquals(Optional.empty(), admin(HUANGPU).organizationBookings(PENGLAI_PLACE));
        refused(Refusal.OUT_OF_SCOPE, secretaryOf(PENGLAI_PLACE).organizationBookings(XIAOXIMEN_PLACE));
        refused(Refusal.OUT_OF_SCOPE, member(UUID.randomUUID()).organizationBookings(PENGLAI_PLACE));
    }

    @Test
    void a_persons_bookings_are_theirs_alone() {
        UUID wang = UUID.randomUUID();
        assertEquals(Optional.empty(), member(wang).personsBookings(wang));
        refused(Refusal.NOT_YOURS, manager("manager-waitan").personsBookings(wang));
        refused(Refusal.NOT_YOURS, admin(HUANGPU).personsBookings(wang));
    }

    @Test
    void another_districts_system_reaches_nothing_here() {
        refused(Refusal.SERVICE_IDENTITY_NOT_ALLOWED, service().look());
        refused(Refusal.SERVICE_IDENTITY_NOT_ALLOWED, service().manage(BILIBILI));
        refused(Refusal.SERVICE_IDENTITY_NOT_ALLOWED, service().createStation(YANGPU));
        refused(Refusal.SERVICE_IDENTITY_NOT_ALLOWED, service().book(BILIBILI, new WalkIn()));
        refused(Refusal.SERVICE_IDENTITY_NOT_ALLOWED, service().personsBookings(UUID.randomUUID()));
        refused(Refusal.SERVICE_IDENTITY_NOT_ALLOWED, service().actOnBooking(BILIBILI,
                new Organization(PENGLAI_BRANCH, PENGLAI_PLACE)));
    }

    @Test
    void anyone_signed_in_looks_at_stations_and_free_slots() {
        assertEquals(Optional.empty(), member(UUID.randomUUID()).look());
    }
}
