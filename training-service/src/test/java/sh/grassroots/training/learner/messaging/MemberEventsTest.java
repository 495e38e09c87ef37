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
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.Envelopes;
import sh.grassroots.training.testing.TrainingFixtures;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static sh.grassroots.training.testing.TrainingFixtures.ENROLMENTS;

/** org-service's member events reach training's projection and change enrolments, through real Kafka. */
@QuarkusTest
class MemberEventsTest {
    static final String TOPIC = "org.member.v1";

    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;
    TrainingFixtures fixtures;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrap);
        fixtures = new TrainingFixtures(db, clock);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    static String envelope(String type, UUID member, String payload) {
        return Envelopes.envelope(type, member, "310110", payload);
    }

    void send(UUID member, String json) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(TOPIC, member.toString(), json)).awaitCompletion();
    }

    void registered(UUID member, UUID home, String name) {
        send(member, envelope("MemberRegistered", member, """
                {"memberId":"%s","homeOrganizationId":"%s","name":"%s","status":"FULL","admittedOn":"2020-07-01"}"""
                .formatted(member, home, name)));
    }

    @Test
    void a_registered_member_can_enrol_and_leaving_cancels_the_enrolment_and_passes_the_seat_on() {
        UUID branch = fixtures.organization("第一网格党支部", null);
        String session = fixtures.sessionOpenNow(fixtures.lecture("主题党日现场教学"), 1);
        UUID leaving = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        registered(leaving, branch, "将离开的党员");
        registered(waiting, branch, "候补党员");

        String first = await().atMost(Duration.ofSeconds(30)).until(
                () -> fixtures.enrol(session, leaving).extract().path("id"), id -> id != null);
        String second = await().atMost(Duration.ofSeconds(30)).until(
                () -> fixtures.enrol(session, waiting).extract().path("id"), id -> id != null);
        fixtures.organizerOfEnrolment(second).get(ENROLMENTS + "/" + second).then().body("status", equalTo("WAITLISTED"));

        send(leaving, envelope("MemberLeft", leaving, """
                {"memberId":"%s","homeOrganizationId":"%s","leftOn":"2026-11-30","reason":"WITHDREW"}"""
                .formatted(leaving, branch)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> fixtures.organizerOfEnrolment(first).get(ENROLMENTS + "/" + first).then()
                .body("status", equalTo("CANCELLED"))
                .body("closeReason", containsString("WITHDREW")));
        fixtures.organizerOfEnrolment(second).get(ENROLMENTS + "/" + second).then().body("status", equalTo("OFFERED"));
        fixtures.enrol(session, leaving).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:learner-unknown"));
    }

    void transferred(UUID member, UUID from, UUID to) {
        send(member, envelope("MemberTransferCompleted", member, """
                {"transferId":"%s","memberId":"%s","fromOrganizationId":"%s","toOrganizationId":"%s",
                 "fromDistrict":"310110","toDistrict":"310101"}""".formatted(UUID.randomUUID(), member, from, to)));
    }

    @Test
    void a_transferred_member_keeps_enrolments_still_eligible_and_loses_the_others_to_the_waitlist() {
        UUID bilibili = fixtures.organization("哔哩哔哩党委", null);
        UUID upBranch = fixtures.organization("UP主党支部", bilibili);
        UUID beijing = fixtures.organization("北京直管党支部", bilibili);
        UUID elsewhere = fixtures.organization("小西门居民区党支部", fixtures.organization("老西门街道党工委", null));
        String course = fixtures.course("""
                {"title":"哔哩哔哩沉浸式党课","kind":"IMMERSIVE","providerKind":"ORGANIZATION","providerId":"%s",
                 "creditHours":2,"eligibility":{"subtreeRoots":["%s"]}}""".formatted(bilibili, bilibili));
        String session = fixtures.sessionOpenNow(course, 2);
        UUID staying = fixtures.member("留在党委内", upBranch);
        UUID moving = fixtures.member("转出党委", upBranch);
        UUID waiting = fixtures.member("候补", upBranch);
        String kept = fixtures.enrol(session, staying).statusCode(201).extract().path("id");
        String lost = fixtures.enrol(session, moving).statusCode(201).extract().path("id");
        String next = fixtures.enrol(session, waiting).statusCode(201).extract().path("id");
        fixtures.organizerOfEnrolment(next).get(ENROLMENTS + "/" + next).then().body("status", equalTo("WAITLISTED"));

        transferred(staying, upBranch, beijing);
        transferred(moving, upBranch, elsewhere);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> fixtures.organizerOfEnrolment(lost).get(ENROLMENTS + "/" + lost).then()
                .body("status", equalTo("CANCELLED"))
                .body("cancelledBy", equalTo("SYSTEM"))
                .body("closeReason", containsString("eligibility-outside-subtree")));
        fixtures.organizerOfEnrolment(next).get(ENROLMENTS + "/" + next).then().body("status", equalTo("OFFERED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.count(
                "select count(*) from learner where person_id = ? and home_organization_id = ?", staying, beijing) == 1);
        fixtures.organizerOfEnrolment(kept).get(ENROLMENTS + "/" + kept).then().body("status", equalTo("CONFIRMED"));
        org.junit.jupiter.api.Assertions.assertEquals(1, fixtures.count(
                "select count(*) from outbox_event where event_type = 'EnrolmentCancelled' "
                        + "and envelope::jsonb -> 'payload' ->> 'enrolmentId' = ? "
                        + "and envelope::jsonb -> 'payload' ->> 'cancelledBy' = 'SYSTEM'", lost));
    }
}
