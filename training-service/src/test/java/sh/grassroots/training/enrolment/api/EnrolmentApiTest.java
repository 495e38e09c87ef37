package sh.grassroots.training.enrolment.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.training.enrolment.application.OfferFreedSeats;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.training.testing.TrainingFixtures.ENROLMENTS;
import static sh.grassroots.training.testing.TrainingFixtures.SESSIONS;
import static sh.grassroots.training.testing.TrainingFixtures.anyone;
import static sh.grassroots.training.testing.TrainingFixtures.cancelAs;
import static sh.grassroots.training.testing.TrainingFixtures.enrolAs;

@QuarkusTest
class EnrolmentApiTest {
    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    @Inject
    OfferFreedSeats enrolments;
    TrainingFixtures fixtures;
    UUID bilibili;
    UUID upBranch;

    @BeforeEach
    void setUp() {
        fixtures = new TrainingFixtures(db, clock);
        bilibili = fixtures.organization("哔哩哔哩党委", null);
        upBranch = fixtures.organization("UP主党支部", bilibili);
    }

    @Test
    void members_are_confirmed_while_seats_last_and_then_waitlisted_in_order() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("沉浸式党课"), 2);
        fixtures.enrol(session, fixtures.member("张三", upBranch)).statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("waitlistPlace", nullValue());
        fixtures.enrol(session, fixtures.member("李四", upBranch)).statusCode(201).body("status", equalTo("CONFIRMED"));
        fixtures.enrol(session, fixtures.member("王五", upBranch)).statusCode(201)
                .body("status", equalTo("WAITLISTED")).body("waitlistPlace", equalTo(1));
        fixtures.enrol(session, fixtures.member("赵六", upBranch)).statusCode(201)
                .body("status", equalTo("WAITLISTED")).body("waitlistPlace", equalTo(2));
        assertEquals(2, fixtures.seatsTaken(session));
    }

    @Test
    void enrolling_twice_is_a_409_naming_the_rule() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 5);
        UUID member = fixtures.member("张三", upBranch);
        fixtures.enrol(session, member).statusCode(201);
        fixtures.enrol(session, member).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:already-enrolled"));
        assertEquals(1, fixtures.seatsTaken(session));
    }

    @Test
    void enrolling_after_the_window_closed_is_refused_naming_the_rule() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 5);
        clock.advance(Duration.ofDays(6).plusMinutes(1)); // the window closes a day before the start, 7 days out
        fixtures.enrol(session, fixtures.member("迟到者", upBranch)).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:enrolment-window-closed"));
    }

    @Test
    void a_member_of_another_tree_is_refused_with_the_eligibility_rule() {
        UUID other = fixtures.organization("东方证券党委", null);
        String course = fixtures.course("""
                {"title":"UP主沉浸式党课","kind":"IMMERSIVE","providerKind":"ORGANIZATION","providerId":"%s",
                 "creditHours":2,"eligibility":{"subtreeRoots":["%s"]}}""".formatted(bilibili, bilibili));
        String session = fixtures.sessionOpenNow(course, 5);
        fixtures.enrol(session, fixtures.member("外单位党员", other)).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:eligibility-outside-subtree"));
        fixtures.enrol(session, fixtures.member("UP主", upBranch)).statusCode(201).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void finance_talent_who_is_not_a_member_joins_the_academy_but_not_a_lecture() {
        UUID cpic = UUID.randomUUID();
        String academy = fixtures.course("""
                {"title":"金融研修院","kind":"ACADEMY","providerKind":"JOINT_CONFERENCE","providerId":"%s",
                 "creditHours":3,"eligibility":{"memberUnits":["%s"]}}""".formatted(
                fixtures.conference("滨江党建·金融外滩", "310101"), cpic));
        UUID analyst = fixtures.learner("太保分析师", null, "NOT_A_MEMBER", cpic);
        fixtures.enrol(fixtures.sessionOpenNow(academy, 5), analyst).statusCode(201).body("status", equalTo("CONFIRMED"));
        fixtures.enrol(fixtures.sessionOpenNow(fixtures.lecture("党课"), 5), analyst).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:eligibility-members-only"));
    }

    @Test
    void an_unknown_person_or_session_is_refused() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 5);
        fixtures.enrol(session, UUID.randomUUID()).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:learner-unknown"));
        fixtures.enrol(UUID.randomUUID().toString(), fixtures.member("张三", upBranch)).statusCode(404)
                .body("type", equalTo("urn:grassroots:problem:not-found"));
        anyone().contentType(ContentType.JSON).body("{}").post(SESSIONS + "/" + session + "/enrolments").then()
                .statusCode(400).body("type", equalTo("urn:grassroots:problem:validation"));
    }

    @Test
    void a_cancelled_seat_is_offered_to_the_first_in_line_who_accepts_it() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 1);
        String first = fixtures.enrol(session, fixtures.member("甲", upBranch)).extract().path("id");
        String second = fixtures.enrol(session, fixtures.member("乙", upBranch)).extract().path("id");
        String third = fixtures.enrol(session, fixtures.member("丙", upBranch)).extract().path("id");

        fixtures.cancel(first, "LEARNER", "出差").statusCode(200).body("status", equalTo("CANCELLED"));

        fixtures.organizerOfEnrolment(second).get(ENROLMENTS + "/" + second).then().body("status", equalTo("OFFERED"));
        fixtures.organizerOfEnrolment(third).get(ENROLMENTS + "/" + third).then().body("status", equalTo("WAITLISTED")).body("waitlistPlace", equalTo(1));
        assertEquals(1, fixtures.seatsTaken(session), "the held seat stays taken");

        fixtures.theEnrolled(second).post(ENROLMENTS + "/" + second + "/acceptance").then().statusCode(200).body("status", equalTo("CONFIRMED"));
        fixtures.theEnrolled(second).post(ENROLMENTS + "/" + second + "/acceptance").then().statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:offer-not-open"));
    }

    @Test
    void an_unanswered_hold_expires_and_the_seat_passes_to_the_next_in_line() throws Throwable {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 1, ",\"holdMinutes\":60");
        String first = fixtures.enrol(session, fixtures.member("甲", upBranch)).extract().path("id");
        String second = fixtures.enrol(session, fixtures.member("乙", upBranch)).extract().path("id");
        String third = fixtures.enrol(session, fixtures.member("丙", upBranch)).extract().path("id");
        fixtures.cancel(first, "ORGANIZER", "调岗").statusCode(200);
        fixtures.organizerOfEnrolment(second).get(ENROLMENTS + "/" + second).then().body("status", equalTo("OFFERED"));

        clock.advance(Duration.ofMinutes(60));
        fixtures.theEnrolled(second).post(ENROLMENTS + "/" + second + "/acceptance").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:hold-expired"));

        VertxContextSupport.subscribeAndAwait(() -> enrolments.expireDueHolds());

        fixtures.organizerOfEnrolment(second).get(ENROLMENTS + "/" + second).then().body("status", equalTo("EXPIRED"));
        fixtures.organizerOfEnrolment(third).get(ENROLMENTS + "/" + third).then().body("status", equalTo("OFFERED"));
        assertEquals(1, fixtures.seatsTaken(session));
    }

    @Test
    void a_learner_cannot_cancel_after_the_deadline_but_an_organizer_can() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 3);
        String enrolment = fixtures.enrol(session, fixtures.member("甲", upBranch)).extract().path("id");
        clock.advance(Duration.ofDays(5).plusMinutes(1)); // the deadline is two days before the start, 7 days out
        fixtures.cancel(enrolment, "LEARNER", "有事").statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:cancellation-deadline-passed"));
        fixtures.cancel(enrolment, "ORGANIZER", "组织调整").statusCode(200).body("status", equalTo("CANCELLED"));
        fixtures.cancel(enrolment, "ORGANIZER", "again").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:enrolment-not-cancellable"));
        assertEquals(0, fixtures.seatsTaken(session));
    }

    @Test
    void a_member_may_cancel_only_their_own_enrolment_and_the_record_says_who_cancelled() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 3);
        UUID owner = fixtures.member("甲", upBranch);
        UUID other = fixtures.member("乙", upBranch);
        String mine = fixtures.enrol(session, owner).extract().path("id");
        String theirs = fixtures.enrol(session, other).extract().path("id");

        cancelAs(AsCaller.member(owner), theirs, "不是我的").statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:not-own-record"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"no caller\"}")
                .post(ENROLMENTS + "/" + theirs + "/cancellation").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:unauthenticated"));
        fixtures.organizerOfEnrolment(theirs).get(ENROLMENTS + "/" + theirs).then().body("status", equalTo("CONFIRMED"));

        cancelAs(AsCaller.member(owner), mine, "出差").statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("LEARNER"));
        String organizer = UUID.randomUUID().toString();
        cancelAs(AsCaller.person(organizer, "member,training_admin", fixtures.provider(), null), theirs, "调整")
                .statusCode(200)
                .body("cancelledBy", equalTo("ORGANIZER"));
        assertEquals(1, fixtures.count("select count(*) from enrolment where id = ?::uuid and cancelled_by = 'LEARNER' "
                + "and cancelled_by_subject = ?", mine, owner.toString()));
        assertEquals(1, fixtures.count("select count(*) from enrolment where id = ?::uuid and cancelled_by = 'ORGANIZER' "
                + "and cancelled_by_subject = ?", theirs, organizer));
        assertEquals(1, fixtures.count("select count(*) from outbox_event where event_type = 'EnrolmentCancelled' "
                + "and envelope::jsonb -> 'payload' ->> 'enrolmentId' = ? "
                + "and envelope::jsonb -> 'payload' ->> 'cancelledBy' = 'ORGANIZER' "
                + "and envelope::jsonb -> 'payload' ->> 'cancelledBySubject' = ?", theirs, organizer));
    }

    @Test
    void with_a_quota_per_member_unit_a_unit_that_used_its_seats_waits_while_another_unit_gets_in() {
        UUID cpic = UUID.randomUUID();
        UUID bund = UUID.randomUUID();
        String session = fixtures.sessionOpenNow(fixtures.lecture("金融品巷党课"), 10,
                ",\"quotaBy\":\"MEMBER_UNIT\",\"seatsPerGroup\":2");
        for (int i = 0; i < 2; i++) {
            fixtures.enrol(session, fixtures.learner("太保" + i, upBranch, "FULL", cpic)).statusCode(201)
                    .body("status", equalTo("CONFIRMED"));
        }
        fixtures.enrol(session, fixtures.learner("太保2", upBranch, "FULL", cpic)).statusCode(201)
                .body("status", equalTo("WAITLISTED"));
        fixtures.enrol(session, fixtures.learner("外滩投资", upBranch, "FULL", bund)).statusCode(201)
                .body("status", equalTo("CONFIRMED"));
        assertEquals(3, fixtures.seatsTaken(session));
    }

    @Test
    void the_same_idempotency_key_replays_the_first_answer_and_refuses_another_body() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 1);
        UUID first = fixtures.member("甲", upBranch);
        UUID second = fixtures.member("乙", upBranch);
        String key = "phone-" + UUID.randomUUID();

        String id = AsCaller.branchSecretary(upBranch).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"personId\":\"" + first + "\"}").post(SESSIONS + "/" + session + "/enrolments")
                .then().statusCode(201).body("status", equalTo("CONFIRMED")).extract().path("id");
        AsCaller.branchSecretary(upBranch).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"personId\":\"" + first + "\"}").post(SESSIONS + "/" + session + "/enrolments")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id))
                .body("status", equalTo("CONFIRMED"));
        assertEquals(1, fixtures.seatsTaken(session));

        AsCaller.branchSecretary(upBranch).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"personId\":\"" + second + "\"}").post(SESSIONS + "/" + session + "/enrolments")
                .then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:idempotency-key-reused"));
        AsCaller.branchSecretary(upBranch).header("Idempotency-Key", "phone-" + UUID.randomUUID()).contentType(ContentType.JSON)
                .body("{\"personId\":\"" + second + "\"}").post(SESSIONS + "/" + session + "/enrolments")
                .then().statusCode(201).body("status", equalTo("WAITLISTED"));
    }

    @Test
    void a_refused_request_leaves_no_key_behind_so_a_retry_is_judged_afresh() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 3);
        UUID person = UUID.randomUUID();
        String key = "retry-" + UUID.randomUUID();
        AsCaller.member(person).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"personId\":\"" + person + "\"}").post(SESSIONS + "/" + session + "/enrolments")
                .then().statusCode(422).body("type", equalTo("urn:grassroots:problem:learner-unknown"));
        fixtures.update("insert into learner (person_id, display_name, home_organization_id, member_status) "
                + "values (?, '新党员', ?, 'FULL')", person, upBranch);
        AsCaller.member(person).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"personId\":\"" + person + "\"}").post(SESSIONS + "/" + session + "/enrolments")
                .then().statusCode(201).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void a_secretary_enrols_a_whole_branch_and_gets_one_outcome_per_member() {
        UUID branch = fixtures.organization("第三网格党支部", bilibili);
        String session = fixtures.sessionOpenNow(fixtures.lecture("主题党日现场教学"), 2);
        UUID already = fixtures.member("已报名", branch);
        fixtures.member("甲", branch);
        fixtures.member("乙", branch);
        fixtures.enrol(session, already).statusCode(201);

        AsCaller.branchSecretary(branch).contentType(ContentType.JSON).body("{\"organizationId\":\"" + branch + "\"}")
                .post(SESSIONS + "/" + session + "/bulk-enrolments").then().statusCode(200)
                .body("confirmed", equalTo(1))
                .body("waitlisted", equalTo(1))
                .body("refused", equalTo(1))
                .body("items.size()", equalTo(3))
                .body("items.find { it.outcome == 'REFUSED' }.personId", equalTo(already.toString()))
                .body("items.find { it.outcome == 'REFUSED' }.problemType",
                        equalTo("urn:grassroots:problem:already-enrolled"));
        assertEquals(2, fixtures.seatsTaken(session));
    }

    @Test
    void cancelling_a_session_cancels_everyone_with_the_reason_and_promotes_nobody() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("现场教学"), 1);
        String seated = fixtures.enrol(session, fixtures.member("甲", upBranch)).extract().path("id");
        String waiting = fixtures.enrol(session, fixtures.member("乙", upBranch)).extract().path("id");

        fixtures.organizerOfSession(session).contentType(ContentType.JSON).body("{\"reason\":\"台风停课\"}")
                .post(SESSIONS + "/" + session + "/cancellation").then().statusCode(200)
                .body("enrolments", equalTo(2));

        fixtures.organizerOfEnrolment(seated).get(ENROLMENTS + "/" + seated).then().body("status", equalTo("CANCELLED")).body("closeReason", equalTo("台风停课"));
        fixtures.organizerOfEnrolment(waiting).get(ENROLMENTS + "/" + waiting).then().body("status", equalTo("CANCELLED"));
        anyone().get(SESSIONS + "/" + session).then().body("status", equalTo("CANCELLED")).body("seatsTaken", equalTo(0));
        fixtures.enrol(session, fixtures.member("丙", upBranch)).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:session-not-open"));
        fixtures.organizerOfSession(session).contentType(ContentType.JSON).body("{}")
                .post(SESSIONS + "/" + session + "/cancellation").then()
                .statusCode(409).body("type", equalTo("urn:grassroots:problem:session-already-cancelled"));
    }

    @Test
    void confirmed_people_who_never_checked_in_become_no_shows_once_the_session_ended() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 5);
        java.time.Instant starts = java.time.Instant.parse(anyone().get(SESSIONS + "/" + session).then().extract().path("startsAt"));
        UUID present = fixtures.member("到场", upBranch);
        String absent = fixtures.enrol(session, fixtures.member("缺席", upBranch)).extract().path("id");
        fixtures.enrol(session, present).statusCode(201);
        clock.advance(Duration.between(clock.instant(), starts));
        fixtures.organizerOfSession(session).contentType(ContentType.JSON).body("{\"personId\":\"" + present + "\"}")
                .post(SESSIONS + "/" + session + "/attendance").then().statusCode(201);

        fixtures.organizerOfSession(session).post(SESSIONS + "/" + session + "/no-shows").then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:session-not-ended"));
        clock.advance(Duration.ofHours(2));
        fixtures.organizerOfSession(session).post(SESSIONS + "/" + session + "/no-shows").then().statusCode(200).body("enrolments", equalTo(1));
        fixtures.organizerOfEnrolment(absent).get(ENROLMENTS + "/" + absent).then().body("status", equalTo("NO_SHOW"));
    }

    @Test
    void an_idempotency_key_is_the_callers_own_and_another_callers_same_key_is_another_request() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 5);
        UUID first = fixtures.member("甲", upBranch);
        UUID second = fixtures.member("乙", upBranch);
        String key = "same-phone-app-" + UUID.randomUUID();

        String mine = AsCaller.member(first).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"personId\":\"" + first + "\"}").post(SESSIONS + "/" + session + "/enrolments")
                .then().statusCode(201).extract().path("id");
        String theirs = AsCaller.member(second).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"personId\":\"" + second + "\"}").post(SESSIONS + "/" + session + "/enrolments")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .body("personId", equalTo(second.toString())).extract().path("id");
        AsCaller.member(first).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"personId\":\"" + first + "\"}").post(SESSIONS + "/" + session + "/enrolments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(mine));
        assertEquals(false, mine.equals(theirs));
        assertEquals(2, fixtures.seatsTaken(session));
    }

    @Test
    void a_member_enrols_only_themselves_and_a_secretary_only_the_members_of_their_branch() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 5);
        UUID me = fixtures.member("甲", upBranch);
        UUID colleague = fixtures.member("乙", upBranch);
        UUID otherBranch = fixtures.organization("第二党支部", bilibili);

        enrolAs(AsCaller.member(me), session, colleague).statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:not-own-record"));
        enrolAs(AsCaller.branchSecretary(otherBranch), session, colleague).statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        enrolAs(AsCaller.branchSecretary(upBranch), session, colleague).statusCode(201)
                .body("personId", equalTo(colleague.toString()));
        enrolAs(AsCaller.organizer(bilibili, TrainingFixtures.DISTRICT), session, me).statusCode(201);
        assertEquals(2, fixtures.seatsTaken(session));
    }

    @Test
    void the_conference_office_enrols_a_member_units_staff_who_are_not_party_members() {
        UUID bund = fixtures.conference("滨江党建·金融外滩", "310101");
        UUID cpic = fixtures.memberUnit("太平洋保险", bund, "310101");
        String academy = fixtures.course("""
                {"title":"金融研修院","kind":"ACADEMY","providerKind":"JOINT_CONFERENCE","providerId":"%s",
                 "creditHours":3,"eligibility":{"memberUnits":["%s"]}}""".formatted(bund, cpic));
        String session = fixtures.sessionOpenNow(academy, 5);
        UUID analyst = fixtures.learner("太保分析师", null, "NOT_A_MEMBER", cpic);

        enrolAs(AsCaller.districtAdmin(TrainingFixtures.DISTRICT), session, analyst).statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        enrolAs(AsCaller.organizer(UUID.randomUUID(), "310101"), session, analyst).statusCode(201)
                .body("status", equalTo("CONFIRMED"));
    }

    @Test
    void bulk_enrolment_is_for_whoever_manages_that_organization_and_an_unknown_one_is_named() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("主题党日"), 5);
        fixtures.member("甲", upBranch);
        UUID otherBranch = fixtures.organization("第二党支部", bilibili);

        AsCaller.branchSecretary(otherBranch).contentType(ContentType.JSON)
                .body("{\"organizationId\":\"" + upBranch + "\"}")
                .post(SESSIONS + "/" + session + "/bulk-enrolments").then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        AsCaller.member(UUID.randomUUID()).contentType(ContentType.JSON)
                .body("{\"organizationId\":\"" + upBranch + "\"}")
                .post(SESSIONS + "/" + session + "/bulk-enrolments").then().statusCode(403);
        AsCaller.branchSecretary(upBranch).contentType(ContentType.JSON)
                .body("{\"organizationId\":\"" + UUID.randomUUID() + "\"}")
                .post(SESSIONS + "/" + session + "/bulk-enrolments").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:organization-unknown"))
                .body("errors[0].field", equalTo("organizationId"));
        assertEquals(0, fixtures.seatsTaken(session));
    }

    @Test
    void only_the_person_takes_a_seat_held_for_them() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 1);
        String first = fixtures.enrol(session, fixtures.member("甲", upBranch)).extract().path("id");
        String second = fixtures.enrol(session, fixtures.member("乙", upBranch)).extract().path("id");
        fixtures.cancel(first, "LEARNER", "出差").statusCode(200);

        AsCaller.branchSecretary(upBranch).post(ENROLMENTS + "/" + second + "/acceptance").then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:not-own-record"));
        fixtures.organizerOfEnrolment(second).post(ENROLMENTS + "/" + second + "/acceptance").then().statusCode(403);
        fixtures.organizerOfEnrolment(second).get(ENROLMENTS + "/" + second).then().body("status", equalTo("OFFERED"));
        fixtures.theEnrolled(second).post(ENROLMENTS + "/" + second + "/acceptance").then().statusCode(200);
    }
}
