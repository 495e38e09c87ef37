package sh.grassroots.training.access.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Place;
import sh.grassroots.platform.access.Refusal;
import sh.grassroots.platform.access.Scope;
import sh.grassroots.training.access.model.TrainingAccessPolicy.CancelAs;
import sh.grassroots.training.access.model.TrainingAccessPolicy.CancelRefused;
import sh.grassroots.training.access.model.TrainingAccessPolicy.ConferenceProvider;
import sh.grassroots.training.access.model.TrainingAccessPolicy.OrganizationProvider;
import sh.grassroots.training.access.model.TrainingAccessPolicy.Person;
import sh.grassroots.training.access.model.TrainingAccessPolicy.Provider;
import sh.grassroots.training.access.model.TrainingAccessPolicy.UnknownProvider;
import sh.grassroots.training.enrolment.model.Cancellation;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tree of these tests, in Yangpu (310110): 哔哩哔哩党委 with its UP主党支部 and 第二党支部; 东方证券党委
 * elsewhere in the district. The joint conference 滨江党建·金融外滩 is hosted by Huangpu (310101).
 */
class TrainingAccessPolicyTest {
    static final String YANGPU = "310110";
    static final String HUANGPU = "310101";
    static final UUID BILIBILI = UUID.randomUUID();
    static final UUID UP_BRANCH = UUID.randomUUID();
    static final UUID SECOND_BRANCH = UUID.randomUUID();
    static final UUID SECURITIES = UUID.randomUUID();
    static final Place BILIBILI_PLACE = Place.root(YANGPU, BILIBILI);
    static final Place UP_PLACE = BILIBILI_PLACE.child(UP_BRANCH);
    static final Place SECOND_PLACE = BILIBILI_PLACE.child(SECOND_BRANCH);
    static final Place SECURITIES_PLACE = Place.root(YANGPU, SECURITIES);

    static final Provider BILIBILI_PROVIDES = new OrganizationProvider(BILIBILI_PLACE);
    static final Provider BUND_CONFERENCE_PROVIDES = new ConferenceProvider(HUANGPU);

    static final UUID MEMBER = UUID.randomUUID();
    static final Person UP_MEMBER = new Person(MEMBER, UP_PLACE, null);

    static Scope scope(String subject, String roles, UUID orgScope, Place orgScopePlace, String district) {
        Caller caller = Caller.person(subject, Set.of(roles.split(",")), orgScope == null ? null : orgScope.toString(),
                district);
        return Scope.of(caller, orgScopePlace);
    }

    static Scope member(UUID id) {
        return scope(id.toString(), "member", null, null, null);
    }

    static Scope organizerOf(UUID org, Place place) {
        return scope("organizer-" + org, "organizer", org, place, YANGPU);
    }

    static Scope trainingAdminOf(UUID org, Place place) {
        return scope("training-admin-" + org, "training_admin", org, place, null);
    }

    static Scope secretaryOf(UUID branch, Place place) {
        return scope("secretary-" + branch, "branch_secretary", branch, place, null);
    }

    static Scope districtAdmin(String district) {
        return scope("admin-" + district, "district_admin", null, null, district);
    }

    static Scope service() {
        return Scope.of(new Caller("district-310101", Caller.Kind.SERVICE, Set.of("service"), null, HUANGPU), null);
    }

    static String slug(Optional<Refusal> refusal) {
        return refusal.map(Refusal::slug).orElse(null);
    }

    @Test
    void a_providers_organizers_run_its_courses_and_nobody_outside_its_subtree_does() {
        assertNull(slug(TrainingAccessPolicy.organizers(organizerOf(BILIBILI, BILIBILI_PLACE), BILIBILI_PROVIDES)));
        assertNull(slug(TrainingAccessPolicy.organizers(trainingAdminOf(BILIBILI, BILIBILI_PLACE), BILIBILI_PROVIDES)));
        assertNull(slug(TrainingAccessPolicy.organizers(districtAdmin(YANGPU), BILIBILI_PROVIDES)));

        assertEquals("out-of-scope", slug(TrainingAccessPolicy.organizers(organizerOf(UP_BRANCH, UP_PLACE), BILIBILI_PROVIDES)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.organizers(trainingAdminOf(SECURITIES, SECURITIES_PLACE),
                BILIBILI_PROVIDES)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.organizers(secretaryOf(BILIBILI, BILIBILI_PLACE),
                BILIBILI_PROVIDES)), "a branch secretary enrols members but does not run training");
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.organizers(districtAdmin(HUANGPU), BILIBILI_PROVIDES)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.organizers(member(MEMBER), BILIBILI_PROVIDES)));
        assertEquals("service-identity-not-allowed", slug(TrainingAccessPolicy.organizers(service(), BILIBILI_PROVIDES)));
    }

    @Test
    void a_conference_course_is_run_by_its_host_districts_office() {
        assertNull(slug(TrainingAccessPolicy.organizers(districtAdmin(HUANGPU), BUND_CONFERENCE_PROVIDES)));
        assertNull(slug(TrainingAccessPolicy.organizers(scope("o", "organizer", null, null, HUANGPU),
                BUND_CONFERENCE_PROVIDES)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.organizers(districtAdmin(YANGPU), BUND_CONFERENCE_PROVIDES)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.organizers(scope("t", "training_admin", null, null, HUANGPU),
                BUND_CONFERENCE_PROVIDES)));
    }

    @Test
    void a_course_whose_provider_training_does_not_know_is_run_by_nobody() {
        Provider unknown = new UnknownProvider(UUID.randomUUID());
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.organizers(districtAdmin(YANGPU), unknown)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.organizers(organizerOf(BILIBILI, BILIBILI_PLACE), unknown)));
    }

    @Test
    void the_catalogue_is_open_to_every_person_but_not_to_another_districts_system() {
        assertNull(slug(TrainingAccessPolicy.readOpenCatalogue(member(UUID.randomUUID()))));
        assertEquals("service-identity-not-allowed", slug(TrainingAccessPolicy.readOpenCatalogue(service())));
    }

    @Test
    void a_member_enrols_themselves_and_whoever_manages_their_home_enrols_them() {
        assertNull(slug(TrainingAccessPolicy.enrol(member(MEMBER), UP_MEMBER)));
        assertNull(slug(TrainingAccessPolicy.enrol(secretaryOf(UP_BRANCH, UP_PLACE), UP_MEMBER)));
        assertNull(slug(TrainingAccessPolicy.enrol(organizerOf(BILIBILI, BILIBILI_PLACE), UP_MEMBER)));
        assertNull(slug(TrainingAccessPolicy.enrol(districtAdmin(YANGPU), UP_MEMBER)));

        assertEquals("not-own-record", slug(TrainingAccessPolicy.enrol(member(UUID.randomUUID()), UP_MEMBER)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.enrol(secretaryOf(SECOND_BRANCH, SECOND_PLACE), UP_MEMBER)));
        assertEquals("not-own-record", slug(TrainingAccessPolicy.enrol(trainingAdminOf(BILIBILI, BILIBILI_PLACE), UP_MEMBER)),
                "a training admin runs courses; enrolling people is their branch's business");
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.enrol(districtAdmin(HUANGPU), UP_MEMBER)));
        assertEquals("service-identity-not-allowed", slug(TrainingAccessPolicy.enrol(service(), UP_MEMBER)));
    }

    @Test
    void staff_of_a_member_unit_who_are_not_party_members_are_enrolled_by_the_conference_office() {
        Person analyst = new Person(UUID.randomUUID(), null, HUANGPU);
        assertNull(slug(TrainingAccessPolicy.enrol(districtAdmin(HUANGPU), analyst)));
        assertNull(slug(TrainingAccessPolicy.enrol(member(analyst.id()), analyst)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.enrol(districtAdmin(YANGPU), analyst)));

        Person unitLeft = new Person(UUID.randomUUID(), null, null);
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.enrol(districtAdmin(HUANGPU), unitLeft)));
        assertNull(slug(TrainingAccessPolicy.enrol(member(unitLeft.id()), unitLeft)));
    }

    @Test
    void a_whole_organization_is_enrolled_only_by_whoever_manages_its_members() {
        assertNull(slug(TrainingAccessPolicy.bulkEnrol(secretaryOf(UP_BRANCH, UP_PLACE), UP_PLACE)));
        assertNull(slug(TrainingAccessPolicy.bulkEnrol(organizerOf(BILIBILI, BILIBILI_PLACE), UP_PLACE)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.bulkEnrol(secretaryOf(UP_BRANCH, UP_PLACE), BILIBILI_PLACE)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.bulkEnrol(secretaryOf(SECOND_BRANCH, SECOND_PLACE), UP_PLACE)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.bulkEnrol(member(MEMBER), UP_PLACE)));
    }

    @Test
    void a_held_seat_is_taken_and_a_code_is_scanned_by_the_person_only() {
        assertNull(slug(TrainingAccessPolicy.acceptHeldSeat(member(MEMBER), MEMBER)));
        assertEquals("not-own-record", slug(TrainingAccessPolicy.acceptHeldSeat(secretaryOf(UP_BRANCH, UP_PLACE), MEMBER)));
        assertEquals("not-own-record", slug(TrainingAccessPolicy.acceptHeldSeat(districtAdmin(YANGPU), MEMBER)));
        assertNull(slug(TrainingAccessPolicy.checkInWithCode(member(MEMBER), MEMBER)));
        assertEquals("not-own-record", slug(TrainingAccessPolicy.checkInWithCode(member(UUID.randomUUID()), MEMBER)));
        assertEquals("not-own-record", slug(TrainingAccessPolicy.checkInWithCode(organizerOf(BILIBILI, BILIBILI_PLACE), MEMBER)));
        assertEquals("service-identity-not-allowed", slug(TrainingAccessPolicy.checkInWithCode(service(), MEMBER)));
    }

    @Test
    void a_member_cancels_their_own_as_learner_and_a_manager_in_scope_anybodys_as_organizer() {
        Provider provider = new OrganizationProvider(SECURITIES_PLACE);
        assertEquals(Cancellation.By.LEARNER, cancelAs(member(MEMBER), UP_MEMBER, provider));
        assertEquals(Cancellation.By.ORGANIZER, cancelAs(secretaryOf(UP_BRANCH, UP_PLACE), UP_MEMBER, provider));
        assertEquals(Cancellation.By.ORGANIZER, cancelAs(trainingAdminOf(SECURITIES, SECURITIES_PLACE), UP_MEMBER, provider),
                "the session's organizers manage its enrolments");
        assertEquals(Cancellation.By.ORGANIZER, cancelAs(
                scope(MEMBER.toString(), "member,branch_secretary", UP_BRANCH, UP_PLACE, null), UP_MEMBER, provider),
                "a secretary cancelling their own enrolment could cancel anyone's there");

        assertEquals("not-own-record", cancelRefused(member(UUID.randomUUID()), UP_MEMBER, provider));
        assertEquals("out-of-scope", cancelRefused(trainingAdminOf(BILIBILI, BILIBILI_PLACE), UP_MEMBER, provider));
        assertEquals("out-of-scope", cancelRefused(secretaryOf(SECOND_BRANCH, SECOND_PLACE), UP_MEMBER, provider));
        assertEquals("service-identity-not-allowed", cancelRefused(service(), UP_MEMBER, provider));
    }

    @Test
    void an_enrolment_is_read_by_the_person_their_homes_readers_and_the_sessions_organizers() {
        Provider provider = new OrganizationProvider(SECURITIES_PLACE);
        assertNull(slug(TrainingAccessPolicy.readEnrolment(member(MEMBER), UP_MEMBER, provider)));
        assertNull(slug(TrainingAccessPolicy.readEnrolment(trainingAdminOf(BILIBILI, BILIBILI_PLACE), UP_MEMBER, provider)));
        assertNull(slug(TrainingAccessPolicy.readEnrolment(secretaryOf(UP_BRANCH, UP_PLACE), UP_MEMBER, provider)));
        assertNull(slug(TrainingAccessPolicy.readEnrolment(organizerOf(SECURITIES, SECURITIES_PLACE), UP_MEMBER, provider)));
        assertEquals("not-own-record", slug(TrainingAccessPolicy.readEnrolment(member(UUID.randomUUID()), UP_MEMBER, provider)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.readEnrolment(secretaryOf(SECOND_BRANCH, SECOND_PLACE),
                UP_MEMBER, provider)));
    }

    @Test
    void a_persons_records_are_theirs_and_their_homes_training_readers() {
        assertNull(slug(TrainingAccessPolicy.readPersonRecords(member(MEMBER), UP_MEMBER)));
        assertNull(slug(TrainingAccessPolicy.readPersonRecords(trainingAdminOf(BILIBILI, BILIBILI_PLACE), UP_MEMBER)));
        assertNull(slug(TrainingAccessPolicy.readPersonRecords(secretaryOf(UP_BRANCH, UP_PLACE), UP_MEMBER)));
        assertEquals("not-own-record", slug(TrainingAccessPolicy.readPersonRecords(member(UUID.randomUUID()), UP_MEMBER)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.readPersonRecords(
                trainingAdminOf(SECURITIES, SECURITIES_PLACE), UP_MEMBER)));
        assertEquals("service-identity-not-allowed", slug(TrainingAccessPolicy.readPersonRecords(service(), UP_MEMBER)));
    }

    @Test
    void credit_is_reversed_by_whoever_runs_training_at_the_persons_home() {
        Optional<Provider> creditedBy = Optional.of(new OrganizationProvider(SECURITIES_PLACE));
        assertNull(slug(TrainingAccessPolicy.reverseCredit(trainingAdminOf(BILIBILI, BILIBILI_PLACE), UP_MEMBER, creditedBy)));
        assertNull(slug(TrainingAccessPolicy.reverseCredit(districtAdmin(YANGPU), UP_MEMBER, creditedBy)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.reverseCredit(trainingAdminOf(SECURITIES, SECURITIES_PLACE),
                UP_MEMBER, creditedBy)), "the session's organizers do not reverse a member's credit: their home does");
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.reverseCredit(secretaryOf(UP_BRANCH, UP_PLACE), UP_MEMBER,
                creditedBy)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.reverseCredit(member(MEMBER), UP_MEMBER, creditedBy)));
    }

    @Test
    void an_academy_guests_credit_is_reversed_by_the_organizers_of_the_session_that_awarded_it() {
        Person guest = new Person(UUID.randomUUID(), null, HUANGPU);
        Optional<Provider> academy = Optional.of(BUND_CONFERENCE_PROVIDES);
        assertNull(slug(TrainingAccessPolicy.reverseCredit(districtAdmin(HUANGPU), guest, academy)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.reverseCredit(districtAdmin(YANGPU), guest, academy)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.reverseCredit(districtAdmin(HUANGPU), guest, Optional.empty())));
    }

    @Test
    void training_records_of_an_organization_are_read_within_read_training_scope() {
        assertNull(slug(TrainingAccessPolicy.readTrainingRecords(secretaryOf(UP_BRANCH, UP_PLACE), UP_PLACE)));
        assertNull(slug(TrainingAccessPolicy.readTrainingRecords(trainingAdminOf(BILIBILI, BILIBILI_PLACE), UP_PLACE)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.readTrainingRecords(secretaryOf(UP_BRANCH, UP_PLACE),
                BILIBILI_PLACE)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.readTrainingRecords(member(MEMBER), UP_PLACE)));
    }

    @Test
    void the_organization_list_reaches_the_admins_district_and_the_subtree_of_the_other_roles() {
        var admin = TrainingAccessPolicy.organizationsInReach(districtAdmin(YANGPU).caller());
        assertEquals(YANGPU, admin.district());
        assertNull(admin.subtreeRoot());
        var secretary = TrainingAccessPolicy.organizationsInReach(secretaryOf(UP_BRANCH, UP_PLACE).caller());
        assertNull(secretary.district());
        assertEquals(UP_BRANCH, secretary.subtreeRoot());
        assertTrue(TrainingAccessPolicy.organizationsInReach(member(MEMBER).caller()).none());
        assertTrue(TrainingAccessPolicy.organizationsInReach(
                scope("s", "station_manager", BILIBILI, BILIBILI_PLACE, YANGPU).caller()).none());
        assertTrue(TrainingAccessPolicy.organizationsInReach(service().caller()).none());
        assertEquals("service-identity-not-allowed", slug(TrainingAccessPolicy.listOrganizations(service())));
    }

    @Test
    void a_person_makes_a_feed_of_their_own_calendar_and_an_organizations_feed_is_for_whoever_reads_its_training() {
        assertNull(slug(TrainingAccessPolicy.subscribeToOwnCalendar(member(MEMBER))));
        assertEquals("service-identity-not-allowed", slug(TrainingAccessPolicy.subscribeToOwnCalendar(service())));

        assertNull(slug(TrainingAccessPolicy.subscribeToOrganizationCalendar(secretaryOf(UP_BRANCH, UP_PLACE), UP_PLACE)));
        assertNull(slug(TrainingAccessPolicy.subscribeToOrganizationCalendar(trainingAdminOf(BILIBILI, BILIBILI_PLACE), UP_PLACE)));
        assertNull(slug(TrainingAccessPolicy.subscribeToOrganizationCalendar(districtAdmin(YANGPU), UP_PLACE)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.subscribeToOrganizationCalendar(
                secretaryOf(SECOND_BRANCH, SECOND_PLACE), UP_PLACE)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.subscribeToOrganizationCalendar(member(MEMBER), UP_PLACE)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.subscribeToOrganizationCalendar(districtAdmin(HUANGPU), UP_PLACE)));
        assertEquals("service-identity-not-allowed", slug(TrainingAccessPolicy.subscribeToOrganizationCalendar(service(), UP_PLACE)));
    }

    @Test
    void a_feed_is_revoked_by_whoever_made_it_and_an_organizations_also_by_whoever_reads_its_training_now() {
        String maker = "secretary-" + UP_BRANCH;
        assertNull(slug(TrainingAccessPolicy.revokeCalendarSubscription(member(MEMBER), MEMBER.toString(), null)));
        assertEquals("not-own-record", slug(TrainingAccessPolicy.revokeCalendarSubscription(
                member(UUID.randomUUID()), MEMBER.toString(), null)));
        assertEquals("not-own-record", slug(TrainingAccessPolicy.revokeCalendarSubscription(
                districtAdmin(YANGPU), MEMBER.toString(), null)), "a person's own feed is theirs alone");

        assertNull(slug(TrainingAccessPolicy.revokeCalendarSubscription(secretaryOf(UP_BRANCH, UP_PLACE), maker, UP_PLACE)));
        assertNull(slug(TrainingAccessPolicy.revokeCalendarSubscription(trainingAdminOf(BILIBILI, BILIBILI_PLACE), maker, UP_PLACE)));
        assertEquals("out-of-scope", slug(TrainingAccessPolicy.revokeCalendarSubscription(
                secretaryOf(SECOND_BRANCH, SECOND_PLACE), maker, UP_PLACE)));
        assertEquals("not-own-record", slug(TrainingAccessPolicy.revokeCalendarSubscription(member(MEMBER), maker, UP_PLACE)));
        assertEquals("service-identity-not-allowed", slug(TrainingAccessPolicy.revokeCalendarSubscription(service(), maker, UP_PLACE)));
    }

    private static Cancellation.By cancelAs(Scope scope, Person person, Provider provider) {
        return assertInstanceOf(CancelAs.class, TrainingAccessPolicy.cancelEnrolment(scope, person, provider)).by();
    }

    private static String cancelRefused(Scope scope, Person person, Provider provider) {
        return assertInstanceOf(CancelRefused.class, TrainingAccessPolicy.cancelEnrolment(scope, person, provider))
                .refusal().slug();
    }
}
