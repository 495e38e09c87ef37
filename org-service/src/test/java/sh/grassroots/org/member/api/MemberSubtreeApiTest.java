package sh.grassroots.org.member.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.org.member.api.MemberApi.PATH;
import static sh.grassroots.org.member.api.MemberApi.aFullMemberOf;
import static sh.grassroots.org.member.api.MemberApi.aProbationaryMemberOf;
import static sh.grassroots.org.member.api.MemberApi.becomeFull;
import static sh.grassroots.org.member.api.MemberApi.leave;
import static sh.grassroots.org.member.api.MemberApi.register;
import static sh.grassroots.org.member.model.IdNumbers.aValidIdNumber;
import static sh.grassroots.org.testing.Districts.asAdmin;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.generalBranch;
import static sh.grassroots.org.tree.api.TreeApi.unique;

/** A whole subtree's member list, and the kept member counts following every kind of change. */
@QuarkusTest
class MemberSubtreeApiTest {
    private static final String ORGS = "/api/v1/orgs/organizations";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_committees_whole_member_list_comes_page_by_page_in_tree_order_without_former_members() {
        String committee = committee(unique("港沿镇党委"));
        String village = generalBranch(unique("园艺村党总支"), committee);
        String grid1 = branch(unique("第一网格党支部"), village);
        String grid2 = branch(unique("第二网格党支部"), village);
        String direct = branch(unique("机关党支部"), committee);
        String elsewhere = branch(unique("第一党支部"), committee(unique("别的党委")));
        List<String> expected = new ArrayList<>();
        for (String branch : List.of(grid1, grid2, direct)) {
            expected.add(aFullMemberOf(branch));
            expected.add(aFullMemberOf(branch));
            expected.add(aProbationaryMemberOf(branch));
        }
        String former = aFullMemberOf(grid2);
        leave(former, LocalDate.now().minusDays(1)).statusCode(200);
        aFullMemberOf(elsewhere);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = asAdmin().queryParam("homeOrganizationId", committee).queryParam("subtree", true)
                    .queryParam("limit", 4);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = request.get(PATH).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);

        assertEquals(9, seen.size(), "every active member of the subtree, once: " + seen);
        assertEquals(new HashSet<>(expected), new HashSet<>(seen));
        // tree order: each branch's members together
        List<String> homes = new ArrayList<>();
        for (String id : seen) {
            String home = asAdmin().get(PATH + "/" + id).then().extract().path("homeOrganizationId");
            if (homes.isEmpty() || !homes.get(homes.size() - 1).equals(home)) {
                homes.add(home);
            }
        }
        assertEquals(3, homes.size(), "members grouped by branch: " + homes);

        asAdmin().queryParam("homeOrganizationId", grid1).queryParam("subtree", true).get(PATH).then()
                .statusCode(200).body("items", hasSize(3)).body("nextCursor", nullValue());
    }

    @Test
    void a_cursor_from_another_subtree_or_made_up_is_refused() {
        String one = branch(unique("第一党支部"), committee(unique("党委")));
        String other = branch(unique("第二党支部"), committee(unique("党委")));
        aFullMemberOf(one);
        aFullMemberOf(one);
        String cursor = asAdmin().queryParam("homeOrganizationId", one).queryParam("subtree", true)
                .queryParam("limit", 1).get(PATH).then().statusCode(200).extract().path("nextCursor");

        asAdmin().queryParam("homeOrganizationId", other).queryParam("subtree", true).queryParam("cursor", cursor)
                .get(PATH).then().statusCode(400).body("type", equalTo("urn:grassroots:problem:invalid-cursor"));
        asAdmin().queryParam("homeOrganizationId", one).queryParam("subtree", true).queryParam("cursor", "bm9wZQ")
                .get(PATH).then().statusCode(400).body("type", equalTo("urn:grassroots:problem:invalid-cursor"));
    }

    @Test
    void kept_counts_follow_a_status_change_and_a_completed_transfer() throws Exception {
        String committee = committee(unique("哔哩哔哩党委"));
        String from = branch(unique("第一党支部"), committee);
        String to = branch(unique("第二党支部"), committee);
        // admitted over a year ago, so that the probation can end today
        String probationary = register(from, aValidIdNumber(), LocalDate.now().minusMonths(13), null)
                .statusCode(201).extract().path("id");
        aFullMemberOf(from);
        counts(from, 1, 1);

        becomeFull(probationary, LocalDate.now()).statusCode(200);
        counts(from, 2, 0);

        // what completing a transfer writes: the member's home and its path, in one update
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update member set home_organization_id = ?::uuid, "
                     + "home_path = (select path from organization where id = ?::uuid) where id = ?::uuid")) {
            s.setString(1, to);
            s.setString(2, to);
            s.setString(3, probationary);
            assertEquals(1, s.executeUpdate());
        }
        counts(from, 1, 0);
        counts(to, 1, 0);
        counts(committee, 2, 0);
    }

    private static void counts(String organization, int full, int probationary) {
        asAdmin().get(ORGS + "/" + organization + "/member-counts").then().statusCode(200)
                .body("full", equalTo(full))
                .body("probationary", equalTo(probationary))
                .body("total", equalTo(full + probationary));
    }
}
