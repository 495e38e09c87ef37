package sh.grassroots.org.access.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static sh.grassroots.org.member.api.MemberApi.aFullMemberOf;
import static sh.grassroots.org.testing.Districts.HUANGPU;
import static sh.grassroots.org.testing.Districts.YANGPU;
import static sh.grassroots.platform.testing.AsCaller.branchSecretary;
import static sh.grassroots.platform.testing.AsCaller.districtAdmin;
import static sh.grassroots.platform.testing.AsCaller.member;
import static sh.grassroots.platform.testing.AsCaller.organizer;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.createIn;
import static sh.grassroots.org.tree.api.TreeApi.unique;

/**
 * Who is which side of a transfer, step by step, each scenario in organizations of its own (the
 * access matrix, OrgAccessMatrixTest, checks each endpoint's callers).
 */
@QuarkusTest
class TransferAccessApiTest {
    private static final String PATH = "/api/v1/orgs/transfers";
    private static final String MEMBERS = "/api/v1/orgs/members";
    private static ValidatableResponse request(RequestSpecification as, String member, String to) {
        return as.contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + member + "\",\"toOrganizationId\":\"" + to + "\"}").post(PATH).then();
    }

    private static ValidatableResponse act(RequestSpecification as, String transfer, String action) {
        return as.contentType(ContentType.JSON).body(action.equals("reject") ? "{\"reason\":\"不符合条件\"}" : "{}")
                .post(PATH + "/" + transfer + "/" + action).then();
    }

    @Test
    void the_sending_side_requests_and_cancels_but_does_not_decide() {
        String a1 = branch(unique("第一党支部"), committee(unique("党委")));
        String b1 = branch(unique("第二党支部"), committee(unique("党委")));
        String m = aFullMemberOf(a1);
        String t = request(branchSecretary(a1), m, b1).statusCode(201).extract().path("id");
        for (String action : new String[]{"accept", "reject", "complete"}) {
            act(branchSecretary(a1), t, action).statusCode(403).body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        }
        act(branchSecretary(b1), t, "cancel").statusCode(403);
        request(branchSecretary(b1), m, b1).statusCode(403);
        act(branchSecretary(a1), t, "cancel").statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void the_receiving_side_accepts_and_completes_and_then_holds_the_members_record() {
        String a1 = branch(unique("第一党支部"), committee(unique("党委")));
        String b1 = branch(unique("第二党支部"), committee(unique("党委")));
        String m = aFullMemberOf(a1);
        String t = request(branchSecretary(a1), m, b1).statusCode(201).extract().path("id");
        branchSecretary(b1).get(PATH + "/" + t).then().statusCode(200);
        act(branchSecretary(b1), t, "accept").statusCode(200).body("status", equalTo("ACCEPTED"));
        act(branchSecretary(b1), t, "complete").statusCode(200).body("status", equalTo("COMPLETED"));

        branchSecretary(b1).get(MEMBERS + "/" + m).then().statusCode(200).body("homeOrganizationId", equalTo(b1));
        branchSecretary(a1).get(MEMBERS + "/" + m).then().statusCode(403);
        branchSecretary(a1).get(PATH + "/" + t).then().statusCode(200);
    }

    @Test
    void a_member_asks_for_their_own_transfer_reads_it_and_may_withdraw_it_but_not_accept_it() {
        String a1 = branch(unique("第一党支部"), committee(unique("党委")));
        String b1 = branch(unique("第二党支部"), committee(unique("党委")));
        String m = aFullMemberOf(a1);
        String t = request(member(m), m, b1).statusCode(201).extract().path("id");
        member(m).get(PATH + "/" + t).then().statusCode(200);
        member(m).queryParam("memberId", m).queryParam("limit", 5).get(PATH).then().statusCode(200)
                .body("items[0].id", equalTo(t));
        act(member(m), t, "accept").statusCode(403);
        act(member(m), t, "cancel").statusCode(200);
        request(member(m), aFullMemberOf(a1), b1).statusCode(403);
    }

    @Test
    void people_of_the_receiving_district_see_but_do_not_decide_an_inter_district_transfer() {
        String a1 = branch(unique("第一党支部"), committee(unique("哔哩哔哩党委")));
        String h1 = createIn(HUANGPU, unique("小西门居民区第一党支部"), "BRANCH",
                createIn(HUANGPU, unique("老西门街道党工委"), "COMMITTEE", null));
        String m = aFullMemberOf(a1);
        String t = request(organizer(a1, null), m, h1).statusCode(201)
                .body("interDistrict", equalTo(true))
                .body("fromDistrictCode", equalTo(YANGPU))
                .body("toDistrictCode", equalTo(HUANGPU))
                .extract().path("id");
        districtAdmin(HUANGPU).get(PATH + "/" + t).then().statusCode(200);
        for (String action : new String[]{"accept", "reject"}) {
            act(districtAdmin(HUANGPU), t, action).statusCode(403)
                    .body("type", equalTo("urn:grassroots:problem:inter-district-transfer-decided-by-receiving-system"));
            act(branchSecretary(h1), t, action).statusCode(403);
        }
        act(districtAdmin(YANGPU), t, "cancel").statusCode(200);
    }

    @Test
    void an_unknown_transfer_is_404() {
        act(districtAdmin(YANGPU), UUID.randomUUID().toString(), "accept").statusCode(404)
                .body("type", equalTo("urn:grassroots:problem:not-found"));
    }
}
