package sh.grassroots.stations.support;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import sh.grassroots.platform.testing.AsCaller;

import java.util.UUID;

/**
 * Sets up stations and rooms through the API, in domain words, as the people who do it: the
 * district's admin sets up a station and names its manager, who adds rooms and runs the desk; a
 * branch's secretary books in the branch's name.
 */
public final class Api {
    public static final String STATIONS = "/api/v1/stations";
    /** 黄浦区, where the test stations are. */
    public static final String DISTRICT = "310101";
    /** The subject of the person named manager of every station {@link #aStation()} sets up. */
    public static final String MANAGER = "manager-jinrong-pinxiang";

    private Api() {
    }

    /** The station's manager at the desk. */
    public static RequestSpecification asManager() {
        return AsCaller.stationManager(MANAGER, DISTRICT);
    }

    /** The admin of the stations' district. */
    public static RequestSpecification asAdmin() {
        return AsCaller.districtAdmin(DISTRICT);
    }

    /** The secretary of branch {@code branchId}, a branch stations knows (made known if it was not). */
    public static RequestSpecification asSecretaryOf(String branchId) {
        Projections.knownOrganization(branchId, null, DISTRICT);
        return AsCaller.branchSecretary(branchId);
    }

    /** Any signed-in member with nothing to do with the station or its bookings. */
    public static RequestSpecification asSomeone() {
        return AsCaller.member(UUID.randomUUID());
    }

    /** A riverside station open 09:00-21:00 Monday to Saturday, shut on Sundays, run by {@link #MANAGER}. */
    public static String aStation() {
        StringBuilder hours = new StringBuilder();
        for (String day : new String[]{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"}) {
            if (hours.length() > 0) {
                hours.append(',');
            }
            hours.append("{\"weekday\":\"").append(day).append("\",\"opens\":\"09:00\",\"closes\":\"21:00\"}");
        }
        return asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"金融品巷·零距离党群服务站 " + UUID.randomUUID() + "\",\"districtCode\":\"" + DISTRICT + "\","
                        + "\"address\":\"中山东二路\",\"latitude\":31.2304,\"longitude\":121.4910,"
                        + "\"hostUnits\":[\"太平洋保险\",\"外滩投资\",\"小东门街道\"],\"services\":[\"党课\",\"阅读\"],"
                        + "\"managers\":[\"" + MANAGER + "\"],\"openingHours\":[" + hours + "]}")
                .post(STATIONS).then().statusCode(201).extract().path("id");
    }

    /** A meeting room for {@code capacity} with standard terms (1 h notice, 30 min-4 h, cancel 2 h ahead). */
    public static String aRoom(String stationId, int capacity) {
        return aRoom(stationId, "{\"name\":\"会议室\",\"capacity\":" + capacity + "}");
    }

    public static String aRoom(String stationId, String json) {
        return asManager().contentType(ContentType.JSON).body(json)
                .post(STATIONS + "/" + stationId + "/rooms").then().statusCode(201).extract().path("id");
    }

    public static String bookingsOf(String stationId, String roomId) {
        return STATIONS + "/" + stationId + "/rooms/" + roomId + "/bookings";
    }

    public static String booking(String stationId, String bookingId) {
        return STATIONS + "/" + stationId + "/bookings/" + bookingId;
    }

    /** A branch's booking request body; times are ISO-8601 with offset. */
    public static String branchBooking(String branchId, String start, String end, int attendees) {
        return "{\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"bookerKind\":\"ORGANIZATION\","
                + "\"bookerId\":\"" + branchId + "\",\"bookerName\":\"第一党支部\","
                + "\"purpose\":\"主题党日\",\"attendees\":" + attendees + "}";
    }

    /** Branch {@code branchId} books, through its secretary. */
    public static Response bookAs(String branchId, String stationId, String roomId, String start, String end) {
        return asSecretaryOf(branchId).contentType(ContentType.JSON).body(branchBooking(branchId, start, end, 10))
                .post(bookingsOf(stationId, roomId));
    }

    /** A branch (a new one each time) books, through its secretary. */
    public static Response book(String stationId, String roomId, String start, String end, int attendees) {
        String branch = UUID.randomUUID().toString();
        return asSecretaryOf(branch).contentType(ContentType.JSON).body(branchBooking(branch, start, end, attendees))
                .post(bookingsOf(stationId, roomId));
    }
}
