package sh.grassroots.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The article's figures and stories, as the demo shows them: {@code local/demo/load.sh}, the script
 * bin/run loads, is run against the suite's gateway (with tokens the suite signs instead of the
 * local run's dev tokens), then everything is read back through the gateway as its users would.
 */
@ExtendWith(Suite.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleDemoTest {
    private static final String YANGPU = "310110";
    private static final String HUANGPU = "310101";
    private static final String CHONGMING = "310151";
    private static final String ORGS = "/api/v1/orgs/organizations";

    private final Map<String, String> ids = new HashMap<>();
    private String demoLog;

    @BeforeAll
    void loadTheDemo() throws Exception {
        Path root = Path.of(System.getProperty("suite.root")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("suite.logs"));
        Path idFile = logs.resolve("demo-ids.txt");
        Path log = logs.resolve("demo-load.log");
        ProcessBuilder load = new ProcessBuilder("bash", root.resolve("local/demo/load.sh").toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        load.environment().put("GATEWAY", Suite.get().gateway());
        load.environment().put("DEMO_IDS", idFile.toString());
        for (String district : List.of(YANGPU, HUANGPU, CHONGMING)) {
            load.environment().put("DEMO_TOKEN_" + district, Suite.get().token("demo-loader-" + district,
                    Set.of("district_admin"), district, null, Duration.ofHours(2)));
        }
        Process process = load.start();
        boolean finished = process.waitFor(40, TimeUnit.MINUTES);
        demoLog = Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, "the demo did not load within 40 minutes:\n" + demoLog);
        assertEquals(0, process.exitValue(), () -> "the demo failed to load:\n" + demoLog);
        for (String line : Files.readAllLines(idFile, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            ids.put(line.substring(0, eq), line.substring(eq + 1));
        }
    }

    @Test
    void bilibilis_committee_has_ten_branches_holding_its_440_registered_members() {
        JsonPath descendants = as(admin(YANGPU)).queryParam("limit", 500).get(ORGS + "/" + ids.get("bili") + "/descendants")
                .then().statusCode(200).extract().jsonPath();
        List<String> memberBranches = descendants.getList("items.findAll { it.kind == 'BRANCH' && it.form.type == 'ORDINARY' }.name");
        assertEquals(10, memberBranches.size(), () -> "ordinary branches: " + memberBranches);
        // besides them, the functional UP主 branch and the directly managed Beijing branch, which hold no records
        assertEquals(Set.of("FUNCTIONAL", "DIRECTLY_MANAGED"),
                new HashSet<>(descendants.getList("items.findAll { it.kind == 'BRANCH' && it.form.type != 'ORDINARY' }.form.type")));
        as(admin(YANGPU)).get(ORGS + "/" + ids.get("bili") + "/member-counts").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(440));
    }

    /**
     * The branch's affiliates are exactly the members its criteria select: each affiliate's own
     * attributes meet "based in Shanghai, video making as main work, large follower count", and no
     * other member of 哔哩哔哩 does (the branch's candidates, those selected but not affiliated, is empty).
     */
    @Test
    void the_up_zhu_branchs_affiliates_are_the_members_its_criteria_select() {
        String up = ids.get("up");
        List<String> affiliates = as(admin(YANGPU)).queryParam("limit", 500).get("/api/v1/orgs/branches/" + up + "/affiliations")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.endedOn == null }.memberId");
        assertEquals(Integer.parseInt(ids.get("creators")), affiliates.size(), () -> "affiliates " + affiliates);
        for (String member : affiliates) {
            JsonPath attributes = as(admin(YANGPU)).get("/api/v1/orgs/members/" + member + "/attributes")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("上海", attributes.getString("attributes.city"), member);
            assertEquals("视频创作", attributes.getString("attributes.mainWork"), member);
            assertTrue(Long.parseLong(attributes.getString("attributes.followers")) >= 10_000, member);
        }
        as(admin(YANGPU)).queryParam("limit", 500).get("/api/v1/orgs/branches/" + up + "/candidates").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void the_penglai_road_temporary_branches_take_on_residents_of_xiaoximen() {
        Set<String> xiaoximenBranches = new HashSet<>(as(admin(HUANGPU)).queryParam("limit", 500)
                .get(ORGS + "/" + ids.get("xiaoximen") + "/descendants").then().statusCode(200)
                .extract().jsonPath().getList("items.id"));
        for (String temporary : List.of(ids.get("penglai1"), ids.get("penglai2"))) {
            as(admin(HUANGPU)).get(ORGS + "/" + temporary).then().statusCode(200).body("form.type",
                    org.hamcrest.Matchers.equalTo("TEMPORARY"));
            List<String> affiliates = as(admin(HUANGPU)).queryParam("limit", 500)
                    .get("/api/v1/orgs/branches/" + temporary + "/affiliations").then().statusCode(200)
                    .extract().jsonPath().getList("items.memberId");
            assertFalse(affiliates.isEmpty(), temporary);
            for (String member : affiliates) {
                String home = as(admin(HUANGPU)).get("/api/v1/orgs/members/" + member).then().statusCode(200)
                        .extract().path("homeOrganizationId");
                assertTrue(xiaoximenBranches.contains(home), () -> member + " lives outside 小西门: " + home);
            }
        }
    }

    /**
     * 园艺村: 3.1 km², 835 households, 62 members in three grids, "one grid per square kilometre with
     * 15 to 20 members". The article's figures round: 62 members cannot sit in three grids of at most
     * 20, so each grid is checked against the guideline as rounded (15 to 21: 62 / 3 is 20.7), and the
     * grid check must flag exactly the grids above the strict 20 as above the guideline.
     */
    @Test
    void yuanyi_village_has_three_grids_of_about_twenty_members_covering_its_area_and_835_households() {
        JsonPath check = as(admin(CHONGMING)).get("/api/v1/orgs/villages/" + ids.get("yuanyi") + "/grid-check")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, check.getInt("grids"));
        assertEquals(List.of(), check.getList("missingNumbers"));
        assertEquals(3.1, check.getDouble("villageAreaKm2"), 0.0001);
        assertEquals(3.1, check.getDouble("gridAreaKm2"), 0.0001);
        assertEquals(835, check.getInt("villageHouseholds"));
        assertEquals(835, check.getInt("gridHouseholds"));
        List<Integer> members = check.getList("gridList.members", Integer.class);
        assertEquals(62, members.stream().mapToInt(Integer::intValue).sum());
        List<String> aboveGuideline = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            int m = members.get(i);
            assertTrue(m >= 15 && m <= 21, () -> "grid with " + m + " members, outside the rounded 15-20");
            if (m > 20) {
                aboveGuideline.add(check.getString("gridList[" + i + "].organizationId"));
            }
        }
        assertEquals(aboveGuideline, check.getList("flags.findAll { it.rule == 'grid-members-above-guideline' }.organizationId"));
        assertEquals(List.of(), check.getList("flags.findAll { it.rule != 'grid-members-above-guideline' }.rule"));
        as(admin(CHONGMING)).get(ORGS + "/" + ids.get("yuanyi") + "/member-counts").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(62));
    }

    @Test
    void the_bund_finance_conference_has_its_16_units_a_chair_this_year_and_an_active_financial_lane() {
        String conference = "/api/v1/orgs/conferences/" + ids.get("conference");
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        List<String> units = as(admin(HUANGPU)).queryParam("activeOn", today.toString()).queryParam("limit", 500)
                .get(conference + "/units").then().statusCode(200).extract().jsonPath().getList("items.name");
        assertEquals(Set.of("上海黄金交易所", "上海清算所", "上海票据交易所", "跨境支付清算公司", "华融资产上海分公司",
                "太平洋保险", "东方证券", "久事投资", "外滩投资", "复星集团", "汇添富基金",
                "南京东路街道", "外滩街道", "小东门街道", "老西门街道", "黄码头公司"), new HashSet<>(units));
        assertEquals(16, units.size());

        JsonPath chair = as(admin(HUANGPU)).get(conference + "/chair").then().statusCode(200).extract().jsonPath();
        assertEquals("太平洋保险", chair.getString("unitName"));
        assertEquals(String.valueOf(today.getYear()), chair.getString("term.startsOn").substring(0, 4));

        JsonPath project = as(admin(HUANGPU)).get(conference + "/projects/" + ids.get("project")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("金融品巷", project.getString("name"));
        assertEquals("ACTIVE", project.getString("status"));
        assertEquals(3, project.getList("matches").size());
        assertTrue(project.getList("units.name").containsAll(List.of("太平洋保险", "外滩投资", "黄码头公司", "小东门街道")),
                () -> "units " + project.getList("units.name"));
    }

    @Test
    void the_units_register_their_finance_staff_as_learners_party_members_or_not_with_phones_masked() {
        String conference = "/api/v1/orgs/conferences/" + ids.get("conference");
        Map<String, String> unitIds = new HashMap<>();
        as(admin(HUANGPU)).queryParam("limit", 500).get(conference + "/units").then().statusCode(200).extract().jsonPath()
                .getList("items", Map.class).forEach(u -> unitIds.put((String) u.get("name"), (String) u.get("id")));
        List<Boolean> partyMembers = new ArrayList<>();
        for (String unit : List.of("上海清算所", "上海黄金交易所", "东方证券", "太平洋保险", "汇添富基金")) {
            JsonPath staff = as(admin(HUANGPU)).get(conference + "/units/" + unitIds.get(unit) + "/staff")
                    .then().statusCode(200).extract().jsonPath();
            assertFalse(staff.getList("items").isEmpty(), unit);
            staff.getList("items.phone", String.class).forEach(phone -> assertTrue(phone.matches("1\\d\\d\\*{4}\\d{4}"), phone));
            partyMembers.addAll(staff.getList("items.partyMember", Boolean.class));
        }
        assertTrue(partyMembers.contains(true) && partyMembers.contains(false), () -> "party members: " + partyMembers);
    }

    /**
     * Training learns the units' staff from UnitStaffRegistered; the demo enrols up to each unit's
     * five seats, and the conference's staff listing says who is a party member.
     */
    @Test
    void academy_enrolments_stay_within_each_units_quota_and_include_staff_who_are_not_party_members() {
        String conference = "/api/v1/orgs/conferences/" + ids.get("conference");
        Map<String, String> unitOf = new HashMap<>();
        Map<String, Boolean> partyMember = new HashMap<>();
        for (Object unit : as(admin(HUANGPU)).queryParam("limit", 500).get(conference + "/units").then().statusCode(200)
                .extract().jsonPath().getList("items.id")) {
            as(admin(HUANGPU)).queryParam("limit", 500).get(conference + "/units/" + unit + "/staff").then().statusCode(200)
                    .extract().jsonPath().getList("items", Map.class).forEach(s -> {
                        unitOf.put((String) s.get("personId"), (String) unit);
                        partyMember.put((String) s.get("personId"), (Boolean) s.get("partyMember"));
                    });
        }
        List<Map<String, Object>> enrolments = as(admin(HUANGPU))
                .get("/api/v1/training/sessions/" + ids.get("academy_session") + "/enrolments").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.status == 'CONFIRMED' }");
        assertEquals(Integer.parseInt(ids.get("staff_enrolled")), enrolments.size());
        assertTrue(enrolments.size() > 0, "no academy enrolments: " + demoLog);
        Map<String, Integer> seatsByUnit = new HashMap<>();
        boolean nonMember = false;
        for (Map<String, Object> enrolment : enrolments) {
            String person = (String) enrolment.get("personId");
            assertTrue(unitOf.containsKey(person), () -> person + " is no unit's staff");
            seatsByUnit.merge(unitOf.get(person), 1, Integer::sum);
            nonMember |= !partyMember.get(person);
        }
        seatsByUnit.forEach((unit, seats) -> assertTrue(seats <= 5, () -> unit + " holds " + seats + " of its 5 seats"));
        assertTrue(nonMember, "no academy learner who is not a party member");
    }

    @Test
    void an_immersive_lesson_under_way_has_its_enrolments_and_check_ins() {
        List<String> statuses = as(admin(YANGPU)).get("/api/v1/training/sessions/" + ids.get("immersive_now") + "/enrolments")
                .then().statusCode(200).extract().jsonPath().getList("items.status");
        assertTrue(statuses.size() > Integer.parseInt(ids.get("checked_in")), () -> "enrolments " + statuses);
        assertEquals(Integer.parseInt(ids.get("checked_in")), statuses.stream().filter("ATTENDED"::equals).count());
        assertTrue(Integer.parseInt(ids.get("checked_in")) > 0);
    }

    /**
     * A member standing at 五角场 (杨浦, about a kilometre south of 哔哩哔哩's station) asks for
     * stations near them from the phone: 哔哩哔哩's comes first, the two in 黄浦 after it, nearer first.
     */
    @Test
    void near_me_in_yangpu_the_phone_lists_the_bilibili_station_first() {
        // Other system tests make stations too, some at the demo's very places (equal distances):
        // the whole directory is walked, and the demo's station must be among the nearest.
        String token = Suite.get().token("member-near-wujiaochang", Set.of("member"));
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            var request = as(token).queryParam("latitude", 31.2990).queryParam("longitude", 121.5140).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var body = request.get("/api/v1/stations/directory").then().statusCode(200).extract().jsonPath();
            items.addAll(body.getList("items"));
            cursor = body.getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        assertFalse(items.isEmpty(), "no station near 五角场");
        List<Object> names = items.stream().map(item -> item.get("name")).toList();
        int bilibili = names.indexOf("哔哩哔哩党群服务站");
        assertTrue(bilibili >= 0, () -> "the demo's 哔哩哔哩 station is not in the directory: " + names);
        long nearest = ((Number) items.get(0).get("distanceMeters")).longValue();
        assertEquals(nearest, ((Number) items.get(bilibili).get("distanceMeters")).longValue(),
                () -> "a station nearer than 哔哩哔哩's: " + items.subList(0, bilibili + 1));
        assertTrue(nearest < 1000, () -> "distance: " + items.get(bilibili));
        for (int i = 1; i < items.size(); i++) {
            assertTrue(((Number) items.get(i - 1).get("distanceMeters")).longValue()
                    <= ((Number) items.get(i).get("distanceMeters")).longValue(), "not nearest first at " + i);
        }
        assertTrue(names.indexOf("金融品巷·零距离党群服务站") > bilibili
                && names.indexOf("金融品巷·零距离党群服务站") < names.indexOf("蓬莱路地块旧改基地党群服务点"),
                () -> "the 黄浦 stations by distance: " + names);
    }

    /** The phone names no language: the gateway asks for zh-CN, and a half-given location is refused in Chinese. */
    @Test
    void near_me_with_half_a_location_is_refused_in_chinese() {
        as(Suite.get().token("member-near-half", Set.of("member"))).queryParam("latitude", 31.2990)
                .get("/api/v1/stations/directory").then().statusCode(400)
                .body("type", org.hamcrest.Matchers.equalTo("urn:grassroots:problem:validation"))
                .body("title", org.hamcrest.Matchers.equalTo("请求无效"))
                .body("detail", org.hamcrest.Matchers.equalTo("“附近”需要同时提供纬度和经度"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("longitude"));
    }

    private static String admin(String district) {
        return Suite.get().token("article-reader-" + district, Set.of("district_admin"), district, null);
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(Suite.get().gateway()).header("Authorization", "Bearer " + token);
    }
}
