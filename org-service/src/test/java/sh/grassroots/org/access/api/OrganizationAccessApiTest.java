package sh.grassroots.org.access.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static sh.grassroots.org.testing.Districts.HUANGPU;
import static sh.grassroots.org.testing.Districts.YANGPU;
import static sh.grassroots.platform.testing.AsCaller.branchSecretary;
import static sh.grassroots.platform.testing.AsCaller.districtAdmin;
import static sh.grassroots.platform.testing.AsCaller.member;
import static sh.grassroots.platform.testing.AsCaller.organizer;
import static sh.grassroots.org.tree.api.TreeApi.PATH;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.unique;

/**
 * Scenarios of scope in the tree that the access matrix (OrgAccessMatrixTest) does not tell:
 * a secretary reading but not restructuring, an organizer below not reaching up, a move needing
 * both ends, new top-level organizations. Committee {@code a} with branch {@code a1}, committee
 * {@code b} with branch {@code b1}, all in Yangpu.
 */
@QuarkusTest
class OrganizationAccessApiTest {
    private static Map<String, String> ids;

    private static synchronized Map<String, String> ids() {
        if (ids == null) {
            String a = committee(unique("哔哩哔哩党委"));
            String b = committee(unique("东方证券党委"));
            ids = Map.of("a", a, "a1", branch(unique("UP主党支部"), a), "b", b, "b1", branch(unique("第一党支部"), b));
        }
        return ids;
    }

    @Test
    void a_branch_secretary_reads_their_branch_but_never_restructures_it() {
        String a1 = ids().get("a1");
        branchSecretary(a1).get(PATH + "/" + a1 + "/member-counts").then().statusCode(200);
        branchSecretary(a1).contentType(ContentType.JSON).body("{\"name\":\"改名\"}")
                .post(PATH + "/" + a1 + "/rename").then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        branchSecretary(a1).get(PATH + "/" + ids().get("a") + "/member-counts").then().statusCode(403);
    }

    @Test
    void an_organizer_below_does_not_reach_up() {
        organizer(ids().get("a1"), null).get(PATH + "/" + ids().get("a") + "/descendants").then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
    }

    @Test
    void a_move_needs_both_ends_in_scope() {
        String a = committee(unique("党委"));
        String a1 = branch(unique("第一党支部"), a);
        organizer(a, null).contentType(ContentType.JSON).body("{\"parentId\":\"" + ids().get("b") + "\"}")
                .post(PATH + "/" + a1 + "/move").then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        districtAdmin(YANGPU).contentType(ContentType.JSON).body("{\"parentId\":\"" + ids().get("b") + "\"}")
                .post(PATH + "/" + a1 + "/move").then().statusCode(200);
    }

    @Test
    void only_the_districts_admin_sets_up_a_top_level_organization() {
        String body = "{\"name\":\"" + unique("新党委") + "\",\"kind\":\"COMMITTEE\",\"districtCode\":\"310110\"}";
        organizer(ids().get("a"), null).contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        districtAdmin(HUANGPU).contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(403);
        districtAdmin(YANGPU).contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(201);
    }

    @Test
    void an_unknown_organization_is_404_before_any_scope_is_checked() {
        organizer(ids().get("b"), null).get(PATH + "/" + java.util.UUID.randomUUID() + "/descendants").then().statusCode(404)
                .body("type", equalTo("urn:grassroots:problem:not-found"));
    }
}
