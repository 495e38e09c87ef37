package sh.grassroots.training.orgprojection.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.events.Topics;
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
import static sh.grassroots.training.testing.TrainingFixtures.SESSIONS;

/** Moves and dissolutions in org-service reach training through Kafka and change eligibility and enrolments. */
@QuarkusTest
class OrganizationChangesTest {
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

    void send(UUID org, String type, String payload) {
        Envelopes.publish(kafka, Topics.ORG_ORGANIZATION, org, Envelopes.envelope(type, org, "310101", payload));
    }

    @Test
    void members_of_a_dissolved_temporary_branch_lose_their_future_seats_to_the_waitlist() {
        UUID general = fixtures.organization("小西门居民区党总支", null);
        UUID temporary = fixtures.organization("蓬莱路地块第一临时党支部", general);
        UUID staying = fixtures.organization("小西门居民区第一党支部", general);
        String session = fixtures.sessionOpenNow(fixtures.lecture("旧改政策宣讲"), 1);
        String seated = fixtures.enrol(session, fixtures.member("临时支部党员", temporary)).extract().path("id");
        String waiting = fixtures.enrol(session, fixtures.member("居民区党员", staying)).extract().path("id");

        send(temporary, "OrganizationDissolved", """
                {"organizationId":"%s","dissolvedOn":"2026-11-30","documentNumber":"黄浦组〔2026〕7号"}"""
                .formatted(temporary));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> fixtures.organizerOfEnrolment(seated).get(ENROLMENTS + "/" + seated).then()
                .body("status", equalTo("CANCELLED"))
                .body("closeReason", containsString("dissolved")));
        fixtures.organizerOfEnrolment(waiting).get(ENROLMENTS + "/" + waiting).then().body("status", equalTo("OFFERED"));
    }

    @Test
    void a_branch_moved_under_another_committee_makes_its_members_eligible_for_that_committees_lessons() {
        UUID oldCommittee = fixtures.organization("港沿镇党委", null);
        UUID newCommittee = fixtures.organization("园艺村党总支", null);
        UUID grid = fixtures.organization("第三网格党支部", oldCommittee);
        UUID member = fixtures.member("网格员", grid);
        String course = fixtures.course("""
                {"title":"黄杨产业党课","kind":"LECTURE","providerKind":"ORGANIZATION","providerId":"%s",
                 "creditHours":2,"eligibility":{"subtreeRoots":["%s"]}}""".formatted(newCommittee, newCommittee));
        String session = fixtures.sessionOpenNow(course, 5);
        fixtures.enrol(session, member).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:eligibility-outside-subtree"));

        send(grid, "OrganizationMoved", """
                {"organizationId":"%s","oldParentId":"%s","newParentId":"%s"}""".formatted(grid, oldCommittee, newCommittee));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                fixtures.enrol(session, member).statusCode(201).body("status", equalTo("CONFIRMED")));
    }

    @Test
    void a_dissolved_providers_future_sessions_are_cancelled_and_each_person_sees_why_in_their_view() {
        UUID general = fixtures.organization("小西门居民区党总支", null);
        UUID temporary = fixtures.organization("蓬莱路地块第二临时党支部", general);
        UUID lane = fixtures.organization("小西门居民区第二党支部", general);
        String course = fixtures.course("""
                {"title":"居民议事会：旧改签约答疑","kind":"FORUM","providerKind":"ORGANIZATION","providerId":"%s",
                 "creditHours":1}""".formatted(temporary));
        String session = fixtures.sessionOpenNow(course, 1);
        UUID seatedPerson = fixtures.member("居民区党员", lane);
        UUID waitingPerson = fixtures.member("楼组长", lane);
        String seated = fixtures.enrol(session, seatedPerson).extract().path("id");
        String waiting = fixtures.enrol(session, waitingPerson).extract().path("id");
        String otherSession = fixtures.sessionOpenNow(fixtures.lecture("别的党课"), 5);
        String elsewhere = fixtures.enrol(otherSession, seatedPerson).extract().path("id");

        send(temporary, "OrganizationDissolved", """
                {"organizationId":"%s","dissolvedOn":"2026-11-30","documentNumber":"黄浦组〔2026〕8号"}"""
                .formatted(temporary));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> fixtures.organizerOfSession(session)
                .get(SESSIONS + "/" + session).then().body("status", equalTo("CANCELLED")));
        for (String enrolment : new String[]{seated, waiting}) {
            fixtures.organizerOfEnrolment(enrolment).get(ENROLMENTS + "/" + enrolment).then()
                    .body("status", equalTo("CANCELLED"))
                    .body("cancelledBy", equalTo("SYSTEM"))
                    .body("closeReason", containsString("dissolved"));
        }
        assertEquals(0, fixtures.seatsTaken(session));
        fixtures.organizerOfEnrolment(elsewhere).get(ENROLMENTS + "/" + elsewhere).then().body("status", equalTo("CONFIRMED"));
        AsCaller.member(seatedPerson).get("/api/v1/training/people/" + seatedPerson + "/sessions").then().statusCode(200)
                .body("items.find { it.sessionId == '" + session + "' }.status", equalTo("CANCELLED"))
                .body("items.find { it.sessionId == '" + session + "' }.cancelReason", containsString("dissolved"))
                .body("items.find { it.sessionId == '" + otherSession + "' }.status", equalTo("CONFIRMED"));
    }
}
