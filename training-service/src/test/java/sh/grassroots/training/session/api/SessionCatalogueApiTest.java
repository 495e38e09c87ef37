package sh.grassroots.training.session.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static sh.grassroots.training.testing.TrainingFixtures.anyone;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SessionCatalogueApiTest {
    static final String SESSIONS = "/api/v1/training/sessions";

    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    TrainingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new TrainingFixtures(db, clock);
    }

    private String sessionStartingIn(String course, Duration in) {
        Instant now = clock.instant();
        Instant starts = now.plus(in);
        return fixtures.schedule(course, starts, starts.plus(Duration.ofHours(2)), 10, now,
                starts.minus(Duration.ofHours(1)), starts.minus(Duration.ofHours(2)), "")
                .statusCode(201).extract().path("id");
    }

    private List<String> allPages(String course, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = anyone().queryParam("courseId", course).queryParam("limit", limit);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response page = request.get(SESSIONS);
            page.then().statusCode(200);
            ids.addAll(page.path("items.sessionId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    @Test
    void upcoming_sessions_come_soonest_first_page_by_page_with_their_course_and_free_seats() {
        String course = fixtures.lecture("沉浸式党课 " + System.nanoTime());
        String later = sessionStartingIn(course, Duration.ofDays(9));
        String soonest = sessionStartingIn(course, Duration.ofDays(3));
        String middle = sessionStartingIn(course, Duration.ofDays(5));
        String cancelled = sessionStartingIn(course, Duration.ofDays(4));
        fixtures.organizerOfSession(cancelled).contentType(ContentType.JSON)
                .body("{\"reason\":\"讲师有事\"}").post(SESSIONS + "/" + cancelled + "/cancellation").then().statusCode(200);
        fixtures.enrol(soonest, fixtures.member("学员", fixtures.organization("哔哩哔哩第一党支部", null))).statusCode(201);

        assertEquals(List.of(soonest, middle, later), allPages(course, 1));
        anyone().queryParam("courseId", course).queryParam("limit", 1).get(SESSIONS).then().statusCode(200)
                .body("items[0].courseTitle", org.hamcrest.Matchers.startsWith("沉浸式党课"))
                .body("items[0].capacity", equalTo(10))
                .body("items[0].seatsLeft", equalTo(9));
    }

    @Test
    void a_session_that_has_started_is_no_longer_listed() {
        String course = fixtures.lecture("现场教学 " + System.nanoTime());
        String soon = sessionStartingIn(course, Duration.ofDays(1));
        String later = sessionStartingIn(course, Duration.ofDays(2));
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertEquals(List.of(later), allPages(course, 10));
        anyone().queryParam("courseId", course).get(SESSIONS).then().body("nextCursor", nullValue());
        assertEquals(false, allPages(course, 10).contains(soon));
    }

    @Test
    void a_cursor_the_list_did_not_issue_is_a_400_problem() {
        anyone().queryParam("cursor", "bm9wZQ").get(SESSIONS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:invalid-cursor"));
        anyone().queryParam("limit", 0).get(SESSIONS).then().statusCode(400)
                .contentType("application/problem+json");
    }
}
