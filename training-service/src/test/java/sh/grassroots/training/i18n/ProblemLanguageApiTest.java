package sh.grassroots.training.i18n;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static sh.grassroots.training.testing.TrainingFixtures.COURSES;
import static sh.grassroots.training.testing.TrainingFixtures.enrolAs;
import static sh.grassroots.training.testing.TrainingFixtures.organizerOf;

/** Problems are answered in the reader's language: zh-CN unless Accept-Language prefers English. */
@QuarkusTest
class ProblemLanguageApiTest {
    private static final String HAN = "(?s).*\\p{IsHan}.*";
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

    @Test
    void a_phone_that_names_no_language_reads_chinese_titles_for_a_validation_error_a_refusal_and_a_conflict() {
        invalid(organizerOf(branch).header("Accept-Language", "zh-CN")).statusCode(400)
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:grassroots:problem:validation"))
                .body("title", equalTo("请求无效"))
                .body("errors.message", everyItem(matchesPattern(HAN)));

        UUID member = fixtures.member("居民区书记", branch);
        refused(AsCaller.member(UUID.randomUUID()).header("Accept-Language", "zh-CN"), member).statusCode(403)
                .body("title", equalTo("无权访问"))
                .body("detail", matchesPattern(HAN));

        conflict(member, "zh-CN").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:already-enrolled"))
                .body("title", equalTo("已报名"));
    }

    @Test
    void a_phone_set_to_english_reads_english() {
        invalid(organizerOf(branch).header("Accept-Language", "en")).statusCode(400)
                .header("Content-Language", "en")
                .body("title", equalTo("Invalid request"))
                .body("errors.message", everyItem(not(matchesPattern(HAN))));

        UUID member = fixtures.member("居民区书记", branch);
        refused(AsCaller.member(UUID.randomUUID()).header("Accept-Language", "en"), member).statusCode(403)
                .body("title", equalTo("Forbidden"))
                .body("detail", not(matchesPattern(HAN)));

        conflict(member, "en").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:already-enrolled"))
                .body("title", equalTo("Already enrolled"));
    }

    private static ValidatableResponse invalid(RequestSpecification as) {
        return as.contentType(ContentType.JSON).body("{\"kind\":\"LECTURE\"}").post(COURSES).then();
    }

    private static ValidatableResponse refused(RequestSpecification as, UUID person) {
        return as.get("/api/v1/training/people/" + person + "/credit-hours?year=2026").then();
    }

    private ValidatableResponse conflict(UUID member, String language) {
        String session = fixtures.sessionOpenNow(fixtures.lecture("蓬莱路旧改现场教学"), 10);
        fixtures.enrol(session, member).statusCode(201);
        RequestSpecification again = AsCaller.member(member);
        return enrolAs(language == null ? again : again.header("Accept-Language", language), session, member);
    }
}
