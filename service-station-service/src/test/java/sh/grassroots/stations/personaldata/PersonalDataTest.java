package sh.grassroots.stations.personaldata;

import db.migration.V7__encrypt_personal_data;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.persistence.PersonalDataProtector;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.stations.support.Api;
import sh.grassroots.stations.support.Projections;
import sh.grassroots.stations.support.TestClock;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.stations.support.Api.STATIONS;
import static sh.grassroots.stations.support.Api.aRoom;
import static sh.grassroots.stations.support.Api.aStation;
import static sh.grassroots.stations.support.Api.asManager;
import static sh.grassroots.stations.support.Api.asSecretaryOf;
import static sh.grassroots.stations.support.Api.asSomeone;
import static sh.grassroots.stations.support.Api.booking;
import static sh.grassroots.stations.support.Api.bookingsOf;
import static sh.grassroots.stations.support.Api.branchBooking;

/**
 * Walk-ins' phones and the families at a mediation: stored encrypted, shown in clear to the
 * station's managers only (a phone only when they open the one record), masked to the booker's
 * side, and left out of what everyone else sees of a day.
 */
@QuarkusTest
class PersonalDataTest {
    private static final String WED_14 = "2026-12-02T14:00:00+08:00";
    private static final String WED_16 = "2026-12-02T16:00:00+08:00";

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    PersonalDataProtector protector;

    String station;
    String room;

    @BeforeEach
    void setUp() {
        clock.reset();
        station = aStation();
        room = aRoom(station, 20);
    }

    private String walkIn(String start, String end) {
        return asManager().contentType(ContentType.JSON).body("""
                        {"start":"%s","end":"%s","bookerKind":"PUBLIC","bookerName":"王女士","bookerPhone":"13812345678",
                         "purpose":"读书会","attendees":6}""".formatted(start, end))
                .post(bookingsOf(station, room)).then().statusCode(201).extract().path("id");
    }

    @Test
    void a_walk_ins_phone_is_stored_encrypted_and_given_in_clear_only_to_a_manager_opening_the_booking() throws Exception {
        String id = walkIn(WED_14, WED_16);

        String stored = single("select booker_phone from booking where id = '" + id + "'");
        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains("13812345678"), stored);
        assertEquals("13812345678", protector.decrypt(stored));

        asManager().get(booking(station, id)).then().statusCode(200).body("bookerPhone", equalTo("13812345678"));
        asManager().queryParam("date", "2026-12-02").get(STATIONS + "/" + station + "/bookings").then()
                .body("[0].bookerPhone", equalTo("138****5678")).body("[0].bookerName", equalTo("王女士"));
        AsCaller.stationManager("manager-bilibili", "310110").get(booking(station, id)).then().statusCode(403);
    }

    @Test
    void others_see_a_days_bookings_as_busy_slots_while_the_booker_sees_their_own_in_full() {
        String branch = UUID.randomUUID().toString();
        String ours = asSecretaryOf(branch).contentType(ContentType.JSON).body(branchBooking(branch, WED_14, WED_16, 10))
                .post(bookingsOf(station, room)).then().statusCode(201).extract().path("id");
        String walkIn = walkIn(WED_16, "2026-12-02T18:00:00+08:00");

        asSomeone().queryParam("date", "2026-12-02").get(STATIONS + "/" + station + "/bookings").then().statusCode(200)
                .body("id", contains(ours, walkIn))
                .body("busy", contains(true, true))
                .body("start", contains(WED_14, WED_16))
                .body("bookerName", contains(nullValue(), nullValue()))
                .body("purpose", contains(nullValue(), nullValue()))
                .body("bookerPhone", contains(nullValue(), nullValue()))
                .body(not(containsString("王女士")))
                // the walk-in's number in either form it is ever written in, masked or clear
                .body(not(containsString("138****5678")))
                .body(not(containsString("13812345678")));
        asSecretaryOf(branch).queryParam("date", "2026-12-02").get(STATIONS + "/" + station + "/bookings").then()
                .body("busy", contains(false, true))
                .body("[0].purpose", equalTo("主题党日"))
                .body("[1].bookerPhone", nullValue());
        asManager().queryParam("date", "2026-12-02").get(STATIONS + "/" + station + "/bookings").then()
                .body("busy", contains(false, false))
                .body("bookerName", contains("第一党支部", "王女士"));
    }

    @Test
    void a_calendar_feed_names_bookers_for_the_managers_only_and_shows_others_bookings_as_taken() {
        walkIn(WED_14, WED_16);
        String feed = asSomeone().get(STATIONS + "/" + station + "/calendar.ics").then().statusCode(200)
                .extract().asString();
        assertTrue(feed.contains("SUMMARY:已预约"), feed);
        assertFalse(feed.contains("读书会") || feed.contains("王女士"), feed);

        String managersFeed = asManager().get(STATIONS + "/" + station + "/rooms/" + room + "/calendar.ics").then()
                .statusCode(200).extract().asString();
        assertTrue(managersFeed.contains("SUMMARY:读书会") && managersFeed.contains("DESCRIPTION:王女士"), managersFeed);
    }

    @Test
    void a_mediations_family_is_stored_encrypted_in_clear_to_the_station_and_masked_to_the_arranging_branch()
            throws Exception {
        String site = UUID.randomUUID().toString();
        Projections.knownOrganization(site, null, Api.DISTRICT);
        String id = asSecretaryOf(site).contentType(ContentType.JSON).body("""
                        {"start":"%s","end":"%s","site":"蓬莱路地块","bookerKind":"ORGANIZATION","bookerId":"%s",
                         "bookerName":"蓬莱路地块临时党支部","residentsSecretary":"小西门居民区书记","expropriationOfficer":"经办人",
                         "lawyer":"律师","family":{"names":["陈阿姨","陈先生"],"phone":"13900001111"}}"""
                        .formatted(WED_14, WED_16, site))
                .post(STATIONS + "/" + station + "/rooms/" + room + "/mediations").then().statusCode(201)
                .body("family.names", contains("陈**", "陈**"))
                .body("family.phone", equalTo("139****1111"))
                .extract().path("booking.id");

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select family_names, family_phone from mediation where booking_id = '" + id + "'")) {
            rs.next();
            String[] names = (String[]) rs.getArray(1).getArray();
            assertEquals(2, names.length);
            for (String name : names) {
                assertTrue(name.startsWith("v1:") && !name.contains("陈"), name);
            }
            assertEquals(List.of("陈阿姨", "陈先生"), List.of(protector.decrypt(names[0]), protector.decrypt(names[1])));
            assertEquals("13900001111", protector.decrypt(rs.getString(2)));
        }

        asManager().get(STATIONS + "/" + station + "/mediations/" + id).then().statusCode(200)
                .body("family.names", contains("陈阿姨", "陈先生"))
                .body("family.phone", equalTo("13900001111"));
        asSecretaryOf(site).get(STATIONS + "/" + station + "/mediations/" + id).then().statusCode(200)
                .body("family.names", hasItem("陈**"))
                .body(not(containsString("13900001111")));
        asSomeone().get(STATIONS + "/" + station + "/mediations/" + id).then().statusCode(403);
    }

    @Test
    void rows_stored_in_clear_before_encryption_are_sealed_by_the_java_migration_and_sealed_ones_left_alone()
            throws Exception {
        String roomId = room;
        UUID legacyBooking = UUID.randomUUID();
        UUID legacyMediation = UUID.randomUUID();
        String alreadySealed = protector.encrypt("13700002222");
        UUID sealedBooking = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            insertBooking(c, legacyBooking, roomId, "2026-12-09T10:00:00+08:00", "13812345678");
            insertBooking(c, sealedBooking, roomId, "2026-12-09T12:00:00+08:00", alreadySealed);
            insertBooking(c, legacyMediation, roomId, "2026-12-09T14:00:00+08:00", null);
            try (PreparedStatement s = c.prepareStatement("insert into mediation (booking_id, site, residents_secretary,"
                    + " expropriation_officer, lawyer, family_names, family_phone) values (?, '蓬莱路', '书记', '经办人', '律师', ?, ?)")) {
                s.setObject(1, legacyMediation);
                s.setArray(2, c.createArrayOf("text", new String[]{"陈家"}));
                s.setString(3, "13900001111");
                s.executeUpdate();
            }

            c.setAutoCommit(false);
            int changed = V7__encrypt_personal_data.sealStoredPersonalData(c, protector);
            c.commit();
            c.setAutoCommit(true);
            assertTrue(changed >= 2, "changed " + changed);
        }

        assertEquals("13812345678", protector.decrypt(single("select booker_phone from booking where id = '" + legacyBooking + "'")));
        assertEquals(alreadySealed, single("select booker_phone from booking where id = '" + sealedBooking + "'"));
        assertEquals("13900001111", protector.decrypt(single("select family_phone from mediation where booking_id = '"
                + legacyMediation + "'")));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select family_names from mediation where booking_id = '" + legacyMediation + "'")) {
            rs.next();
            Array names = rs.getArray(1);
            assertEquals("陈家", protector.decrypt(((String[]) names.getArray())[0]));
        }
        assertEquals("1", single("select count(*) from flyway_schema_history where version = '7' and type = 'JDBC'"
                + " and success"));
    }

    private void insertBooking(Connection c, UUID id, String roomId, String start, String phone) throws Exception {
        try (PreparedStatement s = c.prepareStatement("insert into booking (id, room_id, station_id, starts_at, ends_at,"
                + " status, booker_kind, booker_name, booker_phone, purpose, attendees, created_at, updated_at)"
                + " values (?, ?::uuid, ?::uuid, ?::timestamptz, ?::timestamptz + interval '1 hour', 'CONFIRMED', 'PUBLIC',"
                + " '王女士', ?, '读书会', 4, now(), now())")) {
            s.setObject(1, id);
            s.setString(2, roomId);
            s.setString(3, station);
            s.setString(4, start);
            s.setString(5, start);
            s.setString(6, phone);
            s.executeUpdate();
        }
    }

    private String single(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
