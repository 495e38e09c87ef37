package sh.grassroots.training.course.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import static org.hamcrest.Matchers.equalTo;
import static sh.grassroots.training.testing.TrainingFixtures.COURSES;
import static sh.grassroots.training.testing.TrainingFixtures.anyone;

@QuarkusTest
class CourseCorrectionApiTest {
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
    void an_organizer_corrects_a_courses_title_with_the_etag_read_last_and_the_etag_moves_on() {
        String course = fixtures.lecture("沉浸式党课（草稿）");
        String etag = anyone().get(COURSES + "/" + course).then().statusCode(200).extract().header("ETag");

        fixtures.organizerOfCourse(course).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"title\":\"沉浸式党课\",\"description\":\"在党群服务站现场教学\"}")
                .patch(COURSES + "/" + course).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("title", equalTo("沉浸式党课"))
                .body("description", equalTo("在党群服务站现场教学"))
                .body("kind", equalTo("LECTURE"));
        anyone().header("If-None-Match", "\"1\"").get(COURSES + "/" + course).then().statusCode(304);
    }

    @Test
    void a_correction_naming_a_version_the_course_is_no_longer_at_is_412_and_changes_nothing() {
        String course = fixtures.lecture("党史学习");
        fixtures.organizerOfCourse(course).contentType(ContentType.JSON).body("{\"description\":\"第一版\"}")
                .patch(COURSES + "/" + course).then().statusCode(200);

        fixtures.organizerOfCourse(course).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"title\":\"覆盖别人的修改\"}")
                .patch(COURSES + "/" + course).then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:stale-version"));
        anyone().get(COURSES + "/" + course).then().body("title", equalTo("党史学习"));
    }

    @Test
    void a_weak_tag_in_if_match_is_400_as_in_every_service() {
        String course = fixtures.lecture("理论学习");
        fixtures.organizerOfCourse(course).contentType(ContentType.JSON).header("If-Match", "W/\"0\"")
                .body("{\"title\":\"理论学习（更正）\"}")
                .patch(COURSES + "/" + course).then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:invalid-if-match"));
    }

    @Test
    void a_blank_title_is_refused() {
        String course = fixtures.lecture("主题党日");
        fixtures.organizerOfCourse(course).contentType(ContentType.JSON).body("{\"title\":\"   \"}")
                .patch(COURSES + "/" + course).then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:validation"));
    }
}
