package sh.grassroots.org.transfer.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static sh.grassroots.org.testing.Districts.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static sh.grassroots.org.member.api.MemberApi.aFullMemberOf;
import static sh.grassroots.org.member.api.MemberApi.leave;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.dissolve;
import static sh.grassroots.org.tree.api.TreeApi.generalBranch;
import static sh.grassroots.org.tree.api.TreeApi.unique;

@QuarkusTest
class TransferApiTest {
    private static final String PATH = "/api/v1/orgs/transfers";
    private static final String ORGS = "/api/v1/orgs/organizations";
    private static final String MEMBERS = "/api/v1/orgs/members";

    private static ValidatableResponse request(String member, String to) {
        return asAdmin().contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + member + "\",\"toOrganizationId\":\"" + to + "\",\"note\":\"工作调动\"}")
                .post(PATH).then();
    }

    private static ValidatableResponse act(String transfer, String action) {
        return asAdmin().contentType(ContentType.JSON).post(PATH + "/" + transfer + "/" + action).then();
    }

    @Test
    void a_member_is_transferred_requested_accepted_completed_and_the_counts_follow() {
        String bilibili = committee(unique("哔哩哔哩党委"));
        String from = branch(unique("UP主党支部"), bilibili);
        String otherCommittee = committee(unique("东方证券党委"));
        String to = branch(unique("第一党支部"), otherCommittee);
        String member = aFullMemberOf(from);

        String transfer = request(member, to).statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("fromOrganizationId", equalTo(from))
                .extract().path("id");
        act(transfer, "accept").statusCode(200).body("status", equalTo("ACCEPTED"));
        act(transfer, "complete").statusCode(200).body("status", equalTo("COMPLETED"));

        asAdmin().get(MEMBERS + "/" + member).then().body("homeOrganizationId", equalTo(to));
        asAdmin().get(ORGS + "/" + bilibili + "/member-counts").then().body("full", equalTo(0));
        asAdmin().get(ORGS + "/" + otherCommittee + "/member-counts").then().body("full", equalTo(1));
        asAdmin().queryParam("memberId", member).get(PATH).then().statusCode(200)
                .body("items.id", contains(transfer))
                .body("items[0].status", equalTo("COMPLETED"));
    }

    @Test
    void the_transfers_waiting_for_a_decision_in_a_subtree_are_listed_until_they_are_completed() {
        String from = branch(unique("UP主党支部"), committee(unique("哔哩哔哩党委")));
        String receiving = committee(unique("东方证券党委"));
        String first = branch(unique("第一党支部"), receiving);
        String second = branch(unique("第二党支部"), receiving);
        String requested = request(aFullMemberOf(from), first).statusCode(201).extract().path("id");
        String accepted = request(aFullMemberOf(from), second).statusCode(201).extract().path("id");
        act(accepted, "accept").statusCode(200);
        String cancelled = request(aFullMemberOf(from), second).statusCode(201).extract().path("id");
        act(cancelled, "cancel").statusCode(200);

        asAdmin().queryParam("organizationId", receiving).get(PATH + "/incoming").then().statusCode(200)
                .body("items.id", contains(requested, accepted))
                .body("items.status", contains("REQUESTED", "ACCEPTED"));
        asAdmin().queryParam("organizationId", first).queryParam("limit", 1).get(PATH + "/incoming").then()
                .statusCode(200).body("items.id", contains(requested));
        asAdmin().queryParam("organizationId", from).get(PATH + "/incoming").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());

        act(accepted, "complete").statusCode(200);
        asAdmin().queryParam("organizationId", receiving).get(PATH + "/incoming").then().statusCode(200)
                .body("items.id", contains(requested));
    }

    @Test
    void a_second_open_transfer_is_refused_until_the_first_is_closed() {
        String committee = committee(unique("党委"));
        String from = branch(unique("第一党支部"), committee);
        String to = branch(unique("第二党支部"), committee);
        String elsewhere = branch(unique("第三党支部"), committee);
        String member = aFullMemberOf(from);

        String first = request(member, to).statusCode(201).extract().path("id");
        request(member, elsewhere).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:transfer-already-open"));
        act(first, "cancel").statusCode(200).body("status", equalTo("CANCELLED"));
        String second = request(member, elsewhere).statusCode(201).extract().path("id");
        asAdmin().contentType(ContentType.JSON).body("{\"reason\":\"不符合条件\"}")
                .post(PATH + "/" + second + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("不符合条件"));
        request(member, elsewhere).statusCode(201);
    }

    @Test
    void a_transfer_to_a_dissolved_branch_or_a_non_branch_is_refused() {
        String committee = committee(unique("党委"));
        String from = branch(unique("第一党支部"), committee);
        String closed = branch(unique("临时党支部"), committee);
        dissolve(closed, "2024-06-30").statusCode(200);
        String member = aFullMemberOf(from);

        request(member, closed).statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:transfer-target-dissolved"));
        request(member, generalBranch(unique("党总支"), committee)).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:transfer-target-must-be-branch"));
        request(member, from).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:transfer-target-is-current-home"));
        request(member, UUID.randomUUID().toString()).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:unknown-organization"))
                .body("errors.field", hasItem("toOrganizationId"));
        request(UUID.randomUUID().toString(), from).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:unknown-member"));
    }

    @Test
    void the_steps_come_in_order_and_an_accepted_transfer_is_no_longer_cancellable() {
        String committee = committee(unique("党委"));
        String from = branch(unique("第一党支部"), committee);
        String to = branch(unique("第二党支部"), committee);
        String member = aFullMemberOf(from);
        String transfer = request(member, to).statusCode(201).extract().path("id");

        act(transfer, "complete").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:transfer-not-accepted"));
        act(transfer, "accept").statusCode(200);
        act(transfer, "accept").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:transfer-not-awaiting-decision"));
        act(transfer, "cancel").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:transfer-no-longer-cancellable"));
        asAdmin().contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .post(PATH + "/" + transfer + "/reject").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        act(UUID.randomUUID().toString(), "accept").statusCode(404);
    }

    @Test
    void a_member_who_left_is_not_transferred() {
        String committee = committee(unique("党委"));
        String from = branch(unique("第一党支部"), committee);
        String to = branch(unique("第二党支部"), committee);
        String member = aFullMemberOf(from);
        leave(member, LocalDate.now().minusDays(1)).statusCode(200);
        request(member, to).statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:transfer-member-has-left"));
    }
}
