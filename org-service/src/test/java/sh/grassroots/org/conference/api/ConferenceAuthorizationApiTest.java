package sh.grassroots.org.conference.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static sh.grassroots.org.conference.api.ConferenceApi.HUANGPU;
import static sh.grassroots.org.conference.api.ConferenceApi.PATH;
import static sh.grassroots.org.conference.api.ConferenceApi.YANGPU;
import static sh.grassroots.org.conference.api.ConferenceApi.conference;
import static sh.grassroots.org.conference.api.ConferenceApi.listingBody;
import static sh.grassroots.org.conference.api.ConferenceApi.need;
import static sh.grassroots.org.conference.api.ConferenceApi.offer;
import static sh.grassroots.org.conference.api.ConferenceApi.project;
import static sh.grassroots.org.conference.api.ConferenceApi.projectBody;
import static sh.grassroots.org.conference.api.ConferenceApi.termBody;
import static sh.grassroots.org.conference.api.ConferenceApi.unique;
import static sh.grassroots.org.conference.api.ConferenceApi.unit;

/** Every write endpoint: 401 without the gateway's headers, 403 for another district, its system or a member. */
@QuarkusTest
class ConferenceAuthorizationApiTest {

    @Test
    void every_write_is_refused_to_anonymous_callers_other_districts_and_members_and_nothing_changes() {
        String id = conference(unique("滨江党建·金融外滩"));
        String pacific = unit(id, "太平洋保险", "CITY_SOE");
        String bund = unit(id, "外滩投资", "DISTRICT_SOE");
        String offer = offer(id, bund, "VENUE", 20, "2026-01-01", "2026-12-31", "金融品巷·零距离党群服务站");
        String need = need(id, pacific, "VENUE", 10, "2026-01-01", "2026-12-31", "白领活动场地");
        String otherOffer = offer(id, bund, "VENUE", 5, "2026-01-01", "2026-12-31", "藤蔓花园");
        String otherNeed = need(id, pacific, "VENUE", 5, "2026-01-01", "2026-12-31", "读书会");
        String projectId = project(id, "金融品巷", offer, need).statusCode(201).extract().path("id");

        String base = PATH + "/" + id;
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put(PATH, "{\"name\":\"联席会议\",\"hostDistrict\":\"310101\",\"foundedOn\":\"2018-12-01\"}");
        writes.put(base + "/units", "{\"name\":\"东方证券\",\"sector\":\"CITY_SOE\",\"joinedOn\":\"2019-01-01\"}");
        writes.put(base + "/units/" + pacific + "/leave", "{\"leftOn\":\"2027-01-01\"}");
        writes.put(base + "/chair-terms", termBody(pacific, "2026-01-01", "2026-06-30"));
        writes.put(base + "/offers", listingBody(bund, "VENUE", 1, "2026-01-01", "2026-01-31", "场地"));
        writes.put(base + "/needs", listingBody(pacific, "VENUE", 1, "2026-01-01", "2026-01-31", "场地"));
        writes.put(base + "/offers/" + otherOffer + "/withdraw", "{}");
        writes.put(base + "/needs/" + otherNeed + "/withdraw", "{}");
        writes.put(base + "/projects", projectBody("共建", otherOffer, otherNeed));
        writes.put(base + "/projects/" + projectId + "/activate", "{}");
        writes.put(base + "/projects/" + projectId + "/close", "{}");

        Map<String, Supplier<RequestSpecification>> refused = new LinkedHashMap<>();
        refused.put("out-of-scope#another district's admin", () -> AsCaller.districtAdmin(YANGPU));
        refused.put("out-of-scope#another district's organizer", () -> AsCaller.person("o", "organizer", null, YANGPU));
        refused.put("service-identity-not-allowed", () -> AsCaller.service(HUANGPU));
        refused.put("out-of-scope#the host district's other roles",
                () -> AsCaller.person("m", "member,branch_secretary", null, HUANGPU));

        for (Map.Entry<String, String> write : writes.entrySet()) {
            given().contentType(ContentType.JSON).body(write.getValue()).post(write.getKey()).then()
                    .statusCode(401).contentType("application/problem+json");
            for (Map.Entry<String, Supplier<RequestSpecification>> caller : refused.entrySet()) {
                String slug = caller.getKey().split("#")[0];
                caller.getValue().get().contentType(ContentType.JSON).body(write.getValue()).post(write.getKey()).then()
                        .statusCode(403).contentType("application/problem+json")
                        .body("type", equalTo("urn:grassroots:problem:" + slug));
            }
        }

        ConferenceApi.reader().get(base + "/chair-terms").then().statusCode(200).body("items.size()", equalTo(0));
        ConferenceApi.reader().get(base + "/offers/" + otherOffer).then().body("status", equalTo("OPEN"));
        ConferenceApi.reader().get(base + "/projects/" + projectId).then().body("status", equalTo("PROPOSED"));
        ConferenceApi.reader().get(base + "/units/" + pacific).then().body("leftOn", equalTo(null));
    }

    @Test
    void every_read_needs_a_person_and_refuses_another_districts_system() {
        String id = conference(unique("联席会议"));
        String base = PATH + "/" + id;
        for (String path : new String[]{PATH, base, base + "/units", base + "/chair-terms", base + "/offers",
                base + "/needs", base + "/matches", base + "/projects"}) {
            given().get(path).then().statusCode(401);
            AsCaller.service(YANGPU).get(path).then().statusCode(403)
                    .body("type", equalTo("urn:grassroots:problem:service-identity-not-allowed"));
            AsCaller.person("m", "member", null, YANGPU).get(path).then().statusCode(200);
        }
    }
}
