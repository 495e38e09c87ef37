package sh.grassroots.training.learner.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import static org.hamcrest.Matchers.hasSize;
import static sh.grassroots.training.testing.TrainingFixtures.ENROLMENTS;
import static sh.grassroots.training.testing.TrainingFixtures.SESSIONS;

/**
 * Functional and temporary branches in training: org-service's AffiliationAdded and
 * AffiliationEnded (org.member.v1, through the real broker) decide who "the members of this branch"
 * are for lessons and bulk enrolment, on top of the members at home there.
 */
@QuarkusTest
class AffiliationsTest {
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

    void send(UUID member, String type, String payload) {
        Envelopes.publish(kafka, MemberEvents.TOPIC, member, Envelopes.envelope(type, member, "310110", payload));
    }

    void affiliate(UUID member, UUID branch, String kind) {
        send(member, MemberEvents.AFFILIATION_ADDED, """
                {"memberId":"%s","organizationId":"%s","kind":"%s","since":"2026-03-01"}""".formatted(member, branch, kind));
    }

    void awaitAffiliates(UUID branch, int n) {
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.count(
                "select count(*) from learner_affiliation where organization_id = ? and ended_on is null", branch) == n);
    }

    @Test
    void a_lesson_for_the_up_zhu_functional_branch_admits_its_affiliates_and_not_their_colleagues() {
        UUID bilibili = fixtures.organization("哔哩哔哩党委", null);
        UUID videoBranch = fixtures.organization("哔哩哔哩视频事业部党支部", bilibili);
        UUID upZhu = fixtures.organization("UP主党支部", bilibili);
        UUID creator = fixtures.member("百万粉丝UP主", videoBranch);
        UUID colleague = fixtures.member("运营同事", videoBranch);
        affiliate(creator, upZhu, "FUNCTIONAL");
        awaitAffiliates(upZhu, 1);
        String course = fixtures.course("""
                {"title":"UP主党支部 沉浸式党课：《领风者》","kind":"IMMERSIVE","providerKind":"ORGANIZATION",
                 "providerId":"%s","creditHours":2,"eligibility":{"subtreeRoots":["%s"]}}""".formatted(bilibili, upZhu));
        String session = fixtures.sessionOpenNow(course, 20);

        String enrolment = fixtures.enrol(session, creator).statusCode(201).body("status", equalTo("CONFIRMED"))
                .extract().path("id");
        fixtures.enrol(session, colleague).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:eligibility-outside-subtree"));
        fixtures.organizerOfSession(session).get(SESSIONS + "/" + session + "/enrolments").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(enrolment))
                .body("items[0].memberOf", equalTo("AFFILIATE"));
    }

    @Test
    void bulk_enrolment_of_a_temporary_branch_enrols_its_affiliates_each_marked_as_such() {
        UUID residents = fixtures.organization("小西门居民区党总支", null);
        UUID lane = fixtures.organization("小西门居民区第一党支部", residents);
        UUID penglai = fixtures.organization("蓬莱路地块第一临时党支部", residents);
        UUID volunteer = fixtures.member("党员志愿者", lane);
        UUID blockLeader = fixtures.member("楼组长", lane);
        UUID atHome = fixtures.member("临时支部书记", penglai);
        UUID neighbour = fixtures.member("未加入临时支部的党员", lane);
        affiliate(volunteer, penglai, "TEMPORARY");
        affiliate(blockLeader, penglai, "TEMPORARY");
        awaitAffiliates(penglai, 2);
        String session = fixtures.sessionOpenNow(fixtures.lecture("旧改政策与“宝兴十法”"), 10);

        AsCaller.branchSecretary(penglai).contentType(ContentType.JSON)
                .body("{\"organizationId\":\"" + penglai + "\"}")
                .post(SESSIONS + "/" + session + "/bulk-enrolments").then().statusCode(200)
                .body("confirmed", equalTo(3))
                .body("items", hasSize(3))
                .body("items.find { it.personId == '" + volunteer + "' }.memberOf", equalTo("AFFILIATE"))
                .body("items.find { it.personId == '" + blockLeader + "' }.memberOf", equalTo("AFFILIATE"))
                .body("items.find { it.personId == '" + atHome + "' }.memberOf", equalTo("HOME"));

        fixtures.organizerOfSession(session).queryParam("organizationId", penglai.toString())
                .get(SESSIONS + "/" + session + "/enrolments").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.find { it.personId == '" + volunteer + "' }.memberOf", equalTo("AFFILIATE"))
                .body("items.find { it.personId == '" + atHome + "' }.memberOf", equalTo("HOME"))
                .body("items.find { it.personId == '" + neighbour + "' }", equalTo(null));
    }

    @Test
    void when_an_affiliation_ends_the_enrolments_that_stood_only_through_it_are_cancelled() {
        UUID bilibili = fixtures.organization("哔哩哔哩党委", null);
        UUID videoBranch = fixtures.organization("哔哩哔哩视频事业部党支部", bilibili);
        UUID upZhu = fixtures.organization("UP主党支部", bilibili);
        UUID creator = fixtures.member("粉丝减少的UP主", videoBranch);
        affiliate(creator, upZhu, "FUNCTIONAL");
        awaitAffiliates(upZhu, 1);
        String forUpZhu = fixtures.sessionOpenNow(fixtures.course("""
                {"title":"UP主党支部 组织生活","kind":"LECTURE","providerKind":"ORGANIZATION",
                 "providerId":"%s","creditHours":1,"eligibility":{"subtreeRoots":["%s"]}}""".formatted(bilibili, upZhu)), 5);
        String forEveryone = fixtures.sessionOpenNow(fixtures.course("""
                {"title":"哔哩哔哩党委 党课","kind":"LECTURE","providerKind":"ORGANIZATION",
                 "providerId":"%s","creditHours":1,"eligibility":{"subtreeRoots":["%s"]}}""".formatted(bilibili, bilibili)), 5);
        String lost = fixtures.enrol(forUpZhu, creator).statusCode(201).extract().path("id");
        String kept = fixtures.enrol(forEveryone, creator).statusCode(201).extract().path("id");

        send(creator, MemberEvents.AFFILIATION_ENDED, """
                {"memberId":"%s","organizationId":"%s","endedOn":"2026-12-01","reason":"CRITERIA_NO_LONGER_MET"}"""
                .formatted(creator, upZhu));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> fixtures.organizerOfEnrolment(lost)
                .get(ENROLMENTS + "/" + lost).then()
                .body("status", equalTo("CANCELLED"))
                .body("cancelledBy", equalTo("SYSTEM"))
                .body("closeReason", containsString("UP主党支部")));
        fixtures.organizerOfEnrolment(kept).get(ENROLMENTS + "/" + kept).then().body("status", equalTo("CONFIRMED"));
    }
}
