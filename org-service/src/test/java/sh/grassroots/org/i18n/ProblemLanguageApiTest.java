package sh.grassroots.org.i18n;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;

import java.time.LocalDate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static sh.grassroots.org.member.api.MemberApi.register;
import static sh.grassroots.org.member.model.IdNumbers.aValidIdNumber;
import static sh.grassroots.org.testing.Districts.YANGPU;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.unique;

/**
 * Problems are answered in the language Accept-Language asks for: zh-CN, which the gateway states for
 * a phone that names none, or English; a request naming none did not come through the gateway and
 * keeps the words as written.
 */
@QuarkusTest
class ProblemLanguageApiTest {
    private static final String ORGS = "/api/v1/orgs/organizations";
    private static final String HAN = "(?s).*\\p{IsHan}.*";

    @Test
    void a_phone_that_names_no_language_reads_chinese_titles_for_a_validation_error_a_refusal_and_a_conflict() {
        invalid(AsCaller.districtAdmin(YANGPU).header("Accept-Language", "zh-CN")).statusCode(400)
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:grassroots:problem:validation"))
                .body("title", equalTo("请求无效"))
                .body("detail", equalTo("部分字段缺失或无效"))
                .body("errors.message", everyItem(matchesPattern(HAN)));

        String committee = committee(unique("党委"));
        refused(AsCaller.organizer(committee(unique("另一个党委")), YANGPU).header("Accept-Language", "zh-CN"), committee).statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"))
                .body("title", equalTo("无权访问"))
                .body("detail", matchesPattern(HAN));

        conflict(AsCaller.districtAdmin(YANGPU).header("Accept-Language", "zh-CN"), branch(unique("第一党支部"), committee)).statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:member-already-registered"))
                .body("title", equalTo("党员已登记"));
    }

    @Test
    void a_request_that_names_no_language_did_not_come_through_the_gateway_and_keeps_the_words_as_written() {
        invalid(AsCaller.districtAdmin(YANGPU)).statusCode(400)
                .header("Content-Language", "en")
                .body("type", equalTo("urn:grassroots:problem:validation"))
                .body("title", equalTo("Invalid request"));
    }

    @Test
    void a_phone_set_to_english_reads_english() {
        invalid(AsCaller.districtAdmin(YANGPU).header("Accept-Language", "en-US,en;q=0.9")).statusCode(400)
                .header("Content-Language", "en")
                .body("type", equalTo("urn:grassroots:problem:validation"))
                .body("title", equalTo("Invalid request"))
                .body("errors.message", everyItem(not(matchesPattern(HAN))));

        String committee = committee(unique("党委"));
        refused(AsCaller.organizer(committee(unique("另一个党委")), YANGPU).header("Accept-Language", "en"), committee)
                .statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"))
                .body("title", equalTo("Forbidden"))
                .body("detail", not(matchesPattern(HAN)));

        conflict(AsCaller.districtAdmin(YANGPU).header("Accept-Language", "en"), branch(unique("第一党支部"), committee))
                .statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:member-already-registered"))
                .body("title", not(matchesPattern(HAN)));
    }

    @Test
    void q_values_decide_which_language_wins() {
        invalid(AsCaller.districtAdmin(YANGPU).header("Accept-Language", "en;q=0.3, zh-CN;q=0.8")).statusCode(400)
                .header("Content-Language", "zh-CN").body("title", equalTo("请求无效"));
        invalid(AsCaller.districtAdmin(YANGPU).header("Accept-Language", "zh-CN;q=0.2, en;q=0.8")).statusCode(400)
                .header("Content-Language", "en").body("title", equalTo("Invalid request"));
    }

    @Test
    void a_request_without_the_gateways_headers_is_refused_in_chinese_too() {
        AsCaller.anonymous().header("Accept-Language", "zh-CN").get(ORGS + "/" + java.util.UUID.randomUUID()).then().statusCode(401)
                .body("type", equalTo("urn:grassroots:problem:unauthenticated"))
                .body("title", equalTo("未认证"));
    }

    private static io.restassured.response.ValidatableResponse invalid(RequestSpecification as) {
        return as.contentType(ContentType.JSON).body("{\"kind\":\"COMMITTEE\"}").post(ORGS).then();
    }

    private static io.restassured.response.ValidatableResponse refused(RequestSpecification as, String organization) {
        return as.get(ORGS + "/" + organization + "/history").then();
    }

    private static io.restassured.response.ValidatableResponse conflict(RequestSpecification as, String branch) {
        String idNumber = aValidIdNumber();
        register(branch, idNumber, LocalDate.now().minusMonths(2), null).statusCode(201);
        return register(as, branch, idNumber, LocalDate.now().minusMonths(1), null);
    }
}
