package sh.grassroots.systemtests;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every request the desk console can make (its table {@code ACTIONS} in console/api.js) taken
 * through the gateway by someone whose role or scope may take it, and by someone who may not: the
 * console takes no action the API would refuse, and its screens are the API's rules, nothing less
 * and nothing more. A request the table marks {@code open} (any signed-in person; the API decides
 * what each sees) is refused to another district's system, which has no person's role at all.
 * An action added to the console without a case here fails {@link #every_action_of_the_console_has_a_case}.
 */
@ExtendWith(Suite.class)
class ConsoleActionsRefusedTest {
    private static final String HUANGPU = "310101";
    private static final String YANGPU = "310110";
    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    private static final Pattern ACTION = Pattern.compile(
            "(\\w+): \\{ method: '(GET|POST|PUT|DELETE)', path: '([^']+)'(, open: true)? \\}");

    /** What the console's table says of one request. */
    record Action(String name, String method, String path, boolean open) {
    }

    /** Who may, who may not (and with which status and problem slugs), and the request itself. */
    record Case(Supplier<String> allowed, Supplier<String> refused, int status, List<String> slugs,
                Function<RequestSpecification, Response> call) {
    }

    /** A service's object-level refusals (platform/access): which one is the service's policy to say. */
    private static final List<String> NOT_YOURS = List.of("out-of-scope", "not-own-record");

    private static Map<String, String> ids;
    private static final AtomicSlots SLOTS = new AtomicSlots();

    static Map<String, Action> consoleActions() throws Exception {
        Path api = Path.of(System.getProperty("suite.root"), "console/src/main/resources/META-INF/resources/console/api.js");
        Matcher m = ACTION.matcher(Files.readString(api));
        Map<String, Action> actions = new LinkedHashMap<>();
        while (m.find()) {
            actions.put(m.group(1), new Action(m.group(1), m.group(2), m.group(3), m.group(4) != null));
        }
        return actions;
    }

    private static RequestSpecification as(String token) {
        RequestSpecification spec = given().baseUri(Suite.get().gateway()).contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    private static String person(String subject, String role, String district, String orgScope) {
        return Suite.get().token(subject, Set.of(role), district, orgScope);
    }

    private static String admin(String district) {
        return person("admin-" + district, "district_admin", district, null);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static final class AtomicSlots {
        private int next;

        synchronized OffsetDateTime next() {
            int n = next++;
            return LocalDate.now(SHANGHAI).plusDays(2 + n / 6).atTime(9 + 2 * (n % 6), 0).atOffset(SHANGHAI);
        }
    }

    @BeforeAll
    static void world() {
        Map<String, String> w = new LinkedHashMap<>();
        StringBuilder hours = new StringBuilder();
        for (String day : new String[]{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}) {
            hours.append(hours.length() == 0 ? "" : ",").append("{\"weekday\":\"").append(day)
                    .append("\",\"opens\":\"07:00\",\"closes\":\"22:00\"}");
        }
        w.put("manager", "refusal-manager-" + suffix());
        w.put("station", as(admin(HUANGPU)).body("{\"name\":\"服务站 " + suffix() + "\",\"districtCode\":\"" + HUANGPU
                        + "\",\"address\":\"中山东二路\",\"managers\":[\"" + w.get("manager") + "\"],\"openingHours\":[" + hours + "]}")
                .post("/api/v1/stations").then().statusCode(201).extract().path("id"));
        w.put("room", as(admin(HUANGPU)).body("{\"name\":\"外滩讲堂\",\"capacity\":60,\"requiresApproval\":true}")
                .post("/api/v1/stations/" + w.get("station") + "/rooms").then().statusCode(201).extract().path("id"));

        String committee = ConsoleBrowserTest.organization(YANGPU, "哔哩哔哩党委 " + suffix(), "COMMITTEE", null);
        String branch = ConsoleBrowserTest.organization(YANGPU, "UP主党支部 " + suffix(), "BRANCH", committee);
        String otherCommittee = ConsoleBrowserTest.organization(YANGPU, "东方证券党委 " + suffix(), "COMMITTEE", null);
        String otherBranch = ConsoleBrowserTest.organization(YANGPU, "第一党支部 " + suffix(), "BRANCH", otherCommittee);
        w.put("committee", committee);
        w.put("branch", branch);
        w.put("otherCommittee", otherCommittee);
        w.put("otherBranch", otherBranch);
        ConsoleBrowserTest.member(YANGPU, branch, "王小明");

        String organizer = admin(YANGPU);
        String course = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                as(organizer).body("{\"title\":\"党课 " + suffix() + "\",\"kind\":\"IMMERSIVE\",\"providerKind\":\"ORGANIZATION\","
                                + "\"providerId\":\"" + committee + "\",\"creditHours\":2}")
                        .post("/api/v1/training/courses").then().extract(), r -> r.statusCode() == 201).path("id");
        OffsetDateTime starts = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.HOURS);
        w.put("session", as(organizer).body("{\"startsAt\":\"" + starts + "\",\"endsAt\":\"" + starts.plusHours(2)
                        + "\",\"venueKind\":\"ADDRESS\",\"venue\":\"哔哩哔哩党群服务站\",\"capacity\":30,"
                        + "\"enrolmentOpensAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC).minusHours(1) + "\","
                        + "\"enrolmentClosesAt\":\"" + starts.minusDays(1) + "\",\"cancellationDeadline\":\"" + starts.minusDays(1) + "\"}")
                .post("/api/v1/training/courses/" + course + "/sessions").then().statusCode(201).extract().path("id"));

        String office = admin(HUANGPU);
        String conference = as(office).body("{\"name\":\"联席会议 " + suffix() + "\",\"hostDistrict\":\"" + HUANGPU
                + "\",\"foundedOn\":\"2018-12-01\"}").post("/api/v1/orgs/conferences").then().statusCode(201).extract().path("id");
        w.put("conference", conference);
        w.put("unitA", as(office).body("{\"name\":\"外滩投资\",\"sector\":\"DISTRICT_SOE\",\"joinedOn\":\"2018-12-01\"}")
                .post("/api/v1/orgs/conferences/" + conference + "/units").then().statusCode(201).extract().path("id"));
        w.put("unitB", as(office).body("{\"name\":\"太平洋保险\",\"sector\":\"CITY_SOE\",\"joinedOn\":\"2018-12-01\"}")
                .post("/api/v1/orgs/conferences/" + conference + "/units").then().statusCode(201).extract().path("id"));
        ids = w;
    }

    /** A member's request for the approval room, waiting for the managers. */
    private static String requested() {
        OffsetDateTime start = SLOTS.next();
        return as(person(UUID.randomUUID().toString(), "member", null, null)).body("{\"start\":\"" + start + "\",\"end\":\""
                        + start.plusHours(1) + "\",\"bookerKind\":\"MEMBER\",\"bookerName\":\"王小明\",\"purpose\":\"学习\",\"attendees\":5}")
                .post("/api/v1/stations/" + ids.get("station") + "/rooms/" + ids.get("room") + "/bookings").then()
                .statusCode(201).extract().path("id");
    }

    /** A transfer from the other committee's branch into the committee's branch, waiting for a decision. */
    private static String transfer() {
        String member = ConsoleBrowserTest.member(YANGPU, ids.get("otherBranch"), "李华");
        return as(admin(YANGPU)).body("{\"memberId\":\"" + member + "\",\"toOrganizationId\":\"" + ids.get("branch") + "\"}")
                .post("/api/v1/orgs/transfers").then().statusCode(201).extract().path("id");
    }

    private static String listing(String kind, String unit) {
        int year = LocalDate.now().getYear();
        return as(admin(HUANGPU)).body("{\"unitId\":\"" + unit + "\",\"category\":\"VENUE\",\"quantity\":5,\"availableFrom\":\""
                        + year + "-01-01\",\"availableUntil\":\"" + (year + 1) + "-12-31\",\"description\":\"场地\"}")
                .post("/api/v1/orgs/conferences/" + ids.get("conference") + "/" + kind).then().statusCode(201).extract().path("id");
    }

    private static String project(boolean active) {
        String id = as(admin(HUANGPU)).body("{\"name\":\"共建 " + suffix() + "\",\"matches\":[{\"offerId\":\""
                        + listing("offers", ids.get("unitA")) + "\",\"needId\":\"" + listing("needs", ids.get("unitB")) + "\"}]}")
                .post("/api/v1/orgs/conferences/" + ids.get("conference") + "/projects").then().statusCode(201).extract().path("id");
        if (active) {
            as(admin(HUANGPU)).body("{}").post("/api/v1/orgs/conferences/" + ids.get("conference") + "/projects/" + id + "/activate")
                    .then().statusCode(200);
        }
        return id;
    }

    private static Supplier<String> stationManager() {
        return () -> person(ids.get("manager"), "station_manager", HUANGPU, null);
    }

    private static Supplier<String> otherStationManager() {
        return () -> person("refusal-other-manager", "station_manager", YANGPU, null);
    }

    private static Supplier<String> organizer() {
        return () -> person("refusal-organizer", "organizer", YANGPU, ids.get("committee"));
    }

    private static Supplier<String> otherOrganizer() {
        return () -> person("refusal-other-organizer", "organizer", YANGPU, ids.get("otherCommittee"));
    }

    private static Supplier<String> trainingAdmin() {
        return () -> person("refusal-training", "training_admin", null, ids.get("committee"));
    }

    private static Supplier<String> otherTrainingAdmin() {
        return () -> person("refusal-other-training", "training_admin", null, ids.get("otherCommittee"));
    }

    /** Another district's system: no person's role at all. */
    private static Supplier<String> districtSystem() {
        return () -> Suite.get().districtServiceToken(HUANGPU);
    }

    private static Case open(Supplier<String> allowed, Function<RequestSpecification, Response> call) {
        return new Case(allowed, districtSystem(), 403, List.of("forbidden-route"), call);
    }

    private static Case scoped(Supplier<String> allowed, Supplier<String> refused, Function<RequestSpecification, Response> call) {
        return new Case(allowed, refused, 403, NOT_YOURS, call);
    }

    private static Case role(Supplier<String> allowed, Supplier<String> refused, Function<RequestSpecification, Response> call) {
        return new Case(allowed, refused, 403, List.of("forbidden-role"), call);
    }

    static Map<String, Case> cases() {
        String st = "/api/v1/stations/";
        Map<String, Case> c = new LinkedHashMap<>();
        c.put("stationsIRun", open(stationManager(), as -> as.get("/api/v1/stations")));
        c.put("station", open(otherStationManager(), as -> as.get(st + ids.get("station"))));
        c.put("rooms", open(otherStationManager(), as -> as.get(st + ids.get("station") + "/rooms")));
        c.put("bookingsOfWeek", open(otherStationManager(), as -> as.queryParam("date", LocalDate.now(SHANGHAI).toString())
                .queryParam("days", 7).get(st + ids.get("station") + "/bookings")));
        c.put("pendingApprovals", scoped(stationManager(), otherStationManager(),
                as -> as.get(st + ids.get("station") + "/bookings/pending")));
        c.put("booking", scoped(stationManager(), otherStationManager(),
                as -> as.get(st + ids.get("station") + "/bookings/" + requested())));
        c.put("approveBooking", scoped(stationManager(), otherStationManager(),
                as -> as.post(st + ids.get("station") + "/bookings/" + requested() + "/approve")));
        c.put("rejectBooking", scoped(stationManager(), otherStationManager(),
                as -> as.body("{\"reason\":\"另有安排\"}").post(st + ids.get("station") + "/bookings/" + requested() + "/reject")));
        c.put("checkInBooking", scoped(stationManager(), otherStationManager(),
                as -> as.post(st + ids.get("station") + "/bookings/" + requested() + "/check-in")));
        c.put("bookWalkIn", scoped(stationManager(), otherStationManager(), as -> {
            OffsetDateTime start = SLOTS.next();
            return as.body("{\"start\":\"" + start + "\",\"end\":\"" + start.plusHours(1) + "\",\"bookerKind\":\"PUBLIC\","
                            + "\"bookerName\":\"王女士\",\"bookerPhone\":\"13800138000\",\"purpose\":\"读书会\",\"attendees\":3}")
                    .post(st + ids.get("station") + "/rooms/" + ids.get("room") + "/bookings");
        }));
        c.put("addClosure", scoped(stationManager(), otherStationManager(), as -> as.body(
                "{\"start\":\"2031-06-01T00:00:00+08:00\",\"end\":\"2031-06-02T00:00:00+08:00\",\"reason\":\"检修\"}")
                .post(st + ids.get("station") + "/closures")));
        c.put("mediations", scoped(stationManager(), otherStationManager(), as -> as.get(st + ids.get("station") + "/mediations")));
        c.put("usage", scoped(stationManager(), otherStationManager(), as -> as.queryParam("from", "2026-01-01")
                .queryParam("to", "2026-12-31").get(st + ids.get("station") + "/usage")));

        String orgs = "/api/v1/orgs/";
        c.put("districtSizeReport", new Case(() -> admin(YANGPU), organizer(), 403, NOT_YOURS,
                as -> as.get(orgs + "districts/" + YANGPU + "/size-report")));
        c.put("organization", open(otherOrganizer(), as -> as.get(orgs + "organizations/" + ids.get("committee"))));
        c.put("subtreeSizes", scoped(organizer(), otherOrganizer(),
                as -> as.get(orgs + "organizations/" + ids.get("committee") + "/size-report")));
        c.put("descendants", scoped(organizer(), otherOrganizer(),
                as -> as.get(orgs + "organizations/" + ids.get("committee") + "/descendants")));
        c.put("members", scoped(organizer(), otherOrganizer(),
                as -> as.queryParam("homeOrganizationId", ids.get("branch")).get(orgs + "members")));
        c.put("affiliations", scoped(organizer(), otherOrganizer(),
                as -> as.get(orgs + "branches/" + ids.get("branch") + "/affiliations")));
        c.put("incomingTransfers", scoped(organizer(), otherOrganizer(),
                as -> as.queryParam("organizationId", ids.get("committee")).get(orgs + "transfers/incoming")));
        c.put("acceptTransfer", scoped(organizer(), otherOrganizer(), as -> as.post(orgs + "transfers/" + transfer() + "/accept")));
        c.put("rejectTransfer", scoped(organizer(), otherOrganizer(),
                as -> as.body("{\"reason\":\"不符合条件\"}").post(orgs + "transfers/" + transfer() + "/reject")));
        c.put("completeTransfer", scoped(organizer(), otherOrganizer(), as -> as.post(orgs + "transfers/" + transfer() + "/complete")));

        String tr = "/api/v1/training/";
        c.put("sessions", open(otherTrainingAdmin(), as -> as.get(tr + "sessions")));
        c.put("session", open(otherTrainingAdmin(), as -> as.get(tr + "sessions/" + ids.get("session"))));
        c.put("enrolments", scoped(trainingAdmin(), otherTrainingAdmin(),
                as -> as.get(tr + "sessions/" + ids.get("session") + "/enrolments")));
        c.put("checkInCode", role(trainingAdmin(), stationManager(),
                as -> as.get(tr + "sessions/" + ids.get("session") + "/check-in-code")));
        c.put("trainingOrganizations", open(trainingAdmin(), as -> as.get(tr + "organizations")));
        c.put("completionReport", scoped(trainingAdmin(), otherTrainingAdmin(),
                as -> as.get(tr + "completion-reports/" + ids.get("committee"))));

        String conf = "/api/v1/orgs/conferences";
        Supplier<String> office = () -> admin(HUANGPU);
        Supplier<String> notTheOffice = () -> admin(YANGPU);
        c.put("conferences", open(notTheOffice, as -> as.get(conf)));
        c.put("units", open(notTheOffice, as -> as.get(conf + "/" + ids.get("conference") + "/units")));
        c.put("chairTerms", open(notTheOffice, as -> as.get(conf + "/" + ids.get("conference") + "/chair-terms")));
        c.put("offers", open(notTheOffice, as -> as.get(conf + "/" + ids.get("conference") + "/offers")));
        c.put("needs", open(notTheOffice, as -> as.get(conf + "/" + ids.get("conference") + "/needs")));
        c.put("proposals", open(notTheOffice, as -> as.get(conf + "/" + ids.get("conference") + "/matches")));
        c.put("projects", open(notTheOffice, as -> as.get(conf + "/" + ids.get("conference") + "/projects")));
        c.put("proposeProject", scoped(office, notTheOffice, as -> as.body("{\"name\":\"共建\",\"matches\":[{\"offerId\":\""
                + listing("offers", ids.get("unitA")) + "\",\"needId\":\"" + listing("needs", ids.get("unitB")) + "\"}]}")
                .post(conf + "/" + ids.get("conference") + "/projects")));
        c.put("activateProject", scoped(office, notTheOffice, as -> as.body("{}")
                .post(conf + "/" + ids.get("conference") + "/projects/" + project(false) + "/activate")));
        c.put("closeProject", scoped(office, notTheOffice, as -> as.body("{}")
                .post(conf + "/" + ids.get("conference") + "/projects/" + project(true) + "/close")));
        return c;
    }

    @Test
    void every_action_of_the_console_has_a_case() throws Exception {
        Map<String, Action> actions = consoleActions();
        assertEquals(actions.keySet(), cases().keySet(), "one case per entry of ACTIONS in console/api.js");
        // the parser reads the whole table: a changed layout must not make it pass on nothing
        assertEquals(true, actions.size() >= 30, "ACTIONS read from console/api.js: " + actions.keySet());
    }

    @TestFactory
    List<DynamicTest> each_action_is_refused_to_a_role_that_may_not_take_it_and_allowed_to_one_that_may() throws Exception {
        Map<String, Action> actions = consoleActions();
        List<DynamicTest> tests = new ArrayList<>();
        cases().forEach((name, c) -> {
            Action action = actions.get(name);
            String label = name + " (" + (action == null ? "?" : action.method() + " " + action.path()) + ")";
            tests.add(DynamicTest.dynamicTest(label + ": refused with " + c.slugs(), () ->
                    c.call().apply(as(c.refused().get())).then().statusCode(c.status()).contentType("application/problem+json")
                            .body("type", oneOf(c.slugs().stream().map(slug -> "urn:grassroots:problem:" + slug).toArray()))));
            tests.add(DynamicTest.dynamicTest(label + ": allowed", () ->
                    c.call().apply(as(c.allowed().get())).then().statusCode(not(oneOf(401, 403, 404)))));
            tests.add(DynamicTest.dynamicTest(label + ": without a token, 401", () ->
                    c.call().apply(as(null)).then().statusCode(401)));
        });
        return tests;
    }
}
