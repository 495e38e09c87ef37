package sh.grassroots.org.history;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static sh.grassroots.org.member.api.MemberApi.aFullMemberOf;
import static sh.grassroots.org.testing.Districts.HUANGPU;
import static sh.grassroots.org.testing.Districts.YANGPU;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.createIn;
import static sh.grassroots.org.tree.api.TreeApi.unique;
import static sh.grassroots.platform.testing.AsCaller.branchSecretary;
import static sh.grassroots.platform.testing.AsCaller.districtAdmin;
import static sh.grassroots.platform.testing.AsCaller.member;
import static sh.grassroots.platform.testing.AsCaller.organizer;
import static sh.grassroots.platform.testing.AsCaller.service;

/**
 * Every line of an organization's history and every step of a transfer names who took it: the
 * subject and kind of the caller the gateway's headers named, shown by the history endpoints.
 */
@QuarkusTest
class WhoActedApiTest {
    private static final String ORGS = "/api/v1/orgs/organizations";
    private static final String BRANCHES = "/api/v1/orgs/branches";
    private static final String TRANSFERS = "/api/v1/orgs/transfers";

    @Test
    void each_change_in_an_organizations_history_names_who_made_it() {
        String bilibili = committee(unique("哔哩哔哩党委"));
        RequestSpecification organizerOfBilibili = organizer(bilibili, YANGPU);
        String up = organizer(bilibili, YANGPU).contentType(ContentType.JSON)
                .body("{\"name\":\"" + unique("UP主党支部") + "\",\"kind\":\"BRANCH\",\"districtCode\":\"" + YANGPU
                        + "\",\"foundedOn\":\"2020-01-01\",\"parentId\":\"" + bilibili + "\",\"form\":{\"type\":\"FUNCTIONAL\","
                        + "\"criteria\":\"city = \\\"上海\\\"\"}}")
                .post(ORGS).then().statusCode(201).extract().path("id");
        organizerOfBilibili.contentType(ContentType.JSON).body("{\"name\":\"" + unique("UP主创作者党支部") + "\"}")
                .post(ORGS + "/" + up + "/rename").then().statusCode(200);
        districtAdmin(YANGPU).contentType(ContentType.JSON)
                .body("{\"criteria\":\"city = \\\"上海\\\" and followers >= 10000\"}")
                .put(BRANCHES + "/" + up + "/criteria").then().statusCode(200);
        organizer(bilibili, YANGPU).contentType(ContentType.JSON).body("{\"dissolvedOn\":\"2026-01-31\",\"documentNumber\":\"沪杨委〔2026〕9号\"}")
                .post(ORGS + "/" + up + "/dissolve").then().statusCode(200);

        String organizerSubject = "organizer-" + bilibili;
        districtAdmin(YANGPU).get(ORGS + "/" + up + "/history").then().statusCode(200)
                .body("items.change", contains("CREATED", "RENAMED", "CRITERIA_CHANGED", "DISSOLVED"))
                .body("items.actor.subject", contains(organizerSubject, organizerSubject, "admin-" + YANGPU,
                        organizerSubject))
                .body("items.actor.kind", contains("PERSON", "PERSON", "PERSON", "PERSON"));
    }

    @Test
    void each_step_of_a_transfer_names_who_took_it() {
        String from = branch(unique("UP主党支部"), committee(unique("哔哩哔哩党委")));
        String to = branch(unique("第一党支部"), committee(unique("东方证券党委")));
        String m = aFullMemberOf(from);
        String transfer = member(m).contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + m + "\",\"toOrganizationId\":\"" + to + "\"}")
                .post(TRANSFERS).then().statusCode(201)
                .body("requestedBy.subject", equalTo(m))
                .body("requestedBy.kind", equalTo("PERSON"))
                .body("decidedBy", nullValue())
                .extract().path("id");
        branchSecretary(to).post(TRANSFERS + "/" + transfer + "/accept").then().statusCode(200);
        districtAdmin(YANGPU).post(TRANSFERS + "/" + transfer + "/complete").then().statusCode(200);

        member(m).get(TRANSFERS + "/" + transfer).then().statusCode(200)
                .body("requestedBy.subject", equalTo(m))
                .body("decidedBy.subject", equalTo("secretary-" + to))
                .body("decidedBy.kind", equalTo("PERSON"))
                .body("closedBy.subject", equalTo("admin-" + YANGPU))
                .body("closedBy.kind", equalTo("PERSON"));
        member(m).queryParam("memberId", m).get(TRANSFERS).then().statusCode(200)
                .body("items[0].closedBy.subject", equalTo("admin-" + YANGPU));
    }

    @Test
    void a_rejection_and_a_cancellation_name_who_closed_the_transfer() {
        String from = branch(unique("UP主党支部"), committee(unique("哔哩哔哩党委")));
        String to = branch(unique("第一党支部"), committee(unique("东方证券党委")));
        String rejected = request(aFullMemberOf(from), to);
        branchSecretary(to).contentType(ContentType.JSON).body("{\"reason\":\"不在本单位工作\"}")
                .post(TRANSFERS + "/" + rejected + "/reject").then().statusCode(200)
                .body("decidedBy.subject", equalTo("secretary-" + to))
                .body("closedBy.subject", equalTo("secretary-" + to));
        String cancelled = request(aFullMemberOf(from), to);
        branchSecretary(from).post(TRANSFERS + "/" + cancelled + "/cancel").then().statusCode(200)
                .body("decidedBy", nullValue())
                .body("closedBy.subject", equalTo("secretary-" + from))
                .body("closedBy.kind", equalTo("PERSON"));
    }

    @Test
    void another_districts_system_is_named_as_a_service_on_the_steps_it_takes() {
        String from = branch(unique("UP主党支部"), committee(unique("哔哩哔哩党委")));
        String to = createIn(HUANGPU, unique("小西门居民区党支部"), "BRANCH",
                createIn(HUANGPU, unique("老西门街道党工委"), "COMMITTEE", null));
        String transfer = request(aFullMemberOf(from), to);
        service(HUANGPU).contentType(ContentType.JSON).body("{}")
                .post("/inter-district/v1/transfers/" + transfer + "/accept").then().statusCode(200);

        districtAdmin(YANGPU).get(TRANSFERS + "/" + transfer).then().statusCode(200)
                .body("requestedBy.subject", equalTo("admin-" + YANGPU))
                .body("decidedBy.subject", equalTo("district-" + HUANGPU))
                .body("decidedBy.kind", equalTo("SERVICE"));
    }

    private static String request(String memberId, String to) {
        return districtAdmin(YANGPU).contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + memberId + "\",\"toOrganizationId\":\"" + to + "\"}")
                .post(TRANSFERS).then().statusCode(201).extract().path("id");
    }
}
