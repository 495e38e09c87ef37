package sh.grassroots.org.tree.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static sh.grassroots.org.testing.Districts.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
public class OrganizationApiTest {
    static final String PATH = "/api/v1/orgs/organizations";
    static final String YANGPU = "310110";

    public static String createCommittee(String name) {
        return asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"kind\":\"COMMITTEE\",\"districtCode\":\"" + YANGPU + "\"}")
                .post(PATH).then().statusCode(201).extract().path("id");
    }

    @Test
    void a_committee_is_created_and_can_be_read_back() {
        String id = asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"哔哩哔哩党委\",\"kind\":\"COMMITTEE\",\"districtCode\":\"310110\",\"foundedOn\":\"2017-06-01\"}")
                .when().post(PATH)
                .then().statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .header("X-Request-Id", notNullValue())
                .body("name", equalTo("哔哩哔哩党委"))
                .body("kind", equalTo("COMMITTEE"))
                .extract().path("id");

        asAdmin().get(PATH + "/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("districtCode", equalTo(YANGPU))
                .body("foundedOn", equalTo("2017-06-01"));
    }

    @Test
    void a_branch_is_created_under_its_committee() {
        String committee = createCommittee("哔哩哔哩党委 " + UUID.randomUUID());
        asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"第一党支部\",\"kind\":\"BRANCH\",\"districtCode\":\"310110\",\"parentId\":\"" + committee + "\"}")
                .post(PATH).then().statusCode(201).body("parentId", equalTo(committee));
    }

    @Test
    void a_caller_supplied_request_id_is_echoed() {
        asAdmin().header("X-Request-Id", "phone-123").get(PATH + "/" + UUID.randomUUID())
                .then().header("X-Request-Id", equalTo("phone-123"));
    }

    @Test
    void an_unknown_id_is_a_404_problem() {
        asAdmin().get(PATH + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void malformed_json_is_a_400_problem() {
        asAdmin().contentType(ContentType.JSON).body("{\"name\": ").post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:malformed-json"))
                .body(not(containsString("Exception")));
    }

    @Test
    void an_unknown_field_is_rejected_with_its_name() {
        asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"kind\":\"COMMITTEE\",\"districtCode\":\"310110\",\"colour\":\"red\"}")
                .post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:unknown-field"))
                .body("errors.field", hasItem("colour"));
    }

    @Test
    void missing_and_invalid_fields_are_listed() {
        asAdmin().contentType(ContentType.JSON).body("{\"kind\":\"COMMITTEE\",\"districtCode\":\"31\"}")
                .post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:validation"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("districtCode"));
    }

    @Test
    void an_empty_body_is_a_400_problem() {
        asAdmin().contentType(ContentType.JSON).post(PATH).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void a_value_of_the_wrong_type_names_the_field() {
        asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"kind\":\"TEAM\",\"districtCode\":\"310110\"}")
                .post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:invalid-field"))
                .body("errors.field", hasItem("kind"));
    }

    @Test
    void a_branch_without_parent_breaks_a_named_placement_rule() {
        asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"孤儿支部\",\"kind\":\"BRANCH\",\"districtCode\":\"310110\"}")
                .post(PATH).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:placement-root-must-be-committee"));
    }

    @Test
    void an_unknown_parent_is_named() {
        asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"支部\",\"kind\":\"BRANCH\",\"districtCode\":\"310110\",\"parentId\":\"" + UUID.randomUUID() + "\"}")
                .post(PATH).then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:unknown-parent"))
                .body("errors.field", hasItem("parentId"));
    }

    @Test
    void a_wrong_media_type_is_a_problem_too() {
        asAdmin().contentType(ContentType.TEXT).body("hello").post(PATH).then().statusCode(415)
                .contentType("application/problem+json");
    }
}
