package sh.grassroots.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The desk console's files come from the gateway itself, with a policy that lets its pages run
 * their own scripts only, reach this origin only, take no HTML into the DOM and be framed by nobody.
 */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
class ConsoleServedTest {

    @Test
    void the_console_entry_leads_to_its_page() {
        given().redirects().follow(false).get("/console").then().statusCode(302)
                .header("Location", equalTo("/console/index.html"));
        given().get("/console/index.html").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/console/app.js"));
    }

    @Test
    void the_console_runs_only_its_own_scripts_and_is_framed_by_nobody() {
        given().get("/console/index.html").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("connect-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("require-trusted-types-for 'script'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"));
        given().get("/console/views/station.js").then().statusCode(200).contentType(containsString("javascript"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    @Test
    void a_path_to_the_console_is_held_to_the_same_normal_form_as_the_api() {
        given().get("/console/").then().statusCode(400).body("type", equalTo("urn:grassroots:problem:path-not-normalized"));
    }
}
