package sh.grassroots.stations.access.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.platform.testing.Endpoints;
import sh.grassroots.platform.testing.Fuzz;
import sh.grassroots.stations.support.Projections;
import sh.grassroots.stations.support.TestClock;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every endpoint of service-station-service, with the callers it lets in and those it refuses,
 * against the real service and database. The world: 黄浦区's 老西门街道 committee with 小西门居民区党总支
 * and, below it, the 蓬莱路 temporary branch, which books; another branch elsewhere in 黄浦; the
 * riverside station 零距离 in 黄浦 run by its named manager; 哔哩哔哩's station in 杨浦 run by its own.
 * Calls that change a booking get a booking of their own, so that one caller's success never
 * changes what the next one meets. An allowed caller gets neither 401 nor 403 (a business rule may
 * still say no); a refused one gets 403 problem+json with the slug named; nobody without the
 * gateway's headers gets past 401.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StationAccessMatrixTest {
    static final String HUANGPU = "310101";
    static final String YANGPU = "310110";
    static final String STATIONS = "/api/v1/stations";
    static final String PROBLEM = "application/problem+json";

    @Inject
    TestClock clock;

    record World(UUID laoximen, UUID xiaoximen, UUID penglai, UUID elsewhere, UUID unit, String station,
                 String room, String approvalRoom, String seriesRoom, String otherStation) {
    }

    private static World world;
    private static final AtomicInteger SLOTS = new AtomicInteger();
    private static final AtomicInteger SERIES_SLOTS = new AtomicInteger();

    /** What one call is aimed at; fields an entry does not need are null. */
    record Target(OffsetDateTime start, String booking, String series, UUID member) {
    }

    record Who(String name, Function<Target, RequestSpecification> as) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Refused(Who who, String slug) {
    }

    record Entry(String endpoint, Supplier<Target> target, BiFunction<RequestSpecification, Target, Response> call,
                 List<Who> allowed, List<Refused> refused) {
    }

    static final Who MANAGER = new Who("the station's named manager",
            t -> AsCaller.stationManager("manager-lingjuli", HUANGPU));
    static final Who OTHER_MANAGER = new Who("the manager of 哔哩哔哩's station in 杨浦",
            t -> AsCaller.stationManager("manager-bilibili", YANGPU));
    static final Who ADMIN = new Who("the admin of 黄浦", t -> AsCaller.districtAdmin(HUANGPU));
    static final Who OTHER_ADMIN = new Who("the admin of 杨浦", t -> AsCaller.districtAdmin(YANGPU));
    static final Who SECRETARY = new Who("the secretary of the booking 蓬莱路 branch",
            t -> AsCaller.branchSecretary(world.penglai()));
    static final Who ORGANIZER = new Who("an organizer of 老西门街道, above the booking branch",
            t -> AsCaller.organizer(world.laoximen(), HUANGPU));
    static final Who OTHER_SECRETARY = new Who("the secretary of another 黄浦 branch",
            t -> AsCaller.branchSecretary(world.elsewhere()));
    static final Who BOOKING_MEMBER = new Who("the member whose bookings these are", t -> AsCaller.member(t.member()));
    static final Who SOMEONE = new Who("a member with nothing to do with it", t -> AsCaller.member(UUID.randomUUID()));
    static final Who SERVICE = new Who("another district's system", t -> AsCaller.service(YANGPU));

    static Refused outOfScope(Who who) {
        return new Refused(who, "out-of-scope");
    }

    static Refused notOwn(Who who) {
        return new Refused(who, "not-own-record");
    }

    static Refused service() {
        return new Refused(SERVICE, "service-identity-not-allowed");
    }

    @BeforeEach
    void setUp() {
        clock.reset();
        synchronized (StationAccessMatrixTest.class) {
            if (world == null) {
                UUID laoximen = UUID.randomUUID();
                UUID xiaoximen = UUID.randomUUID();
                UUID penglai = UUID.randomUUID();
                UUID elsewhere = UUID.randomUUID();
                UUID unit = UUID.randomUUID();
                Projections.knownOrganization(laoximen, null, HUANGPU);
                Projections.knownOrganization(xiaoximen, laoximen, HUANGPU);
                Projections.knownOrganization(penglai, xiaoximen, HUANGPU);
                Projections.knownOrganization(elsewhere, null, HUANGPU);
                Projections.knownMemberUnit(unit, HUANGPU);
                String station = station(HUANGPU, "manager-lingjuli");
                String other = station(YANGPU, "manager-bilibili");
                world = new World(laoximen, xiaoximen, penglai, elsewhere, unit, station,
                        room(station, "{\"name\":\"会议室\",\"capacity\":20}"),
                        room(station, "{\"name\":\"多功能厅\",\"capacity\":80,\"requiresApproval\":true}"),
                        room(station, "{\"name\":\"党员活动室\",\"capacity\":20}"), other);
            }
        }
    }

    private static String station(String district, String manager) {
        return json(AsCaller.districtAdmin(district), stationBody(district, manager)).post(STATIONS)
                .then().statusCode(201).extract().path("id");
    }

    private static String stationBody(String district, String manager) {
        return """
                {"name":"零距离党群服务站 %s","districtCode":"%s","address":"中山东二路","managers":["%s"],
                 "openingHours":[{"weekday":"MONDAY","opens":"09:00","closes":"21:00"},
                 {"weekday":"TUESDAY","opens":"09:00","closes":"21:00"},{"weekday":"WEDNESDAY","opens":"09:00","closes":"21:00"},
                 {"weekday":"THURSDAY","opens":"09:00","closes":"21:00"},{"weekday":"FRIDAY","opens":"09:00","closes":"21:00"},
                 {"weekday":"SATURDAY","opens":"09:00","closes":"21:00"}]}""".formatted(UUID.randomUUID(), district, manager);
    }

    private static String room(String station, String body) {
        return json(AsCaller.stationManager("manager-lingjuli", HUANGPU), body)
                .post(STATIONS + "/" + station + "/rooms").then().statusCode(201).extract().path("id");
    }

    static RequestSpecification json(RequestSpecification spec, String body) {
        return spec.contentType(ContentType.JSON).body(body);
    }

    /** The {@code n}th half-hour slot from Wednesday 2026-12-02 09:00 on, Monday to Saturday, 09:00-21:00. */
    private static OffsetDateTime slot(int n) {
        LocalDate day = LocalDate.of(2026, 12, 2);
        for (int i = 0; i < n / 24; i++) {
            day = day.plusDays(day.getDayOfWeek() == DayOfWeek.SATURDAY ? 2 : 1);
        }
        return OffsetDateTime.of(day, LocalTime.of(9, 0).plusMinutes(30L * (n % 24)), ZoneOffset.ofHours(8));
    }

    /** A slot no other call of this test uses. */
    private static OffsetDateTime freeSlot() {
        return slot(SLOTS.getAndIncrement());
    }

    /** A slot of the first week (Wednesday to Saturday) no other series of this test uses: its next week is free too. */
    private static OffsetDateTime freeSeriesSlot() {
        int n = SERIES_SLOTS.getAndIncrement();
        if (n >= 4 * 24) {
            throw new IllegalStateException("The series room's first week is full");
        }
        return slot(n);
    }

    static String bookingBody(OffsetDateTime start, String kind, Object bookerId) {
        return """
                {"start":"%s","end":"%s","bookerKind":"%s",%s"bookerName":"蓬莱路地块临时党支部","purpose":"居民议事会",
                 "attendees":8}""".formatted(start, start.plusMinutes(30), kind,
                bookerId == null ? "" : "\"bookerId\":\"" + bookerId + "\",");
    }

    static String mediationBody(OffsetDateTime start) {
        return """
                {"start":"%s","end":"%s","site":"蓬莱路地块","bookerKind":"ORGANIZATION","bookerId":"%s",
                 "bookerName":"蓬莱路地块临时党支部","residentsSecretary":"小西门居民区书记","expropriationOfficer":"经办人",
                 "lawyer":"律师","family":{"names":["陈家"],"phone":"13812345678"}}"""
                .formatted(start, start.plusMinutes(30), world.penglai());
    }

    // --- targets -------------------------------------------------------------------------------
    Target nothing() {
        return new Target(null, null, null, null);
    }

    Target aSlot() {
        return new Target(freeSlot(), null, null, null);
    }

    /** A booking of the 蓬莱路 branch, placed by its secretary. */
    Target penglaiBooked() {
        return booked(world.room());
    }

    Target penglaiRequested() {
        return booked(world.approvalRoom());
    }

    private Target booked(String room) {
        OffsetDateTime start = freeSlot();
        String id = json(AsCaller.branchSecretary(world.penglai()), bookingBody(start, "ORGANIZATION", world.penglai()))
                .post(STATIONS + "/" + world.station() + "/rooms/" + room + "/bookings")
                .then().statusCode(201).extract().path("id");
        return new Target(start, id, null, null);
    }

    Target penglaiSeries() {
        OffsetDateTime start = freeSeriesSlot();
        String series = json(AsCaller.branchSecretary(world.penglai()), seriesBody(start))
                .post(STATIONS + "/" + world.station() + "/rooms/" + world.seriesRoom() + "/bookings/series")
                .then().statusCode(201).extract().path("seriesId");
        return new Target(start, null, series, null);
    }

    Target aSeriesSlot() {
        return new Target(freeSeriesSlot(), null, null, null);
    }

    static String seriesBody(OffsetDateTime start) {
        return """
                {"start":"%s","end":"%s","rrule":"FREQ=WEEKLY;COUNT=2","mode":"ALL_OR_NOTHING","bookerKind":"ORGANIZATION",
                 "bookerId":"%s","bookerName":"蓬莱路地块临时党支部","purpose":"每周议事","attendees":8}"""
                .formatted(start, start.plusMinutes(30), world.penglai());
    }

    Target aMediation() {
        OffsetDateTime start = freeSlot();
        String id = json(AsCaller.branchSecretary(world.penglai()), mediationBody(start))
                .post(STATIONS + "/" + world.station() + "/rooms/" + world.room() + "/mediations")
                .then().statusCode(201).extract().path("booking.id");
        return new Target(start, id, null, null);
    }

    Target aMembersBooking() {
        UUID member = UUID.randomUUID();
        OffsetDateTime start = freeSlot();
        json(AsCaller.member(member), bookingBody(start, "MEMBER", null))
                .post(STATIONS + "/" + world.station() + "/rooms/" + world.room() + "/bookings").then().statusCode(201);
        return new Target(start, null, null, member);
    }

    String station() {
        return STATIONS + "/" + world.station();
    }

    String booking(Target t) {
        return station() + "/bookings/" + t.booking();
    }

    // --- the matrix ----------------------------------------------------------------------------
    static final List<Who> RUN_THE_STATION = List.of(MANAGER, ADMIN);
    static final List<Refused> DO_NOT_RUN_IT = List.of(outOfScope(OTHER_MANAGER), outOfScope(OTHER_ADMIN),
            outOfScope(SECRETARY), outOfScope(SOMEONE), service());
    static final List<Who> ANYONE = List.of(SOMEONE, OTHER_MANAGER, OTHER_SECRETARY, OTHER_ADMIN);
    static final List<Refused> ONLY_PEOPLE = List.of(service());
    static final List<Who> SIDE_OR_STATION = List.of(SECRETARY, ORGANIZER, MANAGER, ADMIN);
    static final List<Refused> NEITHER_SIDE_NOR_STATION = List.of(outOfScope(OTHER_SECRETARY), outOfScope(OTHER_MANAGER),
            outOfScope(OTHER_ADMIN), outOfScope(SOMEONE), service());

    List<Entry> entries() {
        return List.of(
                new Entry("POST /api/v1/stations", this::nothing,
                        (as, t) -> json(as, stationBody(HUANGPU, "manager-new")).post(STATIONS),
                        List.of(ADMIN),
                        List.of(outOfScope(OTHER_ADMIN), outOfScope(MANAGER), outOfScope(SECRETARY), outOfScope(SOMEONE),
                                service())),
                // A list of what the caller runs: anyone may ask, and who runs nothing gets an empty one.
                new Entry("GET /api/v1/stations", this::nothing, (as, t) -> as.get(STATIONS),
                        List.of(MANAGER, ADMIN, SOMEONE, SECRETARY), ONLY_PEOPLE),
                // The directory (near me, by district, service, open now): what anyone may see of a station.
                new Entry("GET /api/v1/stations/directory", this::nothing,
                        (as, t) -> as.queryParam("latitude", 31.3).queryParam("longitude", 121.5).get(STATIONS + "/directory"),
                        ANYONE, ONLY_PEOPLE),
                new Entry("GET /api/v1/stations/{stationId}", this::nothing, (as, t) -> as.get(station()),
                        ANYONE, ONLY_PEOPLE),
                new Entry("GET /api/v1/stations/{stationId}/rooms", this::nothing, (as, t) -> as.get(station() + "/rooms"),
                        ANYONE, ONLY_PEOPLE),
                new Entry("GET /api/v1/stations/{stationId}/bookings/pending", this::penglaiRequested,
                        (as, t) -> as.get(station() + "/bookings/pending"), RUN_THE_STATION, DO_NOT_RUN_IT),
                new Entry("GET /api/v1/stations/{stationId}/mediations", this::aMediation,
                        (as, t) -> as.queryParam("from", "2026-12-01").get(station() + "/mediations"),
                        RUN_THE_STATION, DO_NOT_RUN_IT),
                new Entry("GET /api/v1/stations/{stationId}/managers", this::nothing,
                        (as, t) -> as.get(station() + "/managers"), RUN_THE_STATION, DO_NOT_RUN_IT),
                new Entry("PUT /api/v1/stations/{stationId}/managers/{subject}", this::nothing,
                        (as, t) -> as.put(station() + "/managers/deputy-" + UUID.randomUUID()),
                        List.of(ADMIN),
                        List.of(outOfScope(MANAGER), outOfScope(OTHER_ADMIN), outOfScope(OTHER_MANAGER),
                                outOfScope(SOMEONE), service())),
                new Entry("DELETE /api/v1/stations/{stationId}/managers/{subject}", this::nothing,
                        (as, t) -> as.delete(station() + "/managers/deputy-" + UUID.randomUUID()),
                        List.of(ADMIN),
                        List.of(outOfScope(MANAGER), outOfScope(OTHER_ADMIN), outOfScope(OTHER_MANAGER),
                                outOfScope(SOMEONE), service())),
                new Entry("POST /api/v1/stations/{stationId}/closures", this::nothing,
                        (as, t) -> json(as, """
                                {"start":"2027-06-01T00:00:00+08:00","end":"2027-06-02T00:00:00+08:00","reason":"检修"}""")
                                .post(station() + "/closures"),
                        RUN_THE_STATION, DO_NOT_RUN_IT),
                new Entry("POST /api/v1/stations/{stationId}/rooms", this::nothing,
                        (as, t) -> json(as, "{\"name\":\"小会议室\",\"capacity\":6}").post(station() + "/rooms"),
                        RUN_THE_STATION, DO_NOT_RUN_IT),
                new Entry("GET /api/v1/stations/{stationId}/rooms/{roomId}", this::nothing,
                        (as, t) -> as.get(station() + "/rooms/" + world.room()), ANYONE, ONLY_PEOPLE),
                new Entry("POST /api/v1/stations/{stationId}/rooms/{roomId}/bookings", this::aSlot,
                        (as, t) -> json(as, bookingBody(t.start(), "ORGANIZATION", world.penglai()))
                                .post(station() + "/rooms/" + world.room() + "/bookings"),
                        List.of(SECRETARY, ORGANIZER, ADMIN),
                        List.of(outOfScope(OTHER_SECRETARY), outOfScope(MANAGER), outOfScope(OTHER_ADMIN),
                                outOfScope(SOMEONE), service())),
                new Entry("POST /api/v1/stations/{stationId}/rooms/{roomId}/bookings/series", this::aSeriesSlot,
                        (as, t) -> json(as, seriesBody(t.start()))
                                .post(station() + "/rooms/" + world.seriesRoom() + "/bookings/series"),
                        List.of(SECRETARY, ORGANIZER, ADMIN),
                        List.of(outOfScope(OTHER_SECRETARY), outOfScope(MANAGER), outOfScope(OTHER_ADMIN),
                                outOfScope(SOMEONE), service())),
                new Entry("GET /api/v1/stations/{stationId}/rooms/{roomId}/availability", this::nothing,
                        (as, t) -> as.queryParam("date", "2026-12-02").get(station() + "/rooms/" + world.room()
                                + "/availability"), ANYONE, ONLY_PEOPLE),
                new Entry("GET /api/v1/stations/{stationId}/availability", this::nothing,
                        (as, t) -> as.queryParam("date", "2026-12-02").get(station() + "/availability"),
                        ANYONE, ONLY_PEOPLE),
                new Entry("GET /api/v1/stations/{stationId}/bookings", this::nothing,
                        (as, t) -> as.queryParam("date", "2026-12-02").get(station() + "/bookings"),
                        ANYONE, ONLY_PEOPLE),
                new Entry("GET /api/v1/stations/{stationId}/bookings/{bookingId}", this::penglaiBooked,
                        (as, t) -> as.get(booking(t)), SIDE_OR_STATION, NEITHER_SIDE_NOR_STATION),
                new Entry("POST /api/v1/stations/{stationId}/bookings/{bookingId}/approve", this::penglaiRequested,
                        (as, t) -> as.post(booking(t) + "/approve"), RUN_THE_STATION, DO_NOT_RUN_IT),
                new Entry("POST /api/v1/stations/{stationId}/bookings/{bookingId}/reject", this::penglaiRequested,
                        (as, t) -> json(as, "{\"reason\":\"当天有区里的活动\"}").post(booking(t) + "/reject"),
                        RUN_THE_STATION, DO_NOT_RUN_IT),
                new Entry("POST /api/v1/stations/{stationId}/bookings/{bookingId}/cancel", this::penglaiBooked,
                        (as, t) -> json(as, "{\"reason\":\"改期\"}").post(booking(t) + "/cancel"),
                        SIDE_OR_STATION, NEITHER_SIDE_NOR_STATION),
                new Entry("POST /api/v1/stations/{stationId}/bookings/{bookingId}/check-in", this::penglaiBooked,
                        (as, t) -> as.post(booking(t) + "/check-in"), RUN_THE_STATION, DO_NOT_RUN_IT),
                new Entry("POST /api/v1/stations/{stationId}/bookings/series/{seriesId}/cancel", this::penglaiSeries,
                        (as, t) -> json(as, "{\"reason\":\"换了地点\"}").post(station() + "/bookings/series/" + t.series()
                                + "/cancel"),
                        SIDE_OR_STATION, NEITHER_SIDE_NOR_STATION),
                new Entry("GET /api/v1/stations/{stationId}/calendar.ics", this::nothing,
                        (as, t) -> as.get(station() + "/calendar.ics"), ANYONE, ONLY_PEOPLE),
                new Entry("GET /api/v1/stations/{stationId}/rooms/{roomId}/calendar.ics", this::nothing,
                        (as, t) -> as.get(station() + "/rooms/" + world.room() + "/calendar.ics"), ANYONE, ONLY_PEOPLE),
                new Entry("GET /api/v1/stations/{stationId}/usage", this::nothing,
                        (as, t) -> as.queryParam("from", "2026-12-01").queryParam("to", "2026-12-31")
                                .get(station() + "/usage"),
                        RUN_THE_STATION, DO_NOT_RUN_IT),
                new Entry("GET /api/v1/stations/people/{personId}/bookings", this::aMembersBooking,
                        (as, t) -> as.get(STATIONS + "/people/" + t.member() + "/bookings"),
                        List.of(BOOKING_MEMBER),
                        List.of(notOwn(SOMEONE), notOwn(MANAGER), notOwn(ADMIN), notOwn(SECRETARY), service())),
                new Entry("GET /api/v1/stations/organizations/{organizationId}/bookings.ics", this::nothing,
                        (as, t) -> as.get(STATIONS + "/organizations/" + world.penglai() + "/bookings.ics"),
                        List.of(SECRETARY, ORGANIZER, ADMIN),
                        List.of(outOfScope(OTHER_SECRETARY), outOfScope(MANAGER), outOfScope(OTHER_ADMIN),
                                outOfScope(SOMEONE), service())),
                new Entry("POST /api/v1/stations/{stationId}/rooms/{roomId}/mediations", this::aSlot,
                        (as, t) -> json(as, mediationBody(t.start())).post(station() + "/rooms/" + world.room()
                                + "/mediations"),
                        SIDE_OR_STATION, NEITHER_SIDE_NOR_STATION),
                new Entry("GET /api/v1/stations/{stationId}/mediations/{bookingId}", this::aMediation,
                        (as, t) -> as.get(station() + "/mediations/" + t.booking()), SIDE_OR_STATION,
                        NEITHER_SIDE_NOR_STATION),
                new Entry("POST /api/v1/stations/{stationId}/mediations/{bookingId}/outcome", this::aMediation,
                        (as, t) -> json(as, "{\"outcome\":\"AGREED\",\"summary\":\"签约\"}")
                                .post(station() + "/mediations/" + t.booking() + "/outcome"),
                        SIDE_OR_STATION, NEITHER_SIDE_NOR_STATION));
    }

    @Test
    void every_endpoint_has_an_entry_and_every_entry_an_endpoint() {
        Endpoints.assertCovered(entries().stream().map(Entry::endpoint).collect(Collectors.toSet()),
                Endpoints.of("sh.grassroots.stations"));
    }

    @TestFactory
    List<DynamicNode> each_endpoint_lets_in_whom_it_should_and_refuses_the_others() {
        List<DynamicNode> endpoints = new ArrayList<>();
        for (Entry entry : entries()) {
            List<DynamicTest> cases = new ArrayList<>();
            cases.add(DynamicTest.dynamicTest("without the gateway's caller headers: 401", () ->
                    entry.call().apply(AsCaller.anonymous(), entry.target().get()).then().statusCode(401)
                            .contentType(PROBLEM).body("type", equalTo("urn:grassroots:problem:unauthenticated"))));
            for (Who who : entry.allowed()) {
                cases.add(DynamicTest.dynamicTest(who + " is let in", () -> {
                    Target target = entry.target().get();
                    entry.call().apply(who.as().apply(target), target).then().statusCode(not(oneOf(401, 403, 404)));
                }));
            }
            for (Refused refused : entry.refused()) {
                cases.add(DynamicTest.dynamicTest(refused.who() + " is refused: " + refused.slug(), () -> {
                    Target target = entry.target().get();
                    entry.call().apply(refused.who().as().apply(target), target).then().statusCode(403)
                            .contentType(PROBLEM).body("type", equalTo("urn:grassroots:problem:" + refused.slug()));
                }));
            }
            endpoints.add(DynamicContainer.dynamicContainer(entry.endpoint(), cases));
        }
        return endpoints;
    }

    /**
     * An unknown id in the path: 404 for everyone, whether or not they could act on such an object.
     * A person's bookings are the exception: a person id names no record here, so another person's
     * (known or not) are 403 not-own-record, and one's own, none yet, an empty list.
     */
    @TestFactory
    List<DynamicTest> an_unknown_id_is_404_for_everyone() {
        String none = UUID.randomUUID().toString();
        String unknownStation = STATIONS + "/" + none;
        String room = world.room();
        OffsetDateTime slot = OffsetDateTime.parse("2026-12-02T10:00:00+08:00");
        Map<String, Function<RequestSpecification, Response>> calls = new LinkedHashMap<>();
        calls.put("GET /api/v1/stations/{stationId}", as -> as.get(unknownStation));
        calls.put("GET /api/v1/stations/{stationId}/managers", as -> as.get(unknownStation + "/managers"));
        calls.put("GET /api/v1/stations/{stationId}/rooms", as -> as.get(unknownStation + "/rooms"));
        calls.put("GET /api/v1/stations/{stationId}/bookings/pending", as -> as.get(unknownStation + "/bookings/pending"));
        calls.put("GET /api/v1/stations/{stationId}/mediations", as -> as.get(unknownStation + "/mediations"));
        calls.put("PUT /api/v1/stations/{stationId}/managers/{subject}", as -> as.put(unknownStation + "/managers/x"));
        calls.put("DELETE /api/v1/stations/{stationId}/managers/{subject}", as -> as.delete(unknownStation + "/managers/x"));
        calls.put("POST /api/v1/stations/{stationId}/closures", as -> json(as, """
                {"start":"2027-06-01T00:00:00+08:00","end":"2027-06-02T00:00:00+08:00","reason":"检修"}""")
                .post(unknownStation + "/closures"));
        calls.put("POST /api/v1/stations/{stationId}/rooms",
                as -> json(as, "{\"name\":\"x\",\"capacity\":6}").post(unknownStation + "/rooms"));
        calls.put("GET /api/v1/stations/{stationId}/rooms/{roomId}", as -> as.get(station() + "/rooms/" + none));
        calls.put("POST /api/v1/stations/{stationId}/rooms/{roomId}/bookings",
                as -> json(as, bookingBody(slot, "ORGANIZATION", world.penglai())).post(station() + "/rooms/" + none + "/bookings"));
        calls.put("POST /api/v1/stations/{stationId}/rooms/{roomId}/bookings/series",
                as -> json(as, seriesBody(slot)).post(unknownStation + "/rooms/" + room + "/bookings/series"));
        calls.put("GET /api/v1/stations/{stationId}/rooms/{roomId}/availability",
                as -> as.queryParam("date", "2026-12-02").get(station() + "/rooms/" + none + "/availability"));
        calls.put("GET /api/v1/stations/{stationId}/availability",
                as -> as.queryParam("date", "2026-12-02").get(unknownStation + "/availability"));
        calls.put("GET /api/v1/stations/{stationId}/bookings",
                as -> as.queryParam("date", "2026-12-02").get(unknownStation + "/bookings"));
        calls.put("GET /api/v1/stations/{stationId}/bookings/{bookingId}", as -> as.get(station() + "/bookings/" + none));
        calls.put("POST /api/v1/stations/{stationId}/bookings/{bookingId}/approve",
                as -> as.post(station() + "/bookings/" + none + "/approve"));
        calls.put("POST /api/v1/stations/{stationId}/bookings/{bookingId}/reject",
                as -> json(as, "{\"reason\":\"x\"}").post(station() + "/bookings/" + none + "/reject"));
        calls.put("POST /api/v1/stations/{stationId}/bookings/{bookingId}/cancel",
                as -> json(as, "{\"reason\":\"x\"}").post(station() + "/bookings/" + none + "/cancel"));
        calls.put("POST /api/v1/stations/{stationId}/bookings/{bookingId}/check-in",
                as -> as.post(station() + "/bookings/" + none + "/check-in"));
        calls.put("POST /api/v1/stations/{stationId}/bookings/series/{seriesId}/cancel",
                as -> json(as, "{\"reason\":\"x\"}").post(station() + "/bookings/series/" + none + "/cancel"));
        calls.put("GET /api/v1/stations/{stationId}/calendar.ics", as -> as.get(unknownStation + "/calendar.ics"));
        calls.put("GET /api/v1/stations/{stationId}/rooms/{roomId}/calendar.ics",
                as -> as.get(station() + "/rooms/" + none + "/calendar.ics"));
        calls.put("GET /api/v1/stations/{stationId}/usage",
                as -> as.queryParam("from", "2026-12-01").queryParam("to", "2026-12-31").get(unknownStation + "/usage"));
        calls.put("GET /api/v1/stations/organizations/{organizationId}/bookings.ics",
                as -> as.get(STATIONS + "/organizations/" + none + "/bookings.ics"));
        calls.put("POST /api/v1/stations/{stationId}/rooms/{roomId}/mediations",
                as -> json(as, mediationBody(slot)).post(station() + "/rooms/" + none + "/mediations"));
        calls.put("GET /api/v1/stations/{stationId}/mediations/{bookingId}",
                as -> as.get(station() + "/mediations/" + none));
        calls.put("POST /api/v1/stations/{stationId}/mediations/{bookingId}/outcome",
                as -> json(as, "{\"outcome\":\"AGREED\",\"summary\":\"x\"}").post(station() + "/mediations/" + none + "/outcome"));
        assertEquals(Endpoints.of("sh.grassroots.stations").stream()
                        .filter(e -> e.contains("{") && !e.contains("/people/{personId}")).collect(Collectors.toSet()),
                calls.keySet(), "every endpoint with an id in its path is tried with an unknown one");

        List<DynamicTest> cases = new ArrayList<>();
        calls.forEach((endpoint, call) -> {
            for (Who who : List.of(SOMEONE, ADMIN)) {
                cases.add(DynamicTest.dynamicTest(endpoint + " by " + who, () -> call.apply(who.as().apply(null)).then()
                        .statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:grassroots:problem:not-found"))));
            }
        });
        return cases;
    }

    /**
     * The inputs that once made writes answer 500 (a NUL character, a date in the year 300000, a
     * null inside a list, numbers at the edges, eight identical requests at once: platform/testing
     * {@link Fuzz}), sent to every write endpoint as its first allowed caller sends it; then every
     * read again, so that nothing the fuzz left behind breaks a later request. Last, so that what
     * it changes never meets the matrix's own calls.
     */
    @TestFactory
    @Order(Integer.MAX_VALUE)
    List<DynamicTest> no_input_makes_an_endpoint_answer_a_server_error() {
        List<DynamicTest> tests = new ArrayList<>();
        List<Entry> all = entries();
        for (Entry entry : all) {
            if (!entry.endpoint().startsWith("GET ")) {
                tests.add(DynamicTest.dynamicTest(entry.endpoint(), () -> {
                    Target target = entry.target().get();
                    Fuzz.Captured request = Fuzz.capture(entry.allowed().get(0).as().apply(target),
                            as -> entry.call().apply(as, target));
                    assertEquals(List.of(), Fuzz.problemsWith(request));
                }));
            }
        }
        for (Entry entry : all) {
            if (entry.endpoint().startsWith("GET ")) {
                tests.add(DynamicTest.dynamicTest("afterwards, still: " + entry.endpoint(), () -> {
                    Target target = entry.target().get();
                    Fuzz.Captured request = Fuzz.capture(entry.allowed().get(0).as().apply(target),
                            as -> entry.call().apply(as, target));
                    String problem = Fuzz.judge("after the fuzz", request, Fuzz.replay(request));
                    assertEquals(null, problem);
                }));
            }
        }
        return tests;
    }
}
