package sh.grassroots.org.concurrency;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AtOnce;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.org.member.api.MemberApi.aFullMemberOf;
import static sh.grassroots.org.member.api.MemberApi.leave;
import static sh.grassroots.org.testing.Districts.asAdmin;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.generalBranch;
import static sh.grassroots.org.tree.api.TreeApi.unique;

/**
 * Requests that reach one record at the same moment: each is served one after the other or told
 * that it lost (409/412 problem+json), never a 500, and the rules hold whatever the interleaving.
 */
@QuarkusTest
class ConcurrentChangesTest {
    private static final String ORGS = "/api/v1/orgs/organizations";
    private static final String MEMBERS = "/api/v1/orgs/members";
    private static final String TRANSFERS = "/api/v1/orgs/transfers";
    private static final int AT_ONCE = 8;

    private static String acceptedTransfer(String member, String to) {
        String transfer = requested(member, to);
        asAdmin().post(TRANSFERS + "/" + transfer + "/accept").then().statusCode(200);
        return transfer;
    }

    private static String requested(String member, String to) {
        return asAdmin().contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + member + "\",\"toOrganizationId\":\"" + to + "\"}")
                .post(TRANSFERS).then().statusCode(201).extract().path("id");
    }

    private static void assertNoServerError(List<Response> answers, Set<Integer> expected) {
        for (Response answer : answers) {
            assertTrue(expected.contains(answer.statusCode()), () -> answer.statusCode() + ": " + answer.asString());
            if (answer.statusCode() >= 400) {
                assertTrue(answer.contentType().startsWith("application/problem+json"), answer::asString);
            }
        }
    }

    @Test
    void a_transfer_accepted_before_the_member_left_is_not_completed() {
        String committee = committee(unique("党委"));
        String from = branch(unique("第一党支部"), committee);
        String to = branch(unique("第二党支部"), committee);
        String member = aFullMemberOf(from);
        String transfer = acceptedTransfer(member, to);
        leave(member, LocalDate.now()).statusCode(200);

        asAdmin().post(TRANSFERS + "/" + transfer + "/complete").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:transfer-member-has-left"));
        asAdmin().get(MEMBERS + "/" + member).then().body("homeOrganizationId", equalTo(from));
        asAdmin().get(TRANSFERS + "/" + transfer).then().body("status", equalTo("ACCEPTED"));
    }

    @Test
    void a_member_leaving_while_their_transfer_completes_is_either_moved_first_or_not_moved_at_all() {
        String committee = committee(unique("党委"));
        String from = branch(unique("第一党支部"), committee);
        String to = branch(unique("第二党支部"), committee);
        for (int round = 0; round < 4; round++) {
            String member = aFullMemberOf(from);
            String transfer = acceptedTransfer(member, to);
            List<Response> answers = AtOnce.send(2, i -> i == 0
                    ? asAdmin().post(TRANSFERS + "/" + transfer + "/complete")
                    : asAdmin().contentType(ContentType.JSON)
                    .body("{\"leftOn\":\"" + LocalDate.now() + "\",\"reason\":\"WITHDREW\"}")
                    .post(MEMBERS + "/" + member + "/leave"));
            assertNoServerError(answers, Set.of(200, 409));
            Response completed = answers.get(0);
            Response left = answers.get(1);
            assertEquals(200, left.statusCode(), left::asString);
            var record = asAdmin().get(MEMBERS + "/" + member).then().extract();
            if (completed.statusCode() == 200) {
                assertEquals(to, record.path("homeOrganizationId"), "completed first: they left from the new home");
            } else {
                assertEquals("urn:grassroots:problem:transfer-member-has-left", completed.jsonPath().getString("type"));
                assertEquals(from, record.path("homeOrganizationId"));
            }
        }
    }

    @Test
    void an_accept_and_a_cancel_at_the_same_moment_end_in_one_of_them_and_the_other_is_told_why() {
        String committee = committee(unique("党委"));
        String from = branch(unique("第一党支部"), committee);
        String to = branch(unique("第二党支部"), committee);
        for (int round = 0; round < 4; round++) {
            String transfer = requested(aFullMemberOf(from), to);
            List<Response> answers = AtOnce.send(2, i -> asAdmin()
                    .post(TRANSFERS + "/" + transfer + (i == 0 ? "/accept" : "/cancel")));
            assertNoServerError(answers, Set.of(200, 409, 412));
            assertEquals(1, answers.stream().filter(a -> a.statusCode() == 200).count(),
                    () -> "exactly one step wins: " + AtOnce.statuses(answers));
            String status = asAdmin().get(TRANSFERS + "/" + transfer).then().extract().path("status");
            assertEquals(answers.get(0).statusCode() == 200 ? "ACCEPTED" : "CANCELLED", status);
        }
    }

    @Test
    void eight_renames_of_one_organization_at_once_are_served_one_after_the_other() {
        String organization = committee(unique("党委"));
        List<Response> answers = AtOnce.send(AT_ONCE, i -> asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"" + unique("改名党委" + i) + "\"}").post(ORGS + "/" + organization + "/rename"));
        assertNoServerError(answers, Set.of(200));
        asAdmin().get(ORGS + "/" + organization + "/history").then().statusCode(200);
    }

    @Test
    void phones_put_at_once_are_each_stored_or_told_to_retry() {
        String member = aFullMemberOf(branch(unique("第一党支部"), committee(unique("党委"))));
        List<Response> answers = AtOnce.send(AT_ONCE, i -> asAdmin().contentType(ContentType.JSON)
                .body("{\"phone\":\"1391234000" + i + "\"}").put(MEMBERS + "/" + member + "/phone"));
        assertNoServerError(answers, Set.of(200, 409));
    }

    @Test
    void a_village_described_at_once_by_several_is_each_stored_or_told_to_retry() {
        String village = generalBranch(unique("园艺村党总支"), committee(unique("港沿镇党委")));
        List<Response> answers = AtOnce.send(AT_ONCE, i -> asAdmin().contentType(ContentType.JSON)
                .body("{\"areaKm2\":3." + i + ",\"households\":" + (830 + i) + "}").put("/api/v1/orgs/villages/" + village));
        assertNoServerError(answers, Set.of(200, 409));
    }

    @Test
    void attributes_replaced_at_once_are_each_stored_in_turn() {
        String member = aFullMemberOf(branch(unique("第一党支部"), committee(unique("党委"))));
        List<Response> answers = AtOnce.send(AT_ONCE, i -> asAdmin().contentType(ContentType.JSON)
                .body("{\"attributes\":{\"city\":\"上海\",\"followers\":\"" + (1000 + i) + "\"}}")
                .put(MEMBERS + "/" + member + "/attributes"));
        assertNoServerError(answers, Set.of(200));
    }
}
