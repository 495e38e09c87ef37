package sh.grassroots.training.enrolment.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static sh.grassroots.training.testing.TrainingFixtures.ENROLMENTS;

/** The scheduled job, as it runs in production, passes an expired hold on by itself. */
@QuarkusTest
@TestProfile(HoldExpirySchedulerTest.SchedulerOn.class)
class HoldExpirySchedulerTest {
    public static class SchedulerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("training.holds.check-every", "1s");
        }
    }

    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;

    @Test
    void an_expired_hold_passes_to_the_next_in_line_without_anyone_asking() {
        TrainingFixtures fixtures = new TrainingFixtures(db, clock);
        UUID branch = fixtures.organization("第二网格党支部", null);
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 1, ",\"holdMinutes\":30");
        String first = fixtures.enrol(session, fixtures.member("甲", branch)).extract().path("id");
        String second = fixtures.enrol(session, fixtures.member("乙", branch)).extract().path("id");
        String third = fixtures.enrol(session, fixtures.member("丙", branch)).extract().path("id");
        fixtures.cancel(first, "LEARNER", "出差").statusCode(200);
        fixtures.organizerOfEnrolment(second).get(ENROLMENTS + "/" + second).then().body("status", equalTo("OFFERED"));

        clock.advance(Duration.ofMinutes(30));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                fixtures.organizerOfEnrolment(third).get(ENROLMENTS + "/" + third).then().body("status", equalTo("OFFERED")));
        fixtures.organizerOfEnrolment(second).get(ENROLMENTS + "/" + second).then().body("status", equalTo("EXPIRED"));
    }
}
