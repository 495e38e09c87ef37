package sh.grassroots.stations.booking.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.stations.booking.application.NoShowRelease;
import sh.grassroots.stations.support.TestClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asManager;
import static sh.grassroots.stations.support.Api.book;
import static sh.grassroots.stations.support.Api.booking;

@QuarkusTest
class NoShowReleaseTest {
    private static final String WED_14 = "2026-12-02T14:00:00+08:00";
    private static final String WED_16 = "2026-12-02T16:00:00+08:00";

    @Inject
    TestClock clock;
    @Inject
    NoShowRelease release;
    @Inject
    AgroalDataSource dataSource;

    String station;

    @BeforeEach
    void aStationOpenToday() {
        clock.reset();
        station = aStation();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_booking_nobody_checked_in_for_is_released_after_the_grace_period_and_the_room_is_free_again() throws Throwable {
        String room = aRoom(station, 20);
        String noShow = book(station, room, WED_14, WED_16, 10).then().statusCode(201).extract().path("id");
        String otherRoom = aRoom(station, 20);
        String present = book(station, otherRoom, WED_14, WED_16, 10).then().statusCode(201).extract().path("id");
        clock.set(OffsetDateTime.parse("2026-12-02T13:50:00+08:00").toInstant());
        asManager().post(booking(station, present) + "/check-in").then().statusCode(200);

        clock.set(OffsetDateTime.parse("2026-12-02T14:14:00+08:00").toInstant());
        releaseDue();
        asManager().get(booking(station, noShow)).then().body("status", equalTo("CONFIRMED"));

        clock.set(OffsetDateTime.parse("2026-12-02T14:15:00+08:00").toInstant());
        releaseDue();
        asManager().get(booking(station, noShow)).then().body("status", equalTo("NO_SHOW"));
        asManager().get(booking(station, present)).then().body("status", equalTo("CHECKED_IN"));

        book(station, room, "2026-12-02T15:30:00+08:00", WED_16, 10).then().statusCode(201);
        assertEquals(1, events(noShow, "BookingNoShow"));
    }

    @Test
    void two_replicas_releasing_at_once_record_each_no_show_once() throws Exception {
        String room = aRoom(station, 20);
        String noShow = book(station, room, WED_14, WED_16, 10).then().statusCode(201).extract().path("id");
        clock.set(OffsetDateTime.parse("2026-12-02T15:00:00+08:00").toInstant());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> replica = () -> {
                try {
                    return VertxContextSupport.subscribeAndAwait(() -> release.releaseDue());
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            };
            for (Future<Integer> run : pool.invokeAll(List.of(replica, replica))) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        asManager().get(booking(station, noShow)).then().body("status", equalTo("NO_SHOW"));
        assertEquals(1, events(noShow, "BookingNoShow"));
    }

    private void releaseDue() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> release.releaseDue());
    }

    private int events(String bookingId, String type) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from outbox_event where message_key = ? and event_type = ?")) {
            s.setString(1, bookingId);
            s.setString(2, type);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
