package sh.grassroots.org.tree.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static sh.grassroots.org.testing.Districts.asAdmin;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.unique;

/**
 * What the fuzz found at org-service: a NUL character in any text reached PostgreSQL, which
 * refuses it (SQLSTATE 22021), and the answer was 500. It is a 400 naming the field now, in a
 * body, a map key, a query parameter or a header alike.
 */
@QuarkusTest
class UnstorableInputTest {
    private static final String ORGS = "/api/v1/orgs/organizations";

    @Test
    void a_nul_character_in_a_name_is_named_and_the_organization_keeps_its_name() {
        String organization = committee(unique("哔哩哔哩党委"));
        asAdmin().contentType(ContentType.JSON).body("{\"name\":\"改名\\u0000党委\"}")
                .post(ORGS + "/" + organization + "/rename").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:invalid-field"))
                .body("errors.field", hasItem("name"));
        asAdmin().get(ORGS + "/" + organization).then().statusCode(200);
    }

    @Test
    void a_nul_character_in_an_attribute_key_or_a_query_parameter_is_refused() {
        String organization = committee(unique("党委"));
        asAdmin().queryParam("homeOrganizationId", organization + "\u0000").get("/api/v1/orgs/members").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("homeOrganizationId"));
        asAdmin().contentType(ContentType.JSON).body("{\"name\":\"党委\",\"kind\":\"COMMITTEE\",\"districtCode\":\"310110\","
                        + "\"foundedOn\":\"+300000-01-01\"}")
                .post(ORGS).then().statusCode(400).body("errors.field", hasItem("foundedOn"));
    }
}
