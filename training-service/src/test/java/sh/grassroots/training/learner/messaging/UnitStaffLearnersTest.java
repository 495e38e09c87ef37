package sh.grassroots.training.learner.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.events.ConferenceEvents;
import sh.grassroots.events.MemberEvents;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.Envelopes;
import sh.grassroots.training.testing.TrainingFixtures;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.training.testing.TrainingFixtures.ENROLMENTS;

/**
 * The 金融研修院 story end to end: member units of 滨江党建·金融外滩 register their finance staff,
 * party members or not (UnitStaffRegistered on org.conference.v1, through the real broker), and
 * those people enrol in the academy within their unit's seats.
 */
@QuarkusTest
class UnitStaffLearnersTest {
    static final String HUANGPU = "310101";

    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;
    TrainingFixtures fixtures;
    UUID conference;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrap);
        fixtures = new TrainingFixtures(db, clock);
        conference = fixtures.conference("滨江党建·金融外滩", HUANGPU);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    static String envelope(String type, UUID aggregate, String payload) {
        return Envelopes.envelope(type, aggregate, "310101", payload);
    }

    void sendConference(String json) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(ConferenceEvents.TOPIC, conference.toString(), json))
                .awaitCompletion();
    }

    /** The unit registers a person; returns their person id. */
    UUID registerStaff(UUID unit, String name, UUID memberId) {
        UUID person = memberId == null ? UUID.randomUUID() : memberId;
        sendConference(envelope(ConferenceEvents.STAFF_REGISTERED, conference, """
                {"conferenceId":"%s","unitId":"%s","personId":"%s","displayName":"%s","partyMember":%s,
                 "memberId":%s,"registeredOn":"2026-11-01"}""".formatted(conference, unit, person, name,
                memberId != null, memberId == null ? "null" : "\"" + memberId + "\"")));
        return person;
    }

    void awaitLearner(UUID person, UUID unit) {
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.count(
                "select count(*) from learner where person_id = ? and member_unit_id is not distinct from ?",
                person, unit) == 1);
    }

    String academySession(UUID... units) {
        StringBuilder list = new StringBuilder();
        for (UUID unit : units) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(unit).append('"');
        }
        return fixtures.sessionOpenNow(fixtures.course("""
                {"title":"金融研修院：跨境支付清算实务","kind":"ACADEMY","providerKind":"JOINT_CONFERENCE",
                 "providerId":"%s","creditHours":4,"eligibility":{"memberUnits":[%s]}}""".formatted(conference, list)),
                10, ",\"quotaBy\":\"MEMBER_UNIT\",\"seatsPerGroup\":2");
    }

    static io.restassured.response.ValidatableResponse officeEnrols(String session, UUID person) {
        return TrainingFixtures.enrolAs(AsCaller.districtAdmin(HUANGPU), session, person);
    }

    @Test
    void non_member_staff_of_the_conferences_units_enrol_in_the_academy_within_their_units_quota_and_the_next_waits() {
        UUID cpic = fixtures.memberUnit("太平洋保险", conference, HUANGPU);
        UUID goldExchange = fixtures.memberUnit("上海黄金交易所", conference, HUANGPU);
        UUID fosun = fixtures.memberUnit("复星集团", conference, HUANGPU);
        UUID analyst = registerStaff(cpic, "太保分析师", null);
        UUID researcher = registerStaff(cpic, "太保研究员", null);
        UUID actuary = registerStaff(cpic, "太保精算师", null);
        UUID trader = registerStaff(goldExchange, "金交所交易员", null);
        UUID outsider = registerStaff(fosun, "复星分析师", null);
        awaitLearner(outsider, fosun);
        assertEquals(1, fixtures.count("select count(*) from learner where person_id = ? and member_status = 'NOT_A_MEMBER' "
                + "and home_organization_id is null and display_name = '太保分析师'", analyst));
        String session = academySession(cpic, goldExchange);

        officeEnrols(session, analyst).statusCode(201).body("status", equalTo("CONFIRMED"));
        officeEnrols(session, researcher).statusCode(201).body("status", equalTo("CONFIRMED"));
        officeEnrols(session, actuary).statusCode(201).body("status", equalTo("WAITLISTED"));
        officeEnrols(session, trader).statusCode(201).body("status", equalTo("CONFIRMED"));
        officeEnrols(session, outsider).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:eligibility-not-staff-of-member-unit"));
        assertEquals(3, fixtures.seatsTaken(session));
    }

    @Test
    void a_party_member_registered_by_their_unit_keeps_one_learner_record_which_gains_the_unit() {
        UUID branch = fixtures.organization("太平洋保险党委", null);
        UUID cpic = fixtures.memberUnit("太平洋保险", conference, HUANGPU);
        UUID member = UUID.randomUUID();
        kafka.produceStrings().fromRecords(new ProducerRecord<>(MemberEvents.TOPIC, member.toString(),
                envelope(MemberEvents.REGISTERED, member, """
                        {"memberId":"%s","homeOrganizationId":"%s","name":"太保党员","status":"FULL","admittedOn":"2015-07-01"}"""
                        .formatted(member, branch)))).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                fixtures.count("select count(*) from learner where person_id = ?", member) == 1);

        registerStaff(cpic, "太保党员", member);

        awaitLearner(member, cpic);
        assertEquals(1, fixtures.count("select count(*) from learner where person_id = ? and member_status = 'FULL' "
                + "and home_organization_id = ?", member, branch));
        fixtures.enrol(academySession(cpic), member).statusCode(201).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void staff_who_leave_their_unit_lose_their_academy_seat_to_the_next_in_line() {
        UUID cpic = fixtures.memberUnit("太平洋保险", conference, HUANGPU);
        UUID leaving = registerStaff(cpic, "离职分析师", null);
        UUID second = registerStaff(cpic, "太保研究员", null);
        UUID waiting = registerStaff(cpic, "太保精算师", null);
        awaitLearner(waiting, cpic);
        String session = academySession(cpic);
        String seat = officeEnrols(session, leaving).statusCode(201).extract().path("id");
        officeEnrols(session, second).statusCode(201).body("status", equalTo("CONFIRMED"));
        String next = officeEnrols(session, waiting).statusCode(201).body("status", equalTo("WAITLISTED"))
                .extract().path("id");

        sendConference(envelope(ConferenceEvents.STAFF_LEFT, conference, """
                {"conferenceId":"%s","unitId":"%s","personId":"%s","leftOn":"2026-12-01"}"""
                .formatted(conference, cpic, leaving)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> fixtures.organizerOfEnrolment(seat)
                .get(ENROLMENTS + "/" + seat).then()
                .body("status", equalTo("CANCELLED"))
                .body("cancelledBy", equalTo("SYSTEM"))
                .body("closeReason", containsString("left member unit")));
        fixtures.organizerOfEnrolment(next).get(ENROLMENTS + "/" + next).then().body("status", equalTo("OFFERED"));
    }
}
