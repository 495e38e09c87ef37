package sh.grassroots.stations.booking.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.stations.support.TestClock;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static sh.grassroots.stations.support.Api.STATIONS;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asSomeone;
import static sh.grassroots.stations.support.Api.book;

/** The free slots of a whole station, per room and day, for a phone planning the week. */
@QuarkusTest
class StationAvailabilityTest {
    @Inject
    TestClock clock;

    @BeforeEach
    void reset() {
        clock.reset();
    }

    @Test
    void a_week_of_a_station_lists_each_rooms_free_slots_day_by_day() {
        String station = aStation();
        String big = aRoom(station, "{\"name\":\"A 报告厅\",\"capacity\":80}");
        aRoom(station, "{\"name\":\"B 会议室\",\"capacity\":12}");
        book(station, big, "2026-12-02T14:00:00+08:00", "2026-12-02T16:00:00+08:00", 30).then().statusCode(201);

        asSomeone().queryParam("date", "2026-12-02").queryParam("days", 7).get(STATIONS + "/" + station + "/availability")
                .then().statusCode(200)
                .body("", hasSize(14))
                .body("[0].roomId", equalTo(big))
                .body("[0].date", equalTo("2026-12-02"))
                .body("[0].freeSlots.size()", equalTo(2))
                .body("[0].freeSlots[0].end", equalTo("2026-12-02T14:00:00+08:00"))
                .body("[0].freeSlots[1].start", equalTo("2026-12-02T16:00:00+08:00"))
                .body("[1].freeSlots.size()", equalTo(1))
                // Sunday 2026-12-06: the station does not open.
                .body("[8].date", equalTo("2026-12-06"))
                .body("[8].freeSlots.size()", equalTo(0));
    }

    @Test
    void more_than_a_week_is_refused() {
        asSomeone().queryParam("date", "2026-12-02").queryParam("days", 8).get(STATIONS + "/" + aStation() + "/availability")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
