package sh.grassroots.org.conference.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static sh.grassroots.org.conference.api.ConferenceApi.PATH;
import static sh.grassroots.org.conference.api.ConferenceApi.conference;
import static sh.grassroots.org.conference.api.ConferenceApi.join;
import static sh.grassroots.org.conference.api.ConferenceApi.need;
import static sh.grassroots.org.conference.api.ConferenceApi.offer;
import static sh.grassroots.org.conference.api.ConferenceApi.office;
import static sh.grassroots.org.conference.api.ConferenceApi.post;
import static sh.grassroots.org.conference.api.ConferenceApi.project;
import static sh.grassroots.org.conference.api.ConferenceApi.reader;
import static sh.grassroots.org.conference.api.ConferenceApi.unique;
import static sh.grassroots.org.conference.api.ConferenceApi.unit;

/** 有什么 / 要什么: offers and needs, the matches proposed, and the co-built projects accepted from them. */
@QuarkusTest
class MarketplaceApiTest {
    private static final String PROBLEM = "urn:grassroots:problem:";

    @Test
    void offers_and_needs_are_posted_listed_by_filter_page_by_page_and_withdrawn() {
        String id = conference(unique("滨江党建·金融外滩"));
        String bund = unit(id, "外滩投资", "DISTRICT_SOE");
        String orient = unit(id, "东方证券", "CITY_SOE");
        String venue = post(id, "offers", bund, "VENUE", 20, "2026-01-01", "2026-12-31", "金融品巷·零距离党群服务站")
                .statusCode(201).body("status", equalTo("OPEN")).body("remaining", equalTo(20))
                .body("unitName", equalTo("外滩投资")).body("kind", equalTo("OFFER")).extract().path("id");
        String academy = offer(id, orient, "TRAINING", 8, "2026-03-01", "2026-12-31", "金融研修院：金融人才专业课程");
        String garden = offer(id, bund, "VENUE", 4, "2026-04-01", "2026-10-31", "金融品巷·藤蔓花园");

        reader().queryParam("category", "VENUE").get(PATH + "/" + id + "/offers").then().statusCode(200)
                .body("items.id", contains(venue, garden));
        String cursor = reader().queryParam("limit", 2).get(PATH + "/" + id + "/offers").then()
                .body("items.id", contains(venue, academy)).extract().path("nextCursor");
        reader().queryParam("limit", 2).queryParam("cursor", cursor).get(PATH + "/" + id + "/offers").then()
                .body("items.id", contains(garden)).body("nextCursor", nullValue());
        reader().get(PATH + "/" + id + "/needs").then().body("items", hasSize(0));
        reader().queryParam("category", "CAKE").get(PATH + "/" + id + "/offers").then().statusCode(400)
                .body("errors.field", hasItem("category"));

        office().post(PATH + "/" + id + "/offers/" + garden + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        office().post(PATH + "/" + id + "/offers/" + garden + "/withdraw").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "listing-not-open"));
        office().post(PATH + "/" + id + "/needs/" + venue + "/withdraw").then().statusCode(404);
        reader().queryParam("status", "OPEN").queryParam("unitId", bund).get(PATH + "/" + id + "/offers").then()
                .body("items.id", contains(venue));
    }

    @Test
    void a_listing_breaking_a_rule_is_refused_by_name() {
        String id = conference(unique("联席会议"));
        String fosun = join(id, "复星集团", "PRIVATE_FIRM", "2026-06-01").statusCode(201).extract().path("id");
        post(id, "needs", fosun, "FUNDING", 5, "2026-07-01", "2026-06-30", "外滩第二立面改造论坛").statusCode(422)
                .body("type", equalTo(PROBLEM + "listing-window-ends-before-start"));
        post(id, "needs", fosun, "FUNDING", 0, "2026-07-01", "2026-07-30", "论坛").statusCode(422)
                .body("type", equalTo(PROBLEM + "listing-quantity-not-positive"));
        post(id, "needs", fosun, "FUNDING", 5, "2026-05-01", "2026-07-30", "论坛").statusCode(409)
                .body("type", equalTo(PROBLEM + "listing-unit-not-member-during-window"));
        post(id, "needs", UUID.randomUUID().toString(), "FUNDING", 5, "2026-07-01", "2026-07-30", "论坛").statusCode(422)
                .body("type", equalTo(PROBLEM + "unknown-unit"));
        post(id, "needs", fosun, "MONEY", 5, "2026-07-01", "2026-07-30", "论坛").statusCode(400)
                .body("errors.field", hasItem("category"));
    }

    @Test
    void matching_proposes_pairs_by_category_window_and_quantity_and_never_within_one_unit() {
        String id = conference(unique("联席会议"));
        String bund = unit(id, "外滩投资", "DISTRICT_SOE");
        String pacific = unit(id, "太平洋保险", "CITY_SOE");
        String street = unit(id, "小东门街道", "SUB_DISTRICT");
        String station = offer(id, bund, "VENUE", 20, "2026-01-01", "2026-12-31", "零距离党群服务站");
        String small = offer(id, pacific, "VENUE", 4, "2026-01-01", "2026-12-31", "会议室");
        String whiteCollar = need(id, pacific, "VENUE", 12, "2026-03-01", "2026-09-30", "白领学习交流场地");
        String streetEvent = need(id, street, "VENUE", 4, "2026-05-01", "2026-05-31", "社区活动");
        need(id, street, "VENUE", 4, "2027-05-01", "2027-05-31", "明年的活动");
        need(id, bund, "TRAINING", 4, "2026-05-01", "2026-05-31", "培训");

        reader().get(PATH + "/" + id + "/matches").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.rank", contains(1, 2, 3))
                .body("items[0].offer.listingId", equalTo(station))
                .body("items[0].need.listingId", equalTo(whiteCollar))
                .body("items[0].quantity", equalTo(12))
                .body("items[0].coveragePercent", equalTo(100))
                .body("items[0].overlapFrom", equalTo("2026-03-01"))
                .body("items[0].overlapUntil", equalTo("2026-09-30"))
                .body("items.need.listingId", contains(whiteCollar, streetEvent, streetEvent))
                .body("items.offer.listingId", containsInAnyOrder(station, station, small));
        reader().queryParam("category", "TRAINING").get(PATH + "/" + id + "/matches").then().body("items", hasSize(0));
        reader().queryParam("limit", 1).get(PATH + "/" + id + "/matches").then().body("items", hasSize(1));
    }

    @Test
    void accepting_matches_makes_a_proposed_project_of_their_units_and_consumes_quantities() {
        String id = conference(unique("滨江党建·金融外滩"));
        String pacific = unit(id, "太平洋保险", "CITY_SOE");
        String bund = unit(id, "外滩投资", "DISTRICT_SOE");
        String street = unit(id, "小东门街道", "SUB_DISTRICT");
        String station = offer(id, bund, "VENUE", 20, "2026-01-01", "2026-12-31", "零距离党群服务站");
        String whiteCollar = need(id, pacific, "VENUE", 12, "2026-03-01", "2026-09-30", "白领学习交流场地");
        String volunteers = offer(id, pacific, "VOLUNTEERS", 30, "2026-01-01", "2026-12-31", "青年志愿者");
        String streetNeed = need(id, street, "VOLUNTEERS", 30, "2026-01-01", "2026-12-31", "社区志愿服务");

        String projectId = project(id, "金融品巷", station, whiteCollar, volunteers, streetNeed).statusCode(201)
                .body("status", equalTo("PROPOSED"))
                .body("units.name", contains("太平洋保险", "外滩投资", "小东门街道"))
                .body("matches", hasSize(2))
                .body("matches[0].quantity", equalTo(12))
                .extract().path("id");
        reader().get(PATH + "/" + id + "/offers/" + station).then().body("remaining", equalTo(8)).body("status", equalTo("OPEN"));
        reader().get(PATH + "/" + id + "/needs/" + whiteCollar).then().body("remaining", equalTo(0)).body("status", equalTo("MATCHED"));
        reader().get(PATH + "/" + id + "/offers/" + volunteers).then().body("status", equalTo("MATCHED"));
        reader().get(PATH + "/" + id + "/matches").then().body("items", hasSize(0));
        reader().get(PATH + "/" + id + "/projects/" + projectId).then().statusCode(200).body("name", equalTo("金融品巷"));

        project(id, "再来一次", station, whiteCollar).statusCode(409).body("type", equalTo(PROBLEM + "listing-not-open"));
        reader().get(PATH + "/" + id + "/offers/" + station).then().body("remaining", equalTo(8));
    }

    @Test
    void a_bad_match_is_refused_by_name_and_consumes_nothing() {
        String id = conference(unique("联席会议"));
        String pacific = unit(id, "太平洋保险", "CITY_SOE");
        String orient = unit(id, "东方证券", "CITY_SOE");
        String venue = offer(id, pacific, "VENUE", 5, "2026-01-01", "2026-12-31", "会议室");
        String ownNeed = need(id, pacific, "VENUE", 5, "2026-01-01", "2026-12-31", "场地");
        String training = need(id, orient, "TRAINING", 5, "2026-01-01", "2026-12-31", "培训");
        String late = need(id, orient, "VENUE", 5, "2027-01-01", "2027-12-31", "明年场地");
        String fine = need(id, orient, "VENUE", 3, "2026-01-01", "2026-12-31", "场地");

        project(id, "p", venue, ownNeed).statusCode(422).body("type", equalTo(PROBLEM + "match-same-unit"));
        project(id, "p", venue, training).statusCode(422).body("type", equalTo(PROBLEM + "match-category-differs"));
        project(id, "p", venue, late).statusCode(422).body("type", equalTo(PROBLEM + "match-windows-disjoint"));
        project(id, "p", ownNeed, venue).statusCode(422).body("type", equalTo(PROBLEM + "match-not-offer-and-need"));
        project(id, "p", venue, UUID.randomUUID().toString()).statusCode(422)
                .body("type", equalTo(PROBLEM + "unknown-listing")).body("errors.field", hasItem("matches[0].needId"));
        office().body("{\"name\":\"p\",\"matches\":[{\"offerId\":\"" + venue + "\",\"needId\":\"" + fine + "\",\"quantity\":4}]}")
                .post(PATH + "/" + id + "/projects").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "match-quantity-exceeds-remaining"));
        office().body("{\"name\":\"p\",\"matches\":[]}").post(PATH + "/" + id + "/projects").then().statusCode(400)
                .body("errors.field", hasItem("matches"));
        // A pair that is fine does not save a project whose other pair is bad.
        project(id, "p", venue, fine, venue, ownNeed).statusCode(422);
        reader().get(PATH + "/" + id + "/offers/" + venue).then().body("remaining", equalTo(5));
        reader().get(PATH + "/" + id + "/projects").then().body("items", hasSize(0));
        // And a listing of another conference is unknown here.
        String other = conference(unique("联席会议"));
        String otherUnit = unit(other, "东方证券", "CITY_SOE");
        String otherNeed = need(other, otherUnit, "VENUE", 1, "2026-01-01", "2026-12-31", "场地");
        project(id, "p", venue, otherNeed).statusCode(422).body("type", equalTo(PROBLEM + "unknown-listing"));
    }

    @Test
    void a_project_goes_proposed_active_closed_and_bad_transitions_are_409s() {
        String id = conference(unique("联席会议"));
        String pacific = unit(id, "太平洋保险", "CITY_SOE");
        String bund = unit(id, "外滩投资", "DISTRICT_SOE");
        String venue = offer(id, bund, "VENUE", 5, "2026-01-01", "2026-12-31", "场地");
        String need = need(id, pacific, "VENUE", 5, "2026-01-01", "2026-12-31", "场地");
        String projectId = project(id, "金融品巷", venue, need).statusCode(201).extract().path("id");
        String base = PATH + "/" + id + "/projects/" + projectId;

        office().body("{}").post(base + "/close").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "project-close-only-when-active"));
        office().header("If-Match", "\"5\"").body("{}").post(base + "/activate").then().statusCode(412);
        office().body("{\"on\":\"2000-01-01\"}").post(base + "/activate").then().statusCode(422)
                .body("type", equalTo(PROBLEM + "project-activate-before-proposal"));
        String etag = office().header("If-Match", "\"0\"").body("{}").post(base + "/activate").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).extract().header("ETag");
        office().body("{}").post(base + "/activate").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "project-activate-only-when-proposed"));
        office().header("If-Match", etag).post(base + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedOn", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
        office().body("{}").post(base + "/close").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "project-close-only-when-active"));

        reader().queryParam("status", "CLOSED").get(PATH + "/" + id + "/projects").then()
                .body("items.id", contains(projectId));
        reader().queryParam("status", "ACTIVE").get(PATH + "/" + id + "/projects").then().body("items", hasSize(0));
        reader().get(PATH + "/" + id + "/projects/" + UUID.randomUUID()).then().statusCode(404);
    }
}
