package sh.grassroots.org.member.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.persistence.PersonalDataProtector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static sh.grassroots.org.testing.Districts.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static sh.grassroots.org.member.api.MemberApi.PATH;
import static sh.grassroots.org.member.api.MemberApi.aFullMemberOf;
import static sh.grassroots.org.member.api.MemberApi.aProbationaryMemberOf;
import static sh.grassroots.org.member.api.MemberApi.becomeFull;
import static sh.grassroots.org.member.api.MemberApi.leave;
import static sh.grassroots.org.member.api.MemberApi.register;
import static sh.grassroots.org.member.model.IdNumbers.aValidIdNumber;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.dissolve;
import static sh.grassroots.org.tree.api.TreeApi.generalBranch;
import static sh.grassroots.org.tree.api.TreeApi.move;
import static sh.grassroots.org.tree.api.TreeApi.unique;

@QuarkusTest
class MemberApiTest {
    private static final String ORGS = "/api/v1/orgs/organizations";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    PersonalDataProtector protector;

    @Test
    void a_registered_member_is_shown_with_masked_id_number_and_phone_only() throws Exception {
        String branch = branch(unique("UP主党支部"), committee(unique("哔哩哔哩党委")));
        String idNumber = aValidIdNumber();
        String id = register(branch, idNumber, LocalDate.now().minusMonths(2), null).statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .body("status", equalTo("PROBATIONARY"))
                .body("idNumber", equalTo(idNumber.substring(0, 3) + "***********" + idNumber.substring(14)))
                .body("phone", equalTo("138****5678"))
                .body(not(containsString(idNumber.substring(3, 14))))
                .extract().path("id");

        asAdmin().get(PATH + "/" + id).then().statusCode(200)
                .body("homeOrganizationId", equalTo(branch))
                .body("phone", equalTo("138****5678"))
                .body(not(containsString("13812345678")));

        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select m::text, id_number_encrypted, phone_encrypted from member m where id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertFalse(rs.getString(1).contains(idNumber), "the ID number is stored in clear");
                assertFalse(rs.getString(1).contains("13812345678"), "the phone is stored in clear");
                assertEquals(idNumber, protector.decrypt(rs.getString(2)));
                assertEquals("13812345678", protector.decrypt(rs.getString(3)));
            }
        }
    }

    @Test
    void the_same_person_cannot_be_registered_twice_until_they_left() {
        String branch = branch(unique("第一党支部"), committee(unique("党委")));
        String idNumber = aValidIdNumber();
        String first = register(branch, idNumber, LocalDate.now().minusMonths(2), null).statusCode(201).extract().path("id");
        register(branch, idNumber.toLowerCase(), LocalDate.now().minusMonths(1), null).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:member-already-registered"))
                .body("errors.field", hasItem("idNumber"));

        leave(first, LocalDate.now().minusDays(1)).statusCode(200);
        register(branch, idNumber, LocalDate.now().minusDays(1), null).statusCode(201);
    }

    @Test
    void a_member_changes_their_own_phone_and_only_theirs_while_they_are_a_member() {
        String branch = branch(unique("第一党支部"), committee(unique("党委")));
        String me = aFullMemberOf(branch);
        String other = aFullMemberOf(branch);
        sh.grassroots.platform.testing.AsCaller.member(me).contentType(ContentType.JSON).body("{\"phone\":\"13912340000\"}")
                .put(PATH + "/" + me + "/phone").then().statusCode(200)
                .body("phone", equalTo("139****0000"));
        sh.grassroots.platform.testing.AsCaller.member(me).contentType(ContentType.JSON).body("{\"phone\":\"12345\"}")
                .put(PATH + "/" + me + "/phone").then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:invalid-personal-data"))
                .body("errors.field", hasItem("phone"));
        sh.grassroots.platform.testing.AsCaller.member(other).contentType(ContentType.JSON).body("{\"phone\":\"13700000000\"}")
                .put(PATH + "/" + me + "/phone").then().statusCode(403);
        asAdmin().get(PATH + "/" + me).then().body("phone", equalTo("139****0000"));
        asAdmin().contentType(ContentType.JSON).body("{\"phone\":null}")
                .put(PATH + "/" + me + "/phone").then().statusCode(200).body("phone", nullValue());
        leave(me, LocalDate.now()).statusCode(200);
        asAdmin().contentType(ContentType.JSON).body("{\"phone\":\"13912340000\"}")
                .put(PATH + "/" + me + "/phone").then().statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:member-has-left"));
    }

    @Test
    void invalid_personal_data_is_named_by_field() {
        String branch = branch(unique("第一党支部"), committee(unique("党委")));
        asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"李四\",\"idNumber\":\"110105194912310021\",\"phone\":\"12345\","
                        + "\"homeOrganizationId\":\"" + branch + "\",\"admittedOn\":\"2020-01-01\"}")
                .post(PATH).then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:invalid-personal-data"))
                .body("errors.field", hasItems("idNumber", "phone"))
                .body(not(containsString("110105194912310021")));
    }

    @Test
    void missing_fields_are_a_validation_problem() {
        asAdmin().contentType(ContentType.JSON).body("{\"name\":\"李四\"}").post(PATH).then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:validation"))
                .body("errors.field", hasItems("idNumber", "homeOrganizationId", "admittedOn"));
    }

    @Test
    void a_member_is_registered_in_an_existing_active_branch_only() {
        String committee = committee(unique("党委"));
        register(UUID.randomUUID().toString(), aValidIdNumber(), LocalDate.now().minusMonths(1), null).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:unknown-organization"))
                .body("errors.field", hasItem("homeOrganizationId"));
        register(committee, aValidIdNumber(), LocalDate.now().minusMonths(1), null).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:member-home-must-be-branch"));
        String closed = branch(unique("临时党支部"), committee);
        dissolve(closed, "2024-06-30").statusCode(200);
        register(closed, aValidIdNumber(), LocalDate.now().minusMonths(1), null).statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:member-home-dissolved"));
    }

    @Test
    void a_probationary_member_becomes_full_once_and_only_after_a_year() {
        String branch = branch(unique("第一党支部"), committee(unique("党委")));
        String recent = aProbationaryMemberOf(branch);
        becomeFull(recent, LocalDate.now().minusDays(2)).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:member-probation-not-over"));

        String admittedLongAgo = register(branch, aValidIdNumber(), LocalDate.now().minusYears(2), null)
                .statusCode(201).extract().path("id");
        becomeFull(admittedLongAgo, LocalDate.now().minusYears(1)).statusCode(200)
                .body("status", equalTo("FULL"))
                .body("fullSince", equalTo(LocalDate.now().minusYears(1).toString()));
        becomeFull(admittedLongAgo, LocalDate.now().minusDays(3)).statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:member-already-full"));
        asAdmin().contentType(ContentType.JSON).body("{\"status\":\"PROBATIONARY\",\"effectiveOn\":\"2025-01-01\"}")
                .post(PATH + "/" + admittedLongAgo + "/status").then().statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:member-status-change-not-allowed"));
    }

    @Test
    void a_member_who_left_can_no_longer_change() {
        String branch = branch(unique("第一党支部"), committee(unique("党委")));
        String member = aFullMemberOf(branch);
        leave(member, LocalDate.now().minusDays(1)).statusCode(200)
                .body("leftOn", equalTo(LocalDate.now().minusDays(1).toString()))
                .body("leaveReason", equalTo("WITHDREW"));
        leave(member, LocalDate.now().minusDays(1)).statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:member-has-left"));
        asAdmin().contentType(ContentType.JSON).body("{\"leftOn\":\"2025-01-01\",\"reason\":\"BORED\"}")
                .post(PATH + "/" + member + "/leave").then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:invalid-field"))
                .body("errors.field", hasItem("reason"));
    }

    @Test
    void member_counts_cover_the_whole_subtree_and_follow_a_move() {
        String bilibili = committee(unique("哔哩哔哩党委"));
        String tech = generalBranch(unique("技术党总支"), bilibili);
        String up = branch(unique("UP主党支部"), tech);
        String direct = branch(unique("北京直管党支部"), bilibili);
        for (int i = 0; i < 3; i++) {
            aFullMemberOf(up);
        }
        aProbationaryMemberOf(up);
        aFullMemberOf(direct);
        leave(aFullMemberOf(direct), LocalDate.now().minusDays(1)).statusCode(200);

        counts(bilibili, 4, 1);
        counts(tech, 3, 1);
        counts(direct, 1, 0);

        String other = committee(unique("哔哩哔哩第二党委"));
        move(tech, other).statusCode(200);
        counts(bilibili, 1, 0);
        counts(other, 3, 1);
        counts(up, 3, 1);
    }

    @Test
    void a_branch_that_still_holds_members_is_not_dissolved() {
        String branch = branch(unique("第一党支部"), committee(unique("党委")));
        String member = aFullMemberOf(branch);
        dissolve(branch, "2025-01-01").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:dissolve-has-active-members"));
        leave(member, LocalDate.now().minusDays(1)).statusCode(200);
        dissolve(branch, LocalDate.now().minusDays(1).toString()).statusCode(200);
    }

    @Test
    void the_members_of_a_branch_come_page_by_page() {
        String branch = branch(unique("第一党支部"), committee(unique("党委")));
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            registered.add(aProbationaryMemberOf(branch));
        }
        var first = asAdmin().queryParam("homeOrganizationId", branch).queryParam("limit", 3).get(PATH)
                .then().statusCode(200).body("items", hasSize(3)).extract();
        String cursor = first.path("nextCursor");
        var second = asAdmin().queryParam("homeOrganizationId", branch).queryParam("limit", 3).queryParam("cursor", cursor)
                .get(PATH).then().statusCode(200).body("items", hasSize(2)).body("nextCursor", nullValue()).extract();
        List<String> seen = new ArrayList<>(first.path("items.id"));
        seen.addAll(second.path("items.id"));
        assertEquals(registered.stream().sorted().toList(), seen);

        asAdmin().get(PATH).then().statusCode(400).body("errors.field", hasItem("homeOrganizationId"));
        asAdmin().queryParam("homeOrganizationId", branch).queryParam("cursor", "bm9wZQ").get(PATH).then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:invalid-cursor"));
    }

    @Test
    void the_size_report_flags_a_branch_short_of_full_members_and_a_small_committee() {
        String committee = committee(unique("园艺村党委"));
        String grid1 = branch(unique("第一网格党支部"), committee);
        String grid2 = branch(unique("第二网格党支部"), committee);
        for (int i = 0; i < 3; i++) {
            aFullMemberOf(grid1);
        }
        aFullMemberOf(grid2);
        aFullMemberOf(grid2);
        aProbationaryMemberOf(grid2);

        var report = asAdmin().get(ORGS + "/" + committee + "/size-report").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items[0].organizationId", equalTo(committee))
                .body("items[0].total", equalTo(6))
                .body("items[0].flags.rule", contains("size-committee-below-usual-size"))
                .body("nextCursor", nullValue()).extract();
        List<String> ids = report.path("items.organizationId");
        int second = ids.indexOf(grid2);
        asAdmin().get(ORGS + "/" + committee + "/size-report").then()
                .body("items[" + second + "].flags.rule", contains("size-branch-needs-three-full-members"))
                .body("items[" + ids.indexOf(grid1) + "].flags", hasSize(0));

        var firstPage = asAdmin().queryParam("limit", 2).get(ORGS + "/" + committee + "/size-report").then()
                .statusCode(200).body("items", hasSize(2)).extract();
        asAdmin().queryParam("limit", 2).queryParam("cursor", (String) firstPage.path("nextCursor"))
                .get(ORGS + "/" + committee + "/size-report").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].organizationId", equalTo(ids.get(2)));
    }

    @Test
    void an_unknown_member_is_a_404() {
        asAdmin().get(PATH + "/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("urn:grassroots:problem:not-found"));
        leave(UUID.randomUUID().toString(), LocalDate.now().minusDays(1)).statusCode(404);
    }

    private static void counts(String organization, int full, int probationary) {
        asAdmin().get(ORGS + "/" + organization + "/member-counts").then().statusCode(200)
                .body("full", equalTo(full))
                .body("probationary", equalTo(probationary))
                .body("total", equalTo(full + probationary));
    }
}
