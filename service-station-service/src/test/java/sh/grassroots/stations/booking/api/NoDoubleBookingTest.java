package sh.grassroots.stations.booking.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.access.CallerHeaders;
import sh.grassroots.platform.access.Roles;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.stations.support.Api;
import sh.grassroots.stations.support.Projections;
import sh.grassroots.stations.support.TestClock;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.bookingsOf;
import static sh.grassroots.stations.support.Api.branchBooking;

/**
 * Many people grab overlapping slots of one room at the same moment. The database's exclusion
 * constraint must let exactly one win; the negative control runs the same racing inserts against
 * a table without the constraint and sees them collide, so this test is known to be able to fail.
 */
@QuarkusTest
class NoDoubleBookingTest {
    private static final int RACERS = 16;
    private static final OffsetDateTime WED_14 = OffsetDateTime.parse("2026-12-02T14:00:00+08:00");

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource dataSource;
    @TestHTTPResource("/")
    URL base;

    String station;
    String room;
    String branch;

    @BeforeEach
    void aRoomEveryoneWants() {
        clock.reset();
        station = aStation();
        room = aRoom(station, 30);
        branch = UUID.randomUUID().toString();
        Projections.knownOrganization(branch, null, Api.DISTRICT);
    }

    /** A request to book, as the gateway forwards it from the branch's secretary. */
    private HttpRequest.Builder asSecretary(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        CallerHeaders.write(AsCaller.caller("secretary-" + branch, Roles.BRANCH_SECRETARY, branch, null), request::header);
        return request;
    }

    /** Slot i starts i*5 minutes after 14:00 and lasts two hours: every pair overlaps. */
    private static OffsetDateTime[] slot(int i) {
        OffsetDateTime start = WED_14.plusMinutes(5L * i);
        return new OffsetDateTime[]{start, start.plusHours(2)};
    }

    @Test
    void parallel_requests_for_overlapping_slots_end_with_exactly_one_booking() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = base.toURI().resolve(bookingsOf(station, room));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                OffsetDateTime[] s = slot(i);
                HttpRequest request = asSecretary(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(branchBooking(branch, s[0].toString(), s[1].toString(), 10)))
                        .timeout(Duration.ofSeconds(60)).build();
                futures.add(pool.submit(() -> {
                    go.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> f : futures) {
                responses.add(f.get(90, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertEquals(Map.of(201, 1L, 409, (long) RACERS - 1), byStatus, () -> bodies(responses));
        assertTrue(responses.stream().filter(r -> r.statusCode() == 409)
                        .allMatch(r -> r.body().contains("urn:grassroots:problem:booking-slot-taken")
                                && r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")),
                () -> bodies(responses));
        assertEquals(1, activeBookingsOf("booking", room));
        assertEquals(0, overlappingPairs("booking", room));
    }

    @Test
    void parallel_retries_with_one_idempotency_key_create_one_booking_and_all_get_its_answer() throws Exception {
        String body = branchBooking(branch, slot(0)[0].toString(), slot(0)[1].toString(), 10);
        String key = UUID.randomUUID().toString();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = base.toURI().resolve(bookingsOf(station, room));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                HttpRequest request = asSecretary(uri).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(60)).build();
                futures.add(pool.submit(() -> {
                    go.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> f : futures) {
                responses.add(f.get(90, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertTrue(responses.stream().allMatch(r -> r.statusCode() == 201), () -> bodies(responses));
        assertEquals(1, responses.stream().map(r -> r.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"))
                .distinct().count(), () -> bodies(responses));
        assertEquals(1, activeBookingsOf("booking", room));
    }

    @Test
    void racing_check_then_insert_is_stopped_by_the_constraint_on_the_booking_table() throws Exception {
        List<Outcome> outcomes = raceCheckThenInsert("booking", room);

        assertEquals(1, outcomes.stream().filter(o -> o == Outcome.INSERTED).count(), outcomes::toString);
        assertTrue(outcomes.stream().allMatch(o -> o == Outcome.INSERTED || o == Outcome.REFUSED_BY_DATABASE),
                outcomes::toString);
        assertEquals(1, activeBookingsOf("booking", room));
        assertEquals(0, overlappingPairs("booking", room));
    }

    @Test
    void negative_control_the_same_race_double_books_a_table_without_the_constraint() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists booking_without_guard as select * from booking with no data");
        }

        List<Outcome> outcomes = raceCheckThenInsert("booking_without_guard", room);

        assertEquals(RACERS, outcomes.stream().filter(o -> o == Outcome.INSERTED).count(), outcomes::toString);
        assertEquals(RACERS, activeBookingsOf("booking_without_guard", room));
        assertTrue(overlappingPairs("booking_without_guard", room) > 0, "the control table shows no collision");
    }

    enum Outcome { INSERTED, SEEN_TAKEN, REFUSED_BY_DATABASE }

    /**
     * What an application without the database guard would do: look for an overlapping booking,
     * and insert when there is none. A barrier makes every racer look before anyone inserts,
     * which is the interleaving that happens by chance under load.
     */
    private List<Outcome> raceCheckThenInsert(String table, String roomId) throws Exception {
        CyclicBarrier everyoneHasLooked = new CyclicBarrier(RACERS);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Callable<Outcome>> racers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                OffsetDateTime[] s = slot(i);
                racers.add(() -> checkThenInsert(table, roomId, s[0], s[1], everyoneHasLooked));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : pool.invokeAll(racers, 90, TimeUnit.SECONDS)) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome checkThenInsert(String table, String roomId, OffsetDateTime start, OffsetDateTime end,
                                    CyclicBarrier barrier) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean taken;
                try (PreparedStatement look = c.prepareStatement("select count(*) from " + table
                        + " where room_id = ?::uuid and status in ('REQUESTED','CONFIRMED','CHECKED_IN')"
                        + " and starts_at < ? and ends_at > ?")) {
                    look.setString(1, roomId);
                    look.setTimestamp(2, Timestamp.from(end.toInstant()));
                    look.setTimestamp(3, Timestamp.from(start.toInstant()));
                    try (ResultSet rs = look.executeQuery()) {
                        rs.next();
                        taken = rs.getInt(1) > 0;
                    }
                }
                barrier.await(60, TimeUnit.SECONDS);
                if (taken) {
                    c.rollback();
                    return Outcome.SEEN_TAKEN;
                }
                try (PreparedStatement insert = c.prepareStatement("insert into " + table
                        + " (id, room_id, station_id, starts_at, ends_at, status, booker_kind, booker_name, purpose,"
                        + " attendees, created_at, updated_at, version)"
                        + " values (?::uuid, ?::uuid, ?::uuid, ?, ?, 'CONFIRMED', 'ORGANIZATION', '第二党支部', '党课', 10,"
                        + " now(), now(), 0)")) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, roomId);
                    insert.setString(3, station);
                    insert.setTimestamp(4, Timestamp.from(start.toInstant()));
                    insert.setTimestamp(5, Timestamp.from(end.toInstant()));
                    insert.executeUpdate();
                }
                c.commit();
                return Outcome.INSERTED;
            } catch (SQLException e) {
                c.rollback();
                // 23P01: exclusion violation; 40P01: two inserters waited on each other and one was chosen to fail.
                if ("23P01".equals(e.getSQLState()) || "40P01".equals(e.getSQLState())) {
                    return Outcome.REFUSED_BY_DATABASE;
                }
                throw e;
            }
        }
    }

    private int activeBookingsOf(String table, String roomId) throws SQLException {
        return count("select count(*) from " + table
                + " where room_id = ?::uuid and status in ('REQUESTED','CONFIRMED','CHECKED_IN')", roomId);
    }

    private int overlappingPairs(String table, String roomId) throws SQLException {
        return count("select count(*) from " + table + " a join " + table + " b on a.room_id = b.room_id and a.id < b.id"
                + " and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)"
                + " where a.room_id = ?::uuid and a.status in ('REQUESTED','CONFIRMED','CHECKED_IN')"
                + " and b.status in ('REQUESTED','CONFIRMED','CHECKED_IN')", roomId);
    }

    private int count(String sql, String roomId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, roomId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String bodies(List<HttpResponse<String>> responses) {
        return responses.stream().map(r -> r.statusCode() + " " + r.body()).collect(Collectors.joining("\n"));
    }
}
