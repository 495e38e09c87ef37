package sh.grassroots.systemtests;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The event backbone end to end: gateway -> org-service -> outbox -> Kafka -> training-service. */
@ExtendWith(Suite.class)
class WalkingSkeletonTest {

    @Test
    void every_service_is_ready_with_its_database_and_kafka() {
        for (String name : new String[]{"org-service", "training-service", "service-station-service", "notification-service", "gateway"}) {
            given().get(Suite.get().service(name).managementUrl() + "/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
        }
    }

    @Test
    void health_and_metrics_are_served_on_the_management_port_and_not_on_the_api_port() {
        for (String name : new String[]{"org-service", "training-service", "service-station-service", "notification-service", "gateway"}) {
            Suite.Service service = Suite.get().service(name);
            given().get(service.managementUrl() + "/q/metrics").then().statusCode(200);
            given().get(service.url() + "/q/health/ready").then().statusCode(404);
            given().get(service.url() + "/q/metrics").then().statusCode(404);
            // the public API description stays where the gateway merges it from
            given().get(service.url() + "/q/openapi?format=json").then().statusCode(200);
        }
    }

    @Test
    void an_organization_created_through_the_gateway_shows_up_in_training() {
        String token = Suite.get().token("admin-yangpu", Set.of("district_admin"), "310110", null);
        String id = given().baseUri(Suite.get().gateway())
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "walking-skeleton-1")
                .contentType(ContentType.JSON)
                .body("{\"name\":\"哔哩哔哩党委\",\"kind\":\"COMMITTEE\",\"districtCode\":\"310110\"}")
                .post("/api/v1/orgs/organizations")
                .then().statusCode(201)
                .header("X-Request-Id", "walking-skeleton-1")
                .extract().path("id");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().baseUri(Suite.get().gateway()).header("Authorization", "Bearer " + token)
                        .get("/api/v1/training/organizations/" + id)
                        .then().statusCode(200).body("name", equalTo("哔哩哔哩党委")));
    }

    @Test
    void the_gateway_rejects_a_request_without_a_token_before_it_reaches_a_service() {
        given().baseUri(Suite.get().gateway()).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"kind\":\"COMMITTEE\",\"districtCode\":\"310110\"}")
                .post("/api/v1/orgs/organizations")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_services_problem_reaches_the_phone_unchanged_through_the_gateway() {
        String token = Suite.get().token("organizer-1", Set.of("organizer"));
        given().baseUri(Suite.get().gateway()).header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON).body("{\"name\": ")
                .post("/api/v1/orgs/organizations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:malformed-json"));
    }
}
