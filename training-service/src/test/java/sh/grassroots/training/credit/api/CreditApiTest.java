package sh.grassroots.training.credit.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.training.credit.model.CreditLedger;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.training.testing.TrainingFixtures.SESSIONS;
import static sh.grassroots.training.testing.TrainingFixtures.anyone;
import static sh.grassroots.training.testing.TrainingFixtures.organizerOf;

@QuarkusTest
class CreditApiTest {
    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    TrainingFixtures fixtures;
    UUID branch;

    @BeforeEach
    void setUp() {
        fixtures = new TrainingFixtures(db, clock);
        branch = fixtures.organization("小西门居民区党总支", fixtures.organization("老西门街道党工委", null));
    }

    String attend(String session, UUID person) {
        return fixtures.organizerOfSession(session).contentType(ContentType.JSON).body("{\"personId\":\"" + person + "\"}")
                .post(SESSIONS + "/" + session + "/attendance").then().statusCode(201)
                .body("hours", equalTo(2.5f))
                .extract().path("id");
    }

    String creditHoursPath(UUID person, Instant sessionStart) {
        return "/api/v1/training/people/" + person + "/credit-hours?year=" + CreditLedger.yearOf(sessionStart);
    }

    @Test
    void attending_credits_the_courses_hours_and_an_organizer_can_reverse_them_with_a_reason() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("蓬莱路旧改现场教学"), 10);
        Instant starts = Instant.parse(anyone().get(SESSIONS + "/" + session).then().extract().path("startsAt"));
        UUID member = fixtures.member("居民区书记", branch);
        fixtures.enrol(session, member).statusCode(201);
        clock.advance(Duration.between(clock.instant(), starts));

        String entry = attend(session, member);
        AsCaller.member(member).get(creditHoursPath(member, starts)).then().statusCode(200)
                .body("earned", equalTo(2.5f))
                .body("required", equalTo(32))
                .body("met", equalTo(false))
                .body("entries", hasSize(1));

        organizerOf(branch).contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .post("/api/v1/training/credit-entries/" + entry + "/reversal").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:credit-reversal-reason-required"));
        AsCaller.trainingAdmin(branch).contentType(ContentType.JSON).body("{\"reason\":\"代签到，实际未参加\"}")
                .post("/api/v1/training/credit-entries/" + entry + "/reversal").then().statusCode(201)
                .body("hours", equalTo(-2.5f))
                .body("reverses", equalTo(entry));
        organizerOf(branch).contentType(ContentType.JSON).body("{\"reason\":\"再次\"}")
                .post("/api/v1/training/credit-entries/" + entry + "/reversal").then().statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:credit-already-reversed"));
        AsCaller.member(member).get(creditHoursPath(member, starts)).then().statusCode(200)
                .body("earned", equalTo(0.0f))
                .body("entries", hasSize(2));
    }

    @Test
    void checking_in_twice_someone_waitlisted_or_too_early_is_refused() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 1);
        Instant starts = Instant.parse(anyone().get(SESSIONS + "/" + session).then().extract().path("startsAt"));
        UUID seated = fixtures.member("甲", branch);
        UUID waiting = fixtures.member("乙", branch);
        fixtures.enrol(session, seated).statusCode(201);
        fixtures.enrol(session, waiting).statusCode(201);

        fixtures.organizerOfSession(session).contentType(ContentType.JSON).body("{\"personId\":\"" + seated + "\"}")
                .post(SESSIONS + "/" + session + "/attendance").then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:check-in-not-open"));

        clock.advance(Duration.between(clock.instant(), starts.minus(Duration.ofMinutes(10))));
        attend(session, seated);
        fixtures.organizerOfSession(session).contentType(ContentType.JSON).body("{\"personId\":\"" + seated + "\"}")
                .post(SESSIONS + "/" + session + "/attendance").then().statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:attendance-already-recorded"));
        fixtures.organizerOfSession(session).contentType(ContentType.JSON).body("{\"personId\":\"" + waiting + "\"}")
                .post(SESSIONS + "/" + session + "/attendance").then().statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:not-enrolled"));
    }

    @Test
    void a_learner_checks_in_with_the_code_on_the_screen_but_not_with_an_expired_one() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("沉浸式党课"), 5);
        Instant starts = Instant.parse(anyone().get(SESSIONS + "/" + session).then().extract().path("startsAt"));
        UUID early = fixtures.member("准时到", branch);
        UUID late = fixtures.member("拍照转发", branch);
        fixtures.enrol(session, early).statusCode(201);
        fixtures.enrol(session, late).statusCode(201);
        clock.advance(Duration.between(clock.instant(), starts.minus(Duration.ofMinutes(5))));

        String code = fixtures.organizerOfSession(session).get(SESSIONS + "/" + session + "/check-in-code").then().statusCode(200)
                .extract().path("code");
        AsCaller.member(early).contentType(ContentType.JSON).body("{\"personId\":\"" + early + "\",\"code\":\"" + code + "\"}")
                .post(SESSIONS + "/" + session + "/check-ins").then().statusCode(201)
                .body("hours", equalTo(2.5f));

        clock.advance(Duration.ofMinutes(5));
        AsCaller.member(late).contentType(ContentType.JSON).body("{\"personId\":\"" + late + "\",\"code\":\"" + code + "\"}")
                .post(SESSIONS + "/" + session + "/check-ins").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:check-in-code-expired"));
        AsCaller.member(late).contentType(ContentType.JSON).body("{\"personId\":\"" + late + "\",\"code\":\"abc\"}")
                .post(SESSIONS + "/" + session + "/check-ins").then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:check-in-code-invalid"));
    }

    @Test
    void a_member_with_the_code_cannot_check_in_an_absent_friend() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 5);
        Instant starts = Instant.parse(anyone().get(SESSIONS + "/" + session).then().extract().path("startsAt"));
        UUID present = fixtures.member("在场", branch);
        UUID absent = fixtures.member("请人代签", branch);
        fixtures.enrol(session, present).statusCode(201);
        fixtures.enrol(session, absent).statusCode(201);
        clock.advance(Duration.between(clock.instant(), starts.minus(Duration.ofMinutes(5))));
        String code = fixtures.organizerOfSession(session).get(SESSIONS + "/" + session + "/check-in-code").then()
                .statusCode(200).extract().path("code");

        AsCaller.member(present).contentType(ContentType.JSON)
                .body("{\"personId\":\"" + absent + "\",\"code\":\"" + code + "\"}")
                .post(SESSIONS + "/" + session + "/check-ins").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:not-own-record"));
        AsCaller.member(present).get(SESSIONS + "/" + session + "/check-in-code").then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        assertEquals(0, fixtures.count("select count(*) from credit_entry where person_id = ?", absent));
    }
}
