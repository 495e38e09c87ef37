package sh.grassroots.org.access.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static sh.grassroots.org.member.api.MemberApi.PATH;
import static sh.grassroots.org.member.api.MemberApi.aFullMemberOf;
import static sh.grassroots.org.member.api.MemberApi.registration;
import static sh.grassroots.org.testing.Districts.YANGPU;
import static sh.grassroots.platform.testing.AsCaller.branchSecretary;
import static sh.grassroots.platform.testing.AsCaller.districtAdmin;
import static sh.grassroots.platform.testing.AsCaller.member;
import static sh.grassroots.platform.testing.AsCaller.organizer;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.unique;

/**
 * Scenarios of who reads and manages a member beyond the access matrix (OrgAccessMatrixTest).
 * Member {@code m} lives in branch {@code a1} of committee {@code a}; branch {@code b1} is another
 * committee's, all in Yangpu.
 */
@QuarkusTest
class MemberAccessApiTest {
    private static Map<String, String> ids;

    private static synchronized Map<String, String> ids() {
        if (ids == null) {
            String a = committee(unique("哔哩哔哩党委"));
            String a1 = branch(unique("UP主党支部"), a);
            ids = Map.of("a", a, "a1", a1, "b1", branch(unique("第一党支部"), committee(unique("东方证券党委"))),
                    "m", aFullMemberOf(a1), "registration", registration(a1));
        }
        return ids;
    }

    @Test
    void a_member_reads_their_own_record_but_does_not_change_it() {
        String m = ids().get("m");
        member(m).get(PATH + "/" + m).then().statusCode(200).body("id", equalTo(m));
        member(m).contentType(ContentType.JSON).body("{\"leftOn\":\"2024-01-01\",\"reason\":\"WITHDREW\"}")
                .post(PATH + "/" + m + "/leave").then().statusCode(403);
        member(m).queryParam("homeOrganizationId", ids().get("a1")).get(PATH).then().statusCode(403);
    }

    @Test
    void an_organizer_above_the_home_branch_reads_and_manages_its_members() {
        organizer(ids().get("a"), null).get(PATH + "/" + ids().get("m")).then().statusCode(200);
        organizer(ids().get("a"), null).queryParam("homeOrganizationId", ids().get("a1")).get(PATH).then().statusCode(200);
    }

    @Test
    void an_unknown_member_is_404_and_an_unknown_home_is_the_registrations_422() {
        branchSecretary(ids().get("b1")).get(PATH + "/" + UUID.randomUUID()).then().statusCode(404);
        districtAdmin(YANGPU).contentType(ContentType.JSON).body(registration(UUID.randomUUID().toString()))
                .post(PATH).then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:unknown-organization"));
    }
}
