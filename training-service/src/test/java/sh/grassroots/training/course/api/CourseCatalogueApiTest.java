package sh.grassroots.training.course.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.training.testing.TrainingFixtures.COURSES;
import static sh.grassroots.training.testing.TrainingFixtures.anyone;
import static org.hamcrest.Matchers.matchesPattern;

/** The course catalogue a member searches from the phone. */
@QuarkusTest
class CourseCatalogueApiTest {
    private static final String HAN = "(?s).*\\p{IsHan}.*";

    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    TrainingFixtures fixtures;
    UUID provider;
    String tag;

    @BeforeEach
    void setUp() {
        fixtures = new TrainingFixtures(db, clock);
        provider = fixtures.organization("哔哩哔哩党委", null);
        tag = UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void a_member_finds_a_course_by_words_of_its_chinese_title() {
        String lesson = course("沉浸式党课：从弹幕里读懂青年" + tag, "IMMERSIVE");
        String other = course("金融研修院·跨境支付专题" + tag, "LECTURE");

        anyone().queryParam("q", "弹幕里读懂青年" + tag).get(COURSES).then().statusCode(200)
                .body("items.id", equalTo(List.of(lesson)))
                .body("items[0].title", equalTo("沉浸式党课：从弹幕里读懂青年" + tag))
                .body("items[0].kind", equalTo("IMMERSIVE"))
                .body("nextCursor", equalTo(null));
        anyone().queryParam("q", tag).get(COURSES).then().statusCode(200)
                .body("items.id", hasItem(other)).body("items.id", hasItem(lesson));
    }

    @Test
    void kind_provider_and_upcoming_narrow_the_list() {
        String lesson = course("UP主沉浸式党课" + tag, "IMMERSIVE");
        String lecture = course("党史讲座" + tag, "LECTURE");
        String session = fixtures.sessionOpenNow(lecture, 30);

        anyone().get(COURSES + "?providerId=" + provider + "&kind=IMMERSIVE").then().statusCode(200)
                .body("items.id", equalTo(List.of(lesson)));
        anyone().get(COURSES + "?providerId=" + provider + "&upcoming=true").then().statusCode(200)
                .body("items.id", equalTo(List.of(lecture)))
                .body("items[0].nextSessionStartsAt", notNullValue());
        assertTrue(session != null);
    }

    @Test
    void the_catalogue_pages_newest_first_by_keyset() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(0, course("新党员入党教育第" + i + "讲" + tag, "LECTURE"));
            clock.advance(java.time.Duration.ofSeconds(1));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = anyone().get(COURSES + "?q=" + tag + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null && seen.size() < 20);
        assertEquals(made, seen);
        assertEquals(seen.size(), new HashSet<>(seen).size());
    }

    @Test
    void wildcards_in_the_words_are_taken_literally_and_a_bad_cursor_is_a_400() {
        course("百分之百%的党课" + tag, "LECTURE");
        anyone().queryParam("q", tag + "%").get(COURSES).then().statusCode(200).body("items", equalTo(List.of()));
        anyone().queryParam("q", "%").queryParam("limit", 100).get(COURSES).then().statusCode(200)
                .body("items.title", hasItem("百分之百%的党课" + tag))
                .body("items.title", everyItem(containsString("%")));
        anyone().get(COURSES + "?cursor=not-a-cursor").then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:invalid-cursor"));
        AsCaller.service("310110").get(COURSES).then().statusCode(403);
    }

    @Test
    void a_phone_in_chinese_reads_why_its_search_was_refused_in_chinese() {
        anyone().header("Accept-Language", "zh-CN").queryParam("q", "党".repeat(101)).queryParam("limit", 101).get(COURSES)
                .then().statusCode(400)
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:grassroots:problem:validation"))
                .body("title", equalTo("请求无效"))
                .body("errors.field", hasItem("q")).body("errors.field", hasItem("limit"))
                .body("errors.message", everyItem(matchesPattern(HAN)));
        anyone().header("Accept-Language", "zh-CN").get(COURSES + "?cursor=not-a-cursor").then().statusCode(400)
                .body("title", matchesPattern(HAN));
    }

    private String course(String title, String kind) {
        return fixtures.course("{\"title\":\"" + title + "\",\"kind\":\"" + kind + "\",\"providerKind\":\"ORGANIZATION\","
                + "\"providerId\":\"" + provider + "\",\"creditHours\":2}");
    }
}
