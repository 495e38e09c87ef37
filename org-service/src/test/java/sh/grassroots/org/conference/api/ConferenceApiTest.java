package sh.grassroots.org.conference.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.org.tree.api.TreeApi;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.org.conference.api.ConferenceApi.HUANGPU;
import static sh.grassroots.org.conference.api.ConferenceApi.PATH;
import static sh.grassroots.org.conference.api.ConferenceApi.YANGPU;
import static sh.grassroots.org.conference.api.ConferenceApi.conference;
import static sh.grassroots.org.conference.api.ConferenceApi.join;
import static sh.grassroots.org.conference.api.ConferenceApi.office;
import static sh.grassroots.org.conference.api.ConferenceApi.reader;
import static sh.grassroots.org.conference.api.ConferenceApi.unique;
import static sh.grassroots.org.conference.api.ConferenceApi.unit;

@QuarkusTest
class ConferenceApiTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void the_office_sets_up_a_conference_that_anyone_reads_with_an_etag() {
        String id = office().body("{\"name\":\"滨江党建·金融外滩\",\"hostDistrict\":\"310101\",\"foundedOn\":\"2018-12-01\"}")
                .post(PATH).then().statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .body("name", equalTo("滨江党建·金融外滩"))
                .body("hostDistrict", equalTo(HUANGPU))
                .body("foundedOn", equalTo("2018-12-01"))
                .extract().path("id");
        String etag = reader().get(PATH + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).header("ETag", notNullValue()).extract().header("ETag");
        reader().header("If-None-Match", etag).get(PATH + "/" + id).then().statusCode(304);
    }

    @Test
    void conferences_of_a_district_are_listed_page_by_page() {
        String district = "31011" + (int) (Math.random() * 10);
        String admin = "admin";
        for (int i = 0; i < 3; i++) {
            AsCaller.person(admin, "district_admin", null, district).contentType(ContentType.JSON)
                    .body("{\"name\":\"联席会议" + i + "\",\"hostDistrict\":\"" + district + "\",\"foundedOn\":\"2020-01-01\"}")
                    .post(PATH).then().statusCode(201);
        }
        String cursor = reader().queryParam("hostDistrict", district).queryParam("limit", 2).get(PATH).then()
                .statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        // Earlier runs of this test may have left more conferences in the district: page to the end.
        int seen = 2;
        while (cursor != null) {
            var page = reader().queryParam("hostDistrict", district).queryParam("limit", 2).queryParam("cursor", cursor)
                    .get(PATH).then().statusCode(200).extract();
            seen += page.<List<?>>path("items").size();
            cursor = page.path("nextCursor");
        }
        assertTrue(seen >= 3, "seen " + seen);
        reader().queryParam("cursor", "not-a-cursor!").get(PATH).then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:invalid-cursor"));
    }

    @Test
    void bad_input_is_a_problem_naming_the_field_and_an_unknown_conference_a_404() {
        office().body("{\"name\":\"x\",\"hostDistrict\":\"31\",\"foundedOn\":\"2018-12-01\"}").post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("hostDistrict"));
        office().body("{\"name\":\"x\",\"hostDistrict\":\"310101\",\"foundedOn\":\"2018-12-01\",\"colour\":1}")
                .post(PATH).then().statusCode(400).body("type", equalTo("urn:grassroots:problem:unknown-field"));
        reader().get(PATH + "/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:not-found"));
        join(UUID.randomUUID().toString(), "东方证券", "CITY_SOE", "2019-01-01").statusCode(404).contentType(PROBLEM);
        office().body("{\"name\":\"东方证券\",\"sector\":\"BANK\",\"joinedOn\":\"2019-01-01\"}")
                .post(PATH + "/" + conference(unique("会")) + "/units").then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:invalid-field")).body("errors.field", hasItem("sector"));
    }

    @Test
    void only_the_host_districts_office_writes_and_every_person_reads() {
        String body = "{\"name\":\"联席会议\",\"hostDistrict\":\"310101\",\"foundedOn\":\"2018-12-01\"}";
        given().contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:unauthenticated"));
        AsCaller.districtAdmin(YANGPU).contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(403)
                .contentType(PROBLEM).body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        reader().contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        AsCaller.person("organizer-hp", "organizer", null, HUANGPU).contentType(ContentType.JSON).body(body)
                .post(PATH).then().statusCode(201);

        String id = conference(unique("联席会议"));
        given().get(PATH + "/" + id).then().statusCode(401);
        AsCaller.service(HUANGPU).get(PATH + "/" + id).then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:service-identity-not-allowed"));
        AsCaller.districtAdmin(YANGPU).get(PATH + "/" + id).then().statusCode(200);
    }

    @Test
    void units_join_with_a_sector_cannot_join_twice_while_active_and_may_rejoin_after_leaving() {
        String id = conference(unique("滨江党建·金融外滩"));
        String gold = join(id, "上海黄金交易所", "CENTRAL_SOE", "2018-12-01").statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("sector", equalTo("CENTRAL_SOE")).body("leftOn", nullValue()).extract().path("id");
        join(id, " 上海黄金交易所 ", "CENTRAL_SOE", "2019-06-01").statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:grassroots:problem:unit-already-member"))
                .body("detail", containsString(gold));
        join(id, "东方证券", "CITY_SOE", "2018-11-30").statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:unit-joined-before-founding"));

        office().body("{\"leftOn\":\"2018-12-01\"}").post(PATH + "/" + id + "/units/" + gold + "/leave").then()
                .statusCode(422).body("type", equalTo("urn:grassroots:problem:unit-leave-not-after-join"));
        office().header("If-Match", "\"7\"").body("{\"leftOn\":\"2024-12-31\"}")
                .post(PATH + "/" + id + "/units/" + gold + "/leave").then().statusCode(412);
        office().header("If-Match", "\"0\"").body("{\"leftOn\":\"2024-12-31\"}")
                .post(PATH + "/" + id + "/units/" + gold + "/leave").then().statusCode(200)
                .body("leftOn", equalTo("2024-12-31"));
        office().body("{\"leftOn\":\"2025-01-31\"}").post(PATH + "/" + id + "/units/" + gold + "/leave").then()
                .statusCode(409).body("type", equalTo("urn:grassroots:problem:unit-already-left"));
        join(id, "上海黄金交易所", "CENTRAL_SOE", "2024-12-30").statusCode(409);
        String again = join(id, "上海黄金交易所", "CENTRAL_SOE", "2025-03-01").statusCode(201).extract().path("id");

        reader().queryParam("activeOn", "2024-06-01").get(PATH + "/" + id + "/units").then().statusCode(200)
                .body("items.id", contains(gold));
        reader().queryParam("activeOn", "2025-06-01").get(PATH + "/" + id + "/units").then().statusCode(200)
                .body("items.id", contains(again));
        reader().get(PATH + "/" + id + "/units").then().body("items.id", contains(gold, again));
        reader().queryParam("activeOn", "June").get(PATH + "/" + id + "/units").then().statusCode(400)
                .body("errors.field", hasItem("activeOn"));
    }

    @Test
    void a_unit_may_point_at_its_committee_in_the_tree_but_not_at_an_unknown_organization() {
        String id = conference(unique("联席会议"));
        String committee = TreeApi.committee(unique("外滩投资党委"));
        office().body("{\"name\":\"外滩投资\",\"sector\":\"DISTRICT_SOE\",\"organizationId\":\"" + committee
                        + "\",\"joinedOn\":\"2019-01-01\"}")
                .post(PATH + "/" + id + "/units").then().statusCode(201).body("organizationId", equalTo(committee));
        office().body("{\"name\":\"外滩投资集团\",\"sector\":\"DISTRICT_SOE\",\"organizationId\":\"" + committee
                        + "\",\"joinedOn\":\"2020-01-01\"}")
                .post(PATH + "/" + id + "/units").then().statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:unit-already-member"));
        office().body("{\"name\":\"某单位\",\"sector\":\"OTHER\",\"organizationId\":\"" + UUID.randomUUID()
                        + "\",\"joinedOn\":\"2020-01-01\"}")
                .post(PATH + "/" + id + "/units").then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:unknown-organization"))
                .body("errors.field", hasItem("organizationId"));
    }

    @Test
    void units_are_listed_page_by_page() {
        String id = conference(unique("联席会议"));
        String a = unit(id, "南京东路街道", "SUB_DISTRICT");
        String b = unit(id, "外滩街道", "SUB_DISTRICT");
        String c = unit(id, "小东门街道", "SUB_DISTRICT");
        String cursor = reader().queryParam("limit", 2).get(PATH + "/" + id + "/units").then()
                .body("items.id", contains(a, b)).extract().path("nextCursor");
        reader().queryParam("limit", 2).queryParam("cursor", cursor).get(PATH + "/" + id + "/units").then()
                .body("items.id", contains(c)).body("nextCursor", nullValue());
    }
}
