package sh.grassroots.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The local run's development tokens, switched on: issued to a caller on this machine, and what
 * they carry is honoured by the gateway. (That a peer on another address is refused is shown by
 * LoopbackPeerTest: every test here connects over loopback.)
 */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
@TestProfile(DevTokensTest.DevTokensOn.class)
class DevTokensTest {

    public static class DevTokensOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of("gateway.dev-tokens.enabled", "true",
                        "gateway.dev-tokens.key-dir", java.nio.file.Files.createTempDirectory("dev-keys").toString());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void a_caller_on_this_machine_gets_a_token_when_dev_tokens_are_on() {
        given().contentType(ContentType.JSON).body("{\"subject\":\"dev-member\",\"roles\":[\"member\"]}")
                .post("/dev/token").then().statusCode(200)
                .body("token", notNullValue())
                .body("expiresAt", notNullValue());
    }

    @Test
    void forwarded_headers_naming_another_peer_change_nothing() {
        // the decision is the connection's, so a header cannot talk a remote caller in (or this one out)
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "203.0.113.9")
                .header("Forwarded", "for=203.0.113.9").body("{\"subject\":\"dev-member\"}")
                .post("/dev/token").then().statusCode(200);
    }
}
