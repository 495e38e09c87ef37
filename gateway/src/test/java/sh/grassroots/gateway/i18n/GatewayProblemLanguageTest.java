package sh.grassroots.gateway.i18n;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import sh.grassroots.gateway.TestKeys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The gateway's own answers are in the reader's language too: zh-CN unless Accept-Language prefers English. */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
class GatewayProblemLanguageTest {
    private static final String ROUTE = "/api/v1/orgs/organizations";

    @Test
    void a_phone_that_names_no_language_reads_chinese_for_the_gateways_own_refusals() {
        given().get(ROUTE).then().statusCode(401)
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:grassroots:problem:unauthenticated"))
                .body("title", equalTo("未认证"))
                .body("detail", equalTo("需要携带令牌（Bearer token）"));

        given().header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("m1")))
                .contentType(ContentType.JSON).body("{}").post(ROUTE + "/123/move").then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:forbidden-role"))
                .body("title", equalTo("无权访问"))
                .body("detail", org.hamcrest.Matchers.startsWith("需要以下角色之一："));

        given().get("/console/").then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:path-not-normalized"))
                .body("title", equalTo("请求有误"));
    }

    @Test
    void a_phone_that_names_no_language_is_read_as_chinese_by_the_service_and_one_that_does_as_it_asked() {
        String member = "Bearer " + TestKeys.sign(TestKeys.person("m1"));
        given().header("Authorization", member).get("/api/v1/training/courses").then().statusCode(200)
                .body("headers.accept-language", equalTo("zh-CN"));
        given().header("Authorization", member).header("Accept-Language", "fr-FR").get("/api/v1/training/courses")
                .then().statusCode(200).body("headers.accept-language", equalTo("zh-CN"));
        given().header("Authorization", member).header("Accept-Language", "en-GB,en;q=0.8").get("/api/v1/training/courses")
                .then().statusCode(200).body("headers.accept-language", equalTo("en-GB,en;q=0.8"));
    }

    @Test
    void a_phone_set_to_english_reads_english() {
        given().header("Accept-Language", "en-GB, zh-CN;q=0.5").get(ROUTE).then().statusCode(401)
                .header("Content-Language", "en")
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("A bearer token is required"));

        given().header("Accept-Language", "en").header("Authorization", "Bearer " + TestKeys.sign(TestKeys.person("m1")))
                .contentType(ContentType.JSON).body("{}").post(ROUTE + "/123/move").then().statusCode(403)
                .body("title", equalTo("Forbidden"));
    }
}
