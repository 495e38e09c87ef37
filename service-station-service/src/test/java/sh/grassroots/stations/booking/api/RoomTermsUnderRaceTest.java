package sh.grassroots.stations.booking.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AtOnce;
import sh.grassroots.stations.support.TestClock;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asSecretaryOf;
import static sh.grassroots.stations.support.Api.bookingsOf;
import static sh.grassroots.stations.support.Api.branchBooking;

/**
 * A room's quota per booker and its buffer between bookings hold when the requests that would
 * break them arrive at the same moment, not only one after the other (BookingApiTest): each
 * request saw no other booking yet when it was checked.
 */
@QuarkusTest
class RoomTermsUnderRaceTest {
    private static final int RACERS = 8;

    @Inject
    TestClock clock;

    String station;

    @BeforeEach
    void aStation_() {
        clock.reset();
        station = aStation();
    }

    private static Map<Integer, Long> byStatus(List<Response> answers) {
        return answers.stream().collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
    }

    private static String bodies(List<Response> answers) {
        return answers.stream().map(r -> r.statusCode() + " " + r.asString()).collect(Collectors.joining("\n"));
    }

    @Test
    void a_branch_asking_for_several_slots_of_a_room_with_a_weekly_quota_of_one_at_once_gets_one() {
        String room = aRoom(station, "{\"name\":\"党员活动室\",\"capacity\":20,\"weeklyQuota\":1}");
        String branch = UUID.randomUUID().toString();
        asSecretaryOf(branch);
        // Wednesday to Saturday of one week, a different free slot each: only the quota can refuse.
        List<Response> answers = AtOnce.send(RACERS, i -> {
            String day = "2026-12-0" + (2 + i % 4);
            String hour = String.valueOf(10 + 2 * (i / 4));
            return asSecretaryOf(branch).contentType(ContentType.JSON)
                    .body(branchBooking(branch, day + "T" + hour + ":00:00+08:00", day + "T" + hour + ":30:00+08:00", 5))
                    .post(bookingsOf(station, room));
        });

        assertEquals(Map.of(201, 1L, 422, (long) RACERS - 1), byStatus(answers), () -> bodies(answers));
        assertTrue(answers.stream().filter(a -> a.statusCode() == 422)
                .allMatch(a -> a.asString().contains("urn:grassroots:problem:booking-quota-exceeded")), () -> bodies(answers));
    }

    @Test
    void neighbouring_slots_asked_for_at_once_in_a_room_with_a_buffer_are_not_both_booked() {
        String room = aRoom(station, "{\"name\":\"活动室\",\"capacity\":20,\"bufferMinutes\":30}");
        // Back to back: 14:00-15:00 and 15:00-16:00, alternately, each by another branch.
        List<Response> answers = AtOnce.send(RACERS, i -> {
            String branch = UUID.randomUUID().toString();
            String start = i % 2 == 0 ? "14" : "15";
            String end = i % 2 == 0 ? "15" : "16";
            return asSecretaryOf(branch).contentType(ContentType.JSON)
                    .body(branchBooking(branch, "2026-12-02T" + start + ":00:00+08:00", "2026-12-02T" + end + ":00:00+08:00", 5))
                    .post(bookingsOf(station, room));
        });

        assertEquals(1L, byStatus(answers).getOrDefault(201, 0L), () -> bodies(answers));
        assertEquals(RACERS - 1L, byStatus(answers).getOrDefault(409, 0L), () -> bodies(answers));
        assertTrue(answers.stream().filter(a -> a.statusCode() == 409)
                .allMatch(a -> a.asString().contains("urn:grassroots:problem:booking-buffer-too-small")
                        || a.asString().contains("urn:grassroots:problem:booking-slot-taken")), () -> bodies(answers));
        assertTrue(answers.stream().anyMatch(a -> a.asString().contains("booking-buffer-too-small")),
                "the losers of the other slot are told the buffer: " + bodies(answers));
    }
}
