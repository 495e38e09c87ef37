package sh.grassroots.org.access.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static sh.grassroots.org.member.api.MemberApi.PATH;
import static sh.grassroots.org.member.api.MemberApi.aFullMemberOf;
import static sh.grassroots.org.member.api.MemberApi.registration;
import static sh.grassroots.org.testing.Districts.HUANGPU;
import static sh.grassroots.org.testing.Districts.YANGPU;
import static sh.grassroots.platform.testing.AsCaller.anonymous;
import static sh.grassroots.platform.testing.AsCaller.branchSecretary;
import static sh.grassroots.platform.testing.AsCaller.districtAdmin;
import static sh.grassroots.platform.testing.AsCaller.member;
import static sh.grassroots.platform.testing.AsCaller.organizer;
import static sh.grassroots.platform.testing.AsCaller.service;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.unique;

/**
 * Every member endpoint against callers from elsewhere. Member {@code m} lives in branch
 * {@code a1} of committee {@code a}; branch {@code b1} is another committee's, all in Yangpu.
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

    static Stream<ScopedCall> every() {
        return Stream.of(
                ScopedCall.post(PATH, "{registration}"),
                ScopedCall.get(PATH + "/{m}"),
                ScopedCall.get(PATH + "?homeOrganizationId={a1}"),
                ScopedCall.post(PATH + "/{m}/status", "{\"status\":\"FULL\",\"effectiveOn\":\"2024-01-01\"}"),
                ScopedCall.post(PATH + "/{m}/leave", "{\"leftOn\":\"2024-01-01\",\"reason\":\"WITHDREW\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("every")
    void the_secretary_of_another_branch_is_403(ScopedCall call) {
        call.by(branchSecretary(ids().get("b1")), ids()).statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("every")
    void the_admin_of_another_district_is_403(ScopedCall call) {
        call.by(districtAdmin(HUANGPU), ids()).statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("every")
    void another_member_is_403(ScopedCall call) {
        call.by(member(UUID.randomUUID().toString()), ids()).statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("every")
    void a_districts_service_identity_is_403(ScopedCall call) {
        call.by(service(YANGPU), ids()).statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:service-identity-not-allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("every")
    void without_the_gateways_headers_it_is_401(ScopedCall call) {
        call.by(anonymous(), ids()).statusCode(401)
                .body("type", equalTo("urn:grassroots:problem:unauthenticated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("every")
    void the_secretary_of_the_members_branch_is_let_through(ScopedCall call) {
        String a1 = branch(unique("第一党支部"), committee(unique("党委")));
        Map<String, String> own = Map.of("a1", a1, "m", aFullMemberOf(a1), "registration", registration(a1));
        call.by(branchSecretary(a1), own).statusCode(not(oneOf(401, 403, 404)));
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
