package sh.grassroots.training.session.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.training.session.model.SessionRules;
import sh.grassroots.training.session.application.SessionRulesCache;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.training.testing.TrainingFixtures.SESSIONS;

/**
 * Each replica keeps a copy of a session's rules between enrolments; a rule changed anywhere is
 * honoured by the very next enrolment. "Another replica" is modelled honestly by what its commit
 * looks like from here: the change lands in the shared database by SQL, and this replica's own
 * write path, which would drop its copy, never runs. Each test first enrols somebody so that this
 * replica holds a copy, and checks that it does, before the rule changes underneath it.
 */
@QuarkusTest
class SessionRulesCacheTest {
    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    @Inject
    SessionRulesCache cache;
    TrainingFixtures fixtures;
    UUID branch;

    @BeforeEach
    void setUp() {
        fixtures = new TrainingFixtures(db, clock);
        branch = fixtures.organization("缓存测试党支部", null);
    }

    private SessionRules heldCopy(String session) {
        return cache.held(UUID.fromString(session)).orElseThrow(() -> new AssertionError("this replica holds no copy"));
    }

    @Test
    void a_session_cancelled_by_another_replica_refuses_the_very_next_enrolment_here() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党史学习"), 10);
        fixtures.enrol(session, fixtures.member("甲", branch)).statusCode(201).body("status", equalTo("CONFIRMED"));
        assertTrue(heldCopy(session).open());

        fixtures.update("update training_session set status = 'CANCELLED' where id = ?::uuid", session);

        fixtures.enrol(session, fixtures.member("乙", branch)).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:session-not-open"));
        assertEquals(1, fixtures.seatsTaken(session));
    }

    @Test
    void a_session_cancelled_on_this_replica_refuses_the_very_next_enrolment() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("党章学习"), 10);
        fixtures.enrol(session, fixtures.member("甲", branch)).statusCode(201);
        heldCopy(session);

        fixtures.organizerOfSession(session).contentType(ContentType.JSON).body("{\"reason\":\"场地维修\"}")
                .post(SESSIONS + "/" + session + "/cancellation").then().statusCode(200);

        fixtures.enrol(session, fixtures.member("乙", branch)).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:session-not-open"));
    }

    @Test
    void a_capacity_lowered_by_another_replica_is_honoured_by_the_very_next_enrolment_here() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("微党课"), 3);
        fixtures.enrol(session, fixtures.member("甲", branch)).statusCode(201).body("status", equalTo("CONFIRMED"));
        heldCopy(session);

        fixtures.update("update training_session set capacity = 1 where id = ?::uuid", session);

        fixtures.enrol(session, fixtures.member("乙", branch)).statusCode(201)
                .body("status", equalTo("WAITLISTED")).body("waitlistPlace", equalTo(1));
        assertEquals(1, fixtures.seatsTaken(session));
    }

    @Test
    void an_eligibility_rule_added_by_another_replica_is_honoured_by_the_very_next_enrolment_here() {
        String course = fixtures.lecture("入党积极分子培训");
        String session = fixtures.sessionOpenNow(course, 10);
        fixtures.enrol(session, fixtures.learner("预备党员甲", branch, "PROBATIONARY", null)).statusCode(201);
        long before = heldCopy(session).rulesVersion();

        fixtures.update("insert into course_eligibility (course_id, rule, value) values (?::uuid, 'MEMBER_STATUS', 'FULL')",
                course);

        fixtures.enrol(session, fixtures.learner("预备党员乙", branch, "PROBATIONARY", null)).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:eligibility-member-status"));
        assertTrue(heldCopy(session).rulesVersion() > before, "the replica now holds the new rules");
        fixtures.enrol(session, fixtures.member("正式党员丙", branch)).statusCode(201).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void an_enrolment_window_closed_by_another_replica_is_honoured_by_the_very_next_enrolment_here() {
        String session = fixtures.sessionOpenNow(fixtures.lecture("两学一做"), 10);
        fixtures.enrol(session, fixtures.member("甲", branch)).statusCode(201);
        heldCopy(session);

        fixtures.update("update training_session set enrolment_closes_at = ?, enrolment_opens_at = ? where id = ?::uuid",
                java.sql.Timestamp.from(clock.instant().minusSeconds(60)),
                java.sql.Timestamp.from(clock.instant().minusSeconds(3600)), session);

        fixtures.enrol(session, fixtures.member("乙", branch)).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:enrolment-window-closed"));
    }
}
