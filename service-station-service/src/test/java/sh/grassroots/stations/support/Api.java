package sh.grassroots.stations.support;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Sets up stations and rooms through the API, in domain words. */
public final class Api {
    public static final String STATIONS = "/api/v1/stations";

    private Api() {
    }

    /** A riverside station open 09:00-21:00 Monday to Saturday, shut on Sundays. */
    public static String aStation() {
        StringBuilder hours = new StringBuilder();
        for (String day : new String[]{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"}) {
            if (hours.length() > 0) {
                hours.append(',');
            }
            hours.append("{\"weekday\":\"").append(day).append("\",\"opens\":\"09:00\",\"closes\":\"21:00\"}");
        }
        return given().contentType(ContentType.JSON)
                .body("{\"name\":\"金融品巷·零距离党群服务站 " + UUID.randomUUID() + "\",\"districtCode\":\"310101\","
                        + "\"address\":\"中山东二路\",\"latitude\":31.2304,\"longitude\":121.4910,"
                        + "\"hostUnits\":[\"太平洋保险\",\"外滩投资\",\"小东门街道\"],\"services\":[\"党课\",\"阅读\"],"
                        + "\"managerScope\":\"310101:外滩街道\",\"openingHours\":[" + hours + "]}")
                .post(STATIONS).then().statusCode(201).extract().path("id");
    }

    /** A meeting room for {@code capacity} with standard terms (1 h notice, 30 min-4 h, cancel 2 h ahead). */
    public static String aRoom(String stationId, int capacity) {
        return aRoom(stationId, "{\"name\":\"会议室\",\"capacity\":" + capacity + "}");
    }

    public static String aRoom(String stationId, String json) {
        return given().contentType(ContentType.JSON).body(json)
                .post(STATIONS + "/" + stationId + "/rooms").then().statusCode(201).extract().path("id");
    }

    public static String bookingsOf(String stationId, String roomId) {
        return STATIONS + "/" + stationId + "/rooms/" + roomId + "/bookings";
    }

    public static String booking(String stationId, String bookingId) {
        return STATIONS + "/" + stationId + "/bookings/" + bookingId;
    }

    /** A branch's booking request body; times are ISO-8601 with offset. */
    public static String branchBooking(String start, String end, int attendees) {
        return branchBooking(UUID.randomUUID().toString(), start, end, attendees);
    }

    public static String branchBooking(String branchId, String start, String end, int attendees) {
        return "{\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"bookerKind\":\"ORGANIZATION\","
                + "\"bookerId\":\"" + branchId + "\",\"bookerName\":\"第一党支部\","
                + "\"purpose\":\"主题党日\",\"attendees\":" + attendees + "}";
    }

    public static Response bookAs(String branchId, String stationId, String roomId, String start, String end) {
        return given().contentType(ContentType.JSON).body(branchBooking(branchId, start, end, 10))
                .post(bookingsOf(stationId, roomId));
    }

    public static Response book(String stationId, String roomId, String start, String end, int attendees) {
        return given().contentType(ContentType.JSON).body(branchBooking(start, end, attendees))
                .post(bookingsOf(stationId, roomId));
    }
}
