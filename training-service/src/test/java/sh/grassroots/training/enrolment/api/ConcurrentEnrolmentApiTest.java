package sh.grassroots.training.enrolment.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.training.testing.TrainingFixtures.SESSIONS;

/** A popular lesson opens on the app and everyone taps "enrol" at once. */
@QuarkusTest
class ConcurrentEnrolmentApiTest {
    static final int CAPACITY = 5;
    static final int PEOPLE = 40;

    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    TrainingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new TrainingFixtures(db, clock);
    }

    record Enrolment(String id, UUID personId, String status, long position, Integer waitlistPlace) {
    }

    @Test
    void many_parallel_enrolments_fill_exactly_the_seats_and_the_rest_wait_in_arrival_order() throws Exception {
        UUID branch = fixtures.organization("第一网格党支部", fixtures.organization("园艺村党总支", null));
        String session = fixtures.sessionOpenNow(fixtures.lecture("沉浸式党课：一亩三分地"), CAPACITY);
        List<UUID> people = IntStream.range(0, PEOPLE).mapToObj(i -> fixtures.member("村民党员" + i, branch)).toList();

        List<JsonPath> answers = enrolAllAtOnce(session, people);

        long confirmedAnswers = answers.stream().filter(a -> "CONFIRMED".equals(a.getString("status"))).count();
        assertEquals(CAPACITY, confirmedAnswers, "confirmed answers");
        assertEquals(CAPACITY, fixtures.seatsTaken(session), "seat counter");

        List<Enrolment> all = list(session);
        assertEquals(PEOPLE, all.size());
        assertEquals(PEOPLE, all.stream().map(Enrolment::position).distinct().count(), "every arrival has its own position");
        List<Enrolment> byArrival = all.stream().sorted(Comparator.comparingLong(Enrolment::position)).toList();
        for (int i = 0; i < PEOPLE; i++) {
            Enrolment e = byArrival.get(i);
            if (i < CAPACITY) {
                assertEquals("CONFIRMED", e.status(), "the first " + CAPACITY + " arrivals get the seats");
            } else {
                assertEquals("WAITLISTED", e.status());
                assertEquals(i - CAPACITY + 1, e.waitlistPlace(), "place in line follows arrival");
            }
        }

        // Two confirmed people cancel: the two who have waited longest are offered their seats.
        fixtures.cancel(byArrival.get(0).id(), "LEARNER", "临时有事").statusCode(200);
        fixtures.cancel(byArrival.get(3).id(), "LEARNER", "出差").statusCode(200);
        Map<String, Enrolment> after = list(session).stream().collect(Collectors.toMap(Enrolment::id, e -> e));
        assertEquals("OFFERED", after.get(byArrival.get(CAPACITY).id()).status());
        assertEquals("OFFERED", after.get(byArrival.get(CAPACITY + 1).id()).status());
        assertEquals("WAITLISTED", after.get(byArrival.get(CAPACITY + 2).id()).status());
        assertEquals(1, after.get(byArrival.get(CAPACITY + 2).id()).waitlistPlace());
        assertEquals(CAPACITY, fixtures.seatsTaken(session), "held seats stay taken");
    }

    @Test
    void the_database_itself_refuses_a_seat_beyond_capacity() {
        UUID branch = fixtures.organization("第二网格党支部", null);
        String session = fixtures.sessionOpenNow(fixtures.lecture("党课"), 1);
        fixtures.enrol(session, fixtures.member("甲", branch)).statusCode(201);
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Connection c = db.getConnection();
                 PreparedStatement s = c.prepareStatement(
                         "update training_session set seats_taken = seats_taken + 1 where id = ?::uuid")) {
                s.setString(1, session);
                s.executeUpdate();
            }
        });
        assertTrue(refused.getMessage().contains("session_seats_within_capacity"), refused.getMessage());
        assertEquals(1, fixtures.seatsTaken(session));
    }

    private List<JsonPath> enrolAllAtOnce(String session, List<UUID> people) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<JsonPath>> calls = new ArrayList<>();
            for (UUID person : people) {
                calls.add(() -> {
                    start.await();
                    return fixtures.enrol(session, person).statusCode(201).extract().jsonPath();
                });
            }
            List<Future<JsonPath>> futures = new ArrayList<>();
            for (Callable<JsonPath> call : calls) {
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<JsonPath> answers = new ArrayList<>();
            for (Future<JsonPath> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Enrolment> list(String session) {
        JsonPath page = fixtures.organizerOfSession(session).get(SESSIONS + "/" + session + "/enrolments").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().map(m -> new Enrolment((String) m.get("id"), UUID.fromString((String) m.get("personId")),
                (String) m.get("status"), ((Number) m.get("position")).longValue(),
                m.get("waitlistPlace") == null ? null : ((Number) m.get("waitlistPlace")).intValue())).toList();
    }
}
