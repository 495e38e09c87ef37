package sh.grassroots.systemtests;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Stops service-station-service for good, so it runs after every other class. */
@Order(Integer.MAX_VALUE)
@ExtendWith(Suite.class)
class OneServiceDownTest {

    @Test
    void with_stations_down_its_routes_answer_503_and_the_rest_keeps_working() throws Exception {
        String token = "Bearer " + Suite.get().token("organizer-down-test", Set.of("organizer"));
        Suite.get().kill("service-station-service");

        given().baseUri(Suite.get().gateway()).header("Authorization", token)
                .get("/api/v1/stations/stations").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:grassroots:problem:upstream-unavailable"));

        given().baseUri(Suite.get().gateway())
                .header("Authorization", "Bearer " + Suite.get().token("admin-huangpu", Set.of("district_admin"), "310101", null))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"外滩街道党工委\",\"kind\":\"COMMITTEE\",\"districtCode\":\"310101\"}")
                .post("/api/v1/orgs/organizations").then().statusCode(201);
        given().baseUri(Suite.get().gateway()).header("Authorization", token)
                .get("/api/v1/training/organizations?limit=1").then().statusCode(200);

        given().baseUri(Suite.get().gateway()).header("Authorization", token)
                .get("/api/v1/me/home").then().statusCode(200)
                .body("unavailable", hasItem("bookings"))
                .body("unavailable", not(hasItem("memberCard")))
                .body("unavailable", not(hasItem("creditHours")));
    }
}
