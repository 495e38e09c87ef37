package sh.grassroots.training.enrolment.application;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database's refusals, in the shape Hibernate Reactive reports them: only the one-active-
 * enrolment index means "already enrolled"; the capacity check flushed with the same row is
 * another rule and must not be answered as one.
 */
@QuarkusTest
class EnrolmentFailuresTest {
    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;

    private static Throwable refusal(String sql) {
        return assertThrows(Throwable.class, () -> VertxContextSupport.subscribeAndAwait(() ->
                Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(sql).executeUpdate()))));
    }

    @Test
    void a_second_active_enrolment_is_already_enrolled_and_a_full_session_is_not() {
        TrainingFixtures fixtures = new TrainingFixtures(db, clock);
        UUID branch = fixtures.organization("交大党委 " + UUID.randomUUID(), null);
        UUID member = fixtures.member("已报名", branch);
        String session = fixtures.sessionOpenNow(fixtures.lecture("红色经典导读"), 1);
        fixtures.enrol(session, member).statusCode(201);

        Throwable duplicate = refusal("insert into enrolment (id, session_id, person_id, status, position, enrolled_at) "
                + "select '" + UUID.randomUUID() + "', session_id, person_id, 'WAITLISTED', position + 1000, enrolled_at "
                + "from enrolment where session_id = '" + session + "'");
        assertTrue(Enrol.isAlreadyEnrolled(duplicate), () -> "not recognised: " + duplicate);

        Throwable overCapacity = refusal("update training_session set seats_taken = capacity + 1 where id = '" + session + "'");
        assertFalse(Enrol.isAlreadyEnrolled(overCapacity), () -> "taken for a duplicate: " + overCapacity);
    }
}
