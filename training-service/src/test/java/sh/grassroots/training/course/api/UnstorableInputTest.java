package sh.grassroots.training.course.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What the fuzz found at training: a {@code null} inside a course's eligibility lists answered 500
 * (a NullPointerException in the use case), a NUL character reached the database. Both are a 400
 * naming the field now.
 */
@QuarkusTest
class UnstorableInputTest {
    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    TrainingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new TrainingFixtures(db, clock);
    }

    private String course(String extra) {
        return "{\"title\":\"沉浸式党课\",\"kind\":\"LECTURE\",\"providerKind\":\"ORGANIZATION\",\"providerId\":\""
                + fixtures.provider() + "\",\"creditHours\":2.5" + extra + "}";
    }

    @Test
    void a_null_inside_an_eligibility_list_is_named() {
        fixtures.createCourse(course(",\"eligibility\":{\"statuses\":[\"FULL\",null]}")).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:invalid-field"))
                .body("errors.field", hasItem("eligibility.statuses[1]"));
        fixtures.createCourse(course(",\"eligibility\":{\"subtreeRoots\":[null]}")).statusCode(400)
                .body("errors.field", hasItem("eligibility.subtreeRoots[0]"));
        fixtures.createCourse(course(",\"eligibility\":{\"statuses\":[\"FULL\"]}")).statusCode(201);
    }

    @Test
    void a_nul_character_in_a_title_is_named() {
        fixtures.createCourse(course("").replace("沉浸式党课", "沉浸式\\u0000党课")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("title"));
    }
}
