package sh.grassroots.training.course.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static sh.grassroots.training.testing.TrainingFixtures.COURSES;
import static sh.grassroots.training.testing.TrainingFixtures.SESSIONS;
import static sh.grassroots.training.testing.TrainingFixtures.anyone;
import static sh.grassroots.training.testing.TrainingFixtures.organizerOf;

@QuarkusTest
class CourseApiTest {
    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    TrainingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new TrainingFixtures(db, clock);
    }

    @Test
    void an_academy_course_is_created_by_the_conference_office_with_its_eligibility_and_read_back() {
        UUID bund = fixtures.conference("滨江党建·金融外滩", "310101");
        UUID cpic = UUID.randomUUID();
        String id = AsCaller.districtAdmin("310101").contentType(ContentType.JSON).body("""
                        {"title":"金融研修院·跨境支付专题","kind":"ACADEMY","providerKind":"JOINT_CONFERENCE",
                         "providerId":"%s","creditHours":4.5,"description":"滨江党建·金融外滩",
                         "eligibility":{"memberUnits":["%s"]}}""".formatted(bund, cpic))
                .post(COURSES).then().statusCode(201)
                .header("Location", containsString(COURSES + "/"))
                .body("kind", equalTo("ACADEMY"))
                .extract().path("id");

        anyone().get(COURSES + "/" + id).then().statusCode(200)
                .body("title", equalTo("金融研修院·跨境支付专题"))
                .body("creditHours", equalTo(4.5f))
                .body("eligibility.memberUnits", hasItem(cpic.toString()));
    }

    @Test
    void a_session_is_scheduled_and_can_be_read_back() {
        String course = fixtures.lecture("沉浸式党课");
        String session = fixtures.scheduleOpenNow(course, 30, "").statusCode(201)
                .header("Location", containsString(SESSIONS + "/"))
                .body("status", equalTo("SCHEDULED"))
                .body("seatsTaken", equalTo(0))
                .extract().path("id");
        anyone().get(SESSIONS + "/" + session).then().statusCode(200)
                .body("capacity", equalTo(30))
                .body("holdMinutes", equalTo(120))
                .body("courseId", equalTo(course));
    }

    @Test
    void a_negative_capacity_is_refused_naming_the_rule() {
        String course = fixtures.lecture("主题党日现场教学");
        fixtures.scheduleOpenNow(course, -3, "").statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:session-capacity-not-positive"));
    }

    @Test
    void a_session_ending_before_it_starts_is_refused_naming_the_rule() {
        String course = fixtures.lecture("论坛");
        Instant starts = clock.instant().plus(Duration.ofDays(7));
        fixtures.schedule(course, starts, starts.minus(Duration.ofHours(1)), 20, clock.instant(),
                        starts.minus(Duration.ofDays(1)), starts.minus(Duration.ofDays(2)), "")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:session-ends-before-start"));
    }

    @Test
    void a_per_unit_quota_without_seats_is_refused() {
        String course = fixtures.lecture("讲座");
        fixtures.scheduleOpenNow(course, 20, ",\"quotaBy\":\"MEMBER_UNIT\",\"seatsPerGroup\":0").statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:seat-quota-invalid"));
    }

    @Test
    void a_session_for_an_unknown_course_is_a_404_problem() {
        fixtures.scheduleOpenNow(UUID.randomUUID().toString(), 20, "").statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:not-found"));
    }

    @Test
    void missing_fields_and_unknown_fields_are_400_problems() {
        organizerOf(fixtures.provider()).contentType(ContentType.JSON).body("{\"kind\":\"LECTURE\"}").post(COURSES)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:validation"))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("creditHours"));
        organizerOf(fixtures.provider()).contentType(ContentType.JSON).body("""
                        {"title":"x","kind":"LECTURE","providerKind":"ORGANIZATION","providerId":"%s","creditHours":1,
                         "seats":3}""".formatted(fixtures.provider()))
                .post(COURSES).then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:unknown-field"))
                .body("errors.field", hasItem("seats"));
    }

    @Test
    void negative_credit_hours_are_refused() {
        fixtures.createCourse("""
                        {"title":"x","kind":"LECTURE","providerKind":"ORGANIZATION","providerId":"%s","creditHours":-1}"""
                        .formatted(fixtures.provider()))
                .statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:credit-hours-invalid"));
    }

    @Test
    void a_provider_training_does_not_know_is_a_422_naming_the_field_and_saying_it_may_be_on_its_way() {
        organizerOf(UUID.randomUUID()).contentType(ContentType.JSON).body("""
                        {"title":"新党委的第一课","kind":"LECTURE","providerKind":"ORGANIZATION","providerId":"%s",
                         "creditHours":1}""".formatted(UUID.randomUUID()))
                .post(COURSES).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:provider-unknown"))
                .body("errors.field", hasItem("providerId"))
                .body("detail", containsString("try again shortly"));
        AsCaller.districtAdmin("310101").contentType(ContentType.JSON).body("""
                        {"title":"研修院","kind":"ACADEMY","providerKind":"JOINT_CONFERENCE","providerId":"%s",
                         "creditHours":1}""".formatted(UUID.randomUUID()))
                .post(COURSES).then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:provider-unknown"))
                .body("errors.field", hasItem("providerId"));
    }

    @Test
    void only_the_providers_organizers_create_its_courses_and_schedule_its_sessions() {
        UUID bilibili = fixtures.organization("哔哩哔哩党委", null);
        UUID upBranch = fixtures.organization("UP主党支部", bilibili);
        String json = """
                {"title":"UP主沉浸式党课","kind":"IMMERSIVE","providerKind":"ORGANIZATION","providerId":"%s",
                 "creditHours":2}""".formatted(bilibili);
        organizerOf(upBranch).contentType(ContentType.JSON).body(json).post(COURSES).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        AsCaller.branchSecretary(bilibili).contentType(ContentType.JSON).body(json).post(COURSES).then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        AsCaller.districtAdmin("310101").contentType(ContentType.JSON).body(json).post(COURSES).then().statusCode(403);
        AsCaller.trainingAdmin(bilibili).contentType(ContentType.JSON).body(json).post(COURSES).then().statusCode(201);
        String course = AsCaller.districtAdmin(TrainingFixtures.DISTRICT).contentType(ContentType.JSON).body(json)
                .post(COURSES).then().statusCode(201).extract().path("id");

        Instant starts = clock.instant().plus(Duration.ofDays(7));
        String session = """
                {"startsAt":"%s","endsAt":"%s","venueKind":"ADDRESS","venue":"哔哩哔哩党群服务站",
                 "capacity":10,"enrolmentOpensAt":"%s","enrolmentClosesAt":"%s","cancellationDeadline":"%s"}"""
                .formatted(starts, starts.plus(Duration.ofHours(2)), clock.instant(), starts.minus(Duration.ofDays(1)),
                        starts.minus(Duration.ofDays(2)));
        organizerOf(upBranch).contentType(ContentType.JSON).body(session).post(COURSES + "/" + course + "/sessions")
                .then().statusCode(403).body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        organizerOf(bilibili).contentType(ContentType.JSON).body(session).post(COURSES + "/" + course + "/sessions")
                .then().statusCode(201);
    }
}
