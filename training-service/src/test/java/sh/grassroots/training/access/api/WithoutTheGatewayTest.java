package sh.grassroots.training.access.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A request that did not come through the gateway is answered 401 before its body is read: it
 * learns nothing of what a valid request would look like, and it is the same answer whatever it sent.
 */
@QuarkusTest
class WithoutTheGatewayTest {

    @Test
    void an_invalid_body_without_caller_headers_is_401_not_a_validation_answer() {
        AsCaller.anonymous().contentType(ContentType.JSON).body("{\"personId\":\"not-a-uuid\",\"extra\":1}")
                .post("/api/v1/training/sessions/" + UUID.randomUUID() + "/enrolments")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:unauthenticated"))
                .header("X-Request-Id", notNullValue());
    }

    @Test
    void an_unreadable_body_without_caller_headers_is_401_too() {
        AsCaller.anonymous().contentType(ContentType.JSON).body("{")
                .post("/api/v1/training/courses")
                .then().statusCode(401).body("type", equalTo("urn:grassroots:problem:unauthenticated"));
    }

    @Test
    void the_openapi_document_stays_open_without_caller_headers() {
        AsCaller.anonymous().get("/q/openapi").then().statusCode(200);
    }
}
