package sh.grassroots.systemtests;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desk console in a real headless Chromium, served by the packaged gateway in front of the
 * four services, signed in with the platform's tokens (pasted, as a token from the identity
 * provider would be): a station manager approves a pending booking and sees it confirmed; an
 * organizer finds the branch flagged for fewer than three full members; the conference office
 * matches an offer to a need. Each also shows a refusal the API makes reaching the screen as such.
 */
@ExtendWith(Suite.class)
class ConsoleBrowserTest {
    private static final String HUANGPU = "310101";
    private static final String YANGPU = "310110";
    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    static final Path SHOTS = Path.of(System.getProperty("suite.logs")).resolveSibling("console-screenshots");

    private static Browser browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        browser = Browser.start(Path.of(System.getProperty("suite.logs")), 1366, 900);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(Suite.get().gateway()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static String admin(String district) {
        return Suite.get().token("admin-" + district, Set.of("district_admin"), district, null);
    }

    /** Opens the console signed out, signs in with {@code token} and lands where the roles lead. */
    private static void signIn(String token, String screen) throws Exception {
        browser.open(Suite.get().gateway() + "/console");
        browser.script("sessionStorage.clear(); localStorage.clear()");
        browser.open(Suite.get().gateway() + "/console/index.html?fresh=" + UUID.randomUUID());
        browser.type("#token-input", token);
        browser.click("#token-signin button[type=submit]");
        browser.find("main[data-ready='" + screen + "']");
    }

    private static void go(String hash, String screen) throws Exception {
        browser.script("document.getElementById('main').removeAttribute('data-ready'); location.hash = arguments[0]", hash);
        browser.find("main[data-ready='" + screen + "']");
    }

    @Test
    void a_station_manager_approves_a_pending_booking_and_sees_it_confirmed() throws Exception {
        String manager = "console-manager-" + suffix();
        StringBuilder hours = new StringBuilder();
        for (String day : new String[]{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}) {
            hours.append(hours.length() == 0 ? "" : ",").append("{\"weekday\":\"").append(day)
                    .append("\",\"opens\":\"07:00\",\"closes\":\"22:00\"}");
        }
        String station = as(admin(HUANGPU)).body("{\"name\":\"金融品巷·零距离党群服务站 " + suffix() + "\",\"districtCode\":\"" + HUANGPU
                        + "\",\"address\":\"中山东二路\",\"managers\":[\"" + manager + "\"],\"openingHours\":[" + hours + "]}")
                .post("/api/v1/stations").then().statusCode(201).extract().path("id");
        String hall = as(admin(HUANGPU)).body("{\"name\":\"外滩讲堂\",\"capacity\":60,\"requiresApproval\":true}")
                .post("/api/v1/stations/" + station + "/rooms").then().statusCode(201).extract().path("id");
        as(admin(HUANGPU)).body("{\"name\":\"金融品巷会议室\",\"capacity\":16}")
                .post("/api/v1/stations/" + station + "/rooms").then().statusCode(201);
        String member = UUID.randomUUID().toString();
        LocalDate day = OffsetDateTime.now(SHANGHAI).toLocalDate().plusDays(1);
        OffsetDateTime start = day.atTime(14, 0).atOffset(SHANGHAI);
        String booking = as(Suite.get().token(member, Set.of("member"))).body("{\"start\":\"" + start + "\",\"end\":\""
                        + start.plusHours(2) + "\",\"bookerKind\":\"MEMBER\",\"bookerName\":\"王小明\",\"purpose\":\"青年理论学习小组\","
                        + "\"attendees\":30}")
                .post("/api/v1/stations/" + station + "/rooms/" + hall + "/bookings").then().statusCode(201)
                .body("status", equalTo("REQUESTED")).extract().path("id");

        // Another district's manager may open the station, sees the week as busy slots and is refused the approvals
        signIn(Suite.get().token("console-other-" + suffix(), Set.of("station_manager"), YANGPU, null), "station");
        go("#/station?station=" + station + "&week=" + day, "station");
        browser.waitForText("#calendar [data-booking='" + booking + "']", text -> text.contains("已预约"));
        assertFalse(browser.text("#calendar").contains("王小明"), "another district's manager sees no booker");
        browser.find("#pending .problem[data-slug='out-of-scope']");

        signIn(Suite.get().token(manager, Set.of("station_manager"), HUANGPU, null), "station");
        go("#/station?station=" + station + "&week=" + day, "station");
        browser.find("#calendar [data-booking='" + booking + "'][data-status='REQUESTED']");
        browser.waitForText("#pending li[data-booking='" + booking + "']", text -> text.contains("王小明"));
        browser.screenshot(SHOTS.resolve("station-pending.png"));
        browser.click("#pending li[data-booking='" + booking + "'] button[data-act='approve']");

        browser.find("#calendar [data-booking='" + booking + "'][data-status='CONFIRMED']");
        browser.waitForText("#calendar [data-booking='" + booking + "']", text -> text.contains("已确认"));
        browser.waitForNone("#pending li[data-booking='" + booking + "']");
        as(Suite.get().token(manager, Set.of("station_manager"), HUANGPU, null))
                .get("/api/v1/stations/" + station + "/bookings/" + booking).then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        browser.find("#usage svg.chart");
        browser.screenshot(SHOTS.resolve("station.png"));
    }

    @Test
    void an_organizer_opens_the_tree_and_finds_the_branch_with_fewer_than_three_full_members_flagged() throws Exception {
        String committee = organization(YANGPU, "哔哩哔哩党委 " + suffix(), "COMMITTEE", null);
        String small = organization(YANGPU, "UP主党支部 " + suffix(), "BRANCH", committee);
        String enough = organization(YANGPU, "哔哩哔哩第一党支部 " + suffix(), "BRANCH", committee);
        for (int i = 0; i < 2; i++) {
            member(YANGPU, small, "小支部党员" + i);
        }
        for (int i = 0; i < 4; i++) {
            member(YANGPU, enough, "第一支部党员" + i);
        }

        signIn(Suite.get().token("console-organizer-" + suffix(), Set.of("organizer"), YANGPU, committee), "org");
        String flagged = browser.waitForText("#tree li[data-org='" + small + "'] > .node",
                text -> text.contains("正式党员不足3人"));
        assertTrue(flagged.contains("正式 2"), flagged);
        assertTrue(browser.script("return document.querySelector(arguments[0]).dataset.flags", "#tree li[data-org='" + small + "']")
                .asText().contains("size-branch-needs-three-full-members"));
        String fine = browser.text("#tree li[data-org='" + enough + "'] > .node");
        assertFalse(fine.contains("⚑"), fine);
        assertTrue(fine.contains("正式 4"), fine);

        browser.click("#tree li[data-org='" + small + "'] > .node button");
        browser.waitForText("#branch", text -> text.contains("小支部党员1"));
        browser.screenshot(SHOTS.resolve("org-tree.png"));
        // The district's size report is its admin's alone: the organizer's screen does not offer it, and the API agrees.
        as(Suite.get().token("console-organizer", Set.of("organizer"), YANGPU, committee))
                .get("/api/v1/orgs/districts/" + YANGPU + "/size-report").then().statusCode(403);
    }

    @Test
    void the_conference_office_matches_an_offer_to_a_need() throws Exception {
        String office = admin(HUANGPU);
        String conference = as(office).body("{\"name\":\"滨江党建·金融外滩 " + suffix() + "\",\"hostDistrict\":\"" + HUANGPU
                + "\",\"foundedOn\":\"2018-12-01\"}").post("/api/v1/orgs/conferences").then().statusCode(201).extract().path("id");
        String investment = unit(office, conference, "外滩投资", "DISTRICT_SOE");
        String insurer = unit(office, conference, "太平洋保险", "CITY_SOE");
        unit(office, conference, "小东门街道", "SUB_DISTRICT");
        int year = LocalDate.now().getYear();
        String offer = as(office).body(listing(investment, "VENUE", 24, "金融品巷·零距离党群服务站", year))
                .post("/api/v1/orgs/conferences/" + conference + "/offers").then().statusCode(201).extract().path("id");
        String need = as(office).body(listing(insurer, "VENUE", 12, "南外滩金融白领学习交流场地", year))
                .post("/api/v1/orgs/conferences/" + conference + "/needs").then().statusCode(201).extract().path("id");
        String match = "#conference-proposals tr[data-offer='" + offer + "'][data-need='" + need + "'] button[data-act='match']";

        // Another district's admin reads the conference, but the API refuses them the match, and the screen says so
        signIn(admin(YANGPU), "org");
        go("#/conference?conference=" + conference, "conference");
        browser.click(match);
        browser.find("#conference-proposals .problem[data-slug='out-of-scope']");
        as(office).get("/api/v1/orgs/conferences/" + conference + "/projects").then().statusCode(200)
                .body("items.size()", equalTo(0));

        signIn(office, "org");
        go("#/conference?conference=" + conference, "conference");
        browser.waitForText("#units", text -> text.contains("外滩投资") && text.contains("区属国企"));
        browser.screenshot(SHOTS.resolve("conference.png"));
        browser.click(match);
        String project = browser.waitForText("#projects li[data-status='PROPOSED']", text -> text.contains("外滩投资"));
        assertTrue(project.contains("太平洋保险"), project);
        // the need (12 places) is covered in full, the offer (24) keeps the other half
        as(office).get("/api/v1/orgs/conferences/" + conference + "/needs/" + need).then().statusCode(200)
                .body("remaining", equalTo(0));
        as(office).get("/api/v1/orgs/conferences/" + conference + "/offers/" + offer).then().statusCode(200)
                .body("remaining", equalTo(12));
    }

    private static String unit(String office, String conference, String name, String sector) {
        return as(office).body("{\"name\":\"" + name + "\",\"sector\":\"" + sector + "\",\"joinedOn\":\"2018-12-01\"}")
                .post("/api/v1/orgs/conferences/" + conference + "/units").then().statusCode(201).extract().path("id");
    }

    private static String listing(String unit, String category, int quantity, String description, int year) {
        return "{\"unitId\":\"" + unit + "\",\"category\":\"" + category + "\",\"quantity\":" + quantity
                + ",\"availableFrom\":\"" + year + "-01-01\",\"availableUntil\":\"" + (year + 1) + "-12-31\",\"description\":\""
                + description + "\"}";
    }

    static String organization(String district, String name, String kind, String parent) {
        return as(admin(district)).body("{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"districtCode\":\"" + district + "\""
                        + (parent == null ? "" : ",\"parentId\":\"" + parent + "\"") + "}")
                .post("/api/v1/orgs/organizations").then().statusCode(201).extract().path("id");
    }

    static String member(String district, String branch, String name) {
        return as(admin(district)).body("{\"name\":\"" + name + "\",\"idNumber\":\"" + IdNumbers.next() + "\","
                        + "\"homeOrganizationId\":\"" + branch + "\",\"admittedOn\":\"2018-07-01\",\"fullSince\":\"2019-07-01\"}")
                .post("/api/v1/orgs/members").then().statusCode(201).extract().path("id");
    }
}
