package sh.grassroots.training.memberview.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class MemberViewApiTest {
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
    void a_member_sees_upcoming_sessions_with_the_place_on_each_waitlist_and_a_calendar_of_the_seats() {
        UUID branch = fixtures.organization("UP主党支部", null);
        UUID me = fixtures.member("我", branch);
        String full = fixtures.sessionOpenNow(fixtures.lecture("热门沉浸式党课"), 1);
        fixtures.enrol(full, fixtures.member("先到者", branch)).statusCode(201);
        fixtures.enrol(full, fixtures.member("次到者", branch)).statusCode(201);
        fixtures.enrol(full, me).statusCode(201);
        String seated = fixtures.sessionOpenNow(fixtures.lecture("金融品巷, 现场教学"), 10);
        fixtures.enrol(seated, me).statusCode(201);

        AsCaller.member(me).get("/api/v1/training/people/" + me + "/sessions").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.find { it.sessionId == '" + full + "' }.status", equalTo("WAITLISTED"))
                .body("items.find { it.sessionId == '" + full + "' }.waitlistPlace", equalTo(2))
                .body("items.find { it.sessionId == '" + seated + "' }.status", equalTo("CONFIRMED"));

        AsCaller.member(me).get("/api/v1/training/people/" + me + "/sessions.ics").then().statusCode(200)
                .contentType(startsWith("text/calendar"))
                .body(startsWith("BEGIN:VCALENDAR"))
                .body(containsString("SUMMARY:金融品巷\\, 现场教学"))
                .body(not(containsString("热门沉浸式党课")));
    }

    @Test
    void another_persons_view_is_theirs_and_their_training_admins_only() {
        UUID branch = fixtures.organization("UP主党支部", null);
        UUID me = fixtures.member("我", branch);
        String path = "/api/v1/training/people/" + me + "/sessions";
        AsCaller.member(UUID.randomUUID()).get(path).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:not-own-record"));
        AsCaller.member(UUID.randomUUID()).get("/api/v1/training/people/" + me + "/credit-hours")
                .then().statusCode(403);
        given().get(path + ".ics").then().statusCode(401).contentType("application/problem+json");
        AsCaller.trainingAdmin(branch).get(path).then().statusCode(200);
    }
}
