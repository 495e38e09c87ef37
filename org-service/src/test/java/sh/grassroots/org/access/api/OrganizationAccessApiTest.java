package sh.grassroots.org.access.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static sh.grassroots.org.testing.Districts.HUANGPU;
import static sh.grassroots.org.testing.Districts.YANGPU;
import static sh.grassroots.platform.testing.AsCaller.anonymous;
import static sh.grassroots.platform.testing.AsCaller.branchSecretary;
import static sh.grassroots.platform.testing.AsCaller.districtAdmin;
import static sh.grassroots.platform.testing.AsCaller.member;
import static sh.grassroots.platform.testing.AsCaller.organizer;
import static sh.grassroots.platform.testing.AsCaller.service;
import static sh.grassroots.org.tree.api.TreeApi.PATH;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.unique;

/**
 * Every organization endpoint against callers from elsewhere: another subtree, another district,
 * a service identity, no gateway headers. Committee {@code a} with branch {@code a1}, committee
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

    /** Every endpoint that needs a scope, aimed at committee a or its branch a1. */
    static Stream<ScopedCall> scoped() {
        return Stream.of(
                ScopedCall.post(PATH, "{\"name\":\"新支部\",\"kind\":\"BRANCH\",\"districtCode\":\"310110\",\"parentId\":\"{a}\"}"),
                ScopedCall.post(PATH + "/{a1}/rename", "{\"name\":\"改名支部\"}"),
                ScopedCall.post(PATH + "/{a1}/move", "{\"parentId\":\"{a}\"}"),
                ScopedCall.post(PATH + "/{a1}/dissolve", "{\"dissolvedOn\":\"2024-01-01\",\"documentNumber\":\"沪杨委〔2026〕1号\"}"),
                ScopedCall.get(PATH + "/{a}/descendants"),
                ScopedCall.get(PATH + "/{a}/history"),
                ScopedCall.get(PATH + "/{a}/member-counts"),
                ScopedCall.get(PATH + "/{a}/size-report"));
    }

    /** An organization's own card and path: open to any authenticated person. */
    static Stream<ScopedCall> open() {
        return Stream.of(ScopedCall.get(PATH + "/{a1}"), ScopedCall.get(PATH + "/{a1}/path"));
    }

    static Stream<ScopedCall> every() {
        return Stream.concat(scoped(), open());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoped")
    void an_organizer_of_another_subtree_is_403(ScopedCall call) {
        call.by(organizer(ids().get("b"), null), ids()).statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoped")
    void the_admin_of_another_district_is_403(ScopedCall call) {
        call.by(districtAdmin(HUANGPU), ids()).statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoped")
    void a_plain_member_is_403(ScopedCall call) {
        call.by(member("00000000-0000-0000-0000-00000000abcd"), ids()).statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("every")
    void a_districts_service_identity_is_403_even_in_its_own_district(ScopedCall call) {
        call.by(service(YANGPU), ids()).statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:service-identity-not-allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("every")
    void without_the_gateways_headers_it_is_401(ScopedCall call) {
        call.by(anonymous(), ids()).statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:unauthenticated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoped")
    void the_organizer_of_the_subtree_is_let_through(ScopedCall call) {
        // Fresh organizations: this may rename, move or dissolve them.
        String a = committee(unique("党委"));
        Map<String, String> own = Map.of("a", a, "a1", branch(unique("第一党支部"), a));
        call.by(organizer(a, null), own).statusCode(not(oneOf(401, 403, 404)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("open")
    void anyone_authenticated_reads_an_organizations_card_and_path(ScopedCall call) {
        call.by(member("00000000-0000-0000-0000-00000000abcd"), ids()).statusCode(200);
        call.by(districtAdmin(HUANGPU), ids()).statusCode(200);
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
