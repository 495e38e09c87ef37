package sh.grassroots.org.branch.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;

import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static sh.grassroots.org.branch.api.BranchApi.BRANCHES;
import static sh.grassroots.org.branch.api.BranchApi.CHONGMING;
import static sh.grassroots.org.branch.api.BranchApi.HUANGPU;
import static sh.grassroots.org.branch.api.BranchApi.ORGS;
import static sh.grassroots.org.branch.api.BranchApi.UP_ZHU_CRITERIA;
import static sh.grassroots.org.branch.api.BranchApi.YANGPU;
import static sh.grassroots.org.branch.api.BranchApi.admin;
import static sh.grassroots.org.branch.api.BranchApi.branch;
import static sh.grassroots.org.branch.api.BranchApi.committee;
import static sh.grassroots.org.branch.api.BranchApi.create;
import static sh.grassroots.org.branch.api.BranchApi.fullMember;
import static sh.grassroots.org.branch.api.BranchApi.functional;
import static sh.grassroots.org.branch.api.BranchApi.generalBranch;
import static sh.grassroots.org.branch.api.BranchApi.temporary;
import static sh.grassroots.org.branch.api.BranchApi.unique;

@QuarkusTest
class BranchFormApiTest {

    @Test
    void up_zhu_is_created_as_a_functional_branch_and_shows_its_criteria() {
        String bilibili = committee(YANGPU, "哔哩哔哩党委");
        String upZhu = functional(YANGPU, bilibili, UP_ZHU_CRITERIA);
        admin(YANGPU).get(ORGS + "/" + upZhu).then().statusCode(200)
                .body("form.type", equalTo("FUNCTIONAL"))
                .body("form.criteria", equalTo("city = \"上海\" and mainWork = \"视频创作\" and followers >= 10000"))
                .body("form.purpose", nullValue());
    }

    @Test
    void an_ordinary_branch_shows_form_ordinary_and_a_committee_none() {
        String bilibili = committee(YANGPU, "哔哩哔哩党委");
        String first = branch(YANGPU, "第一党支部", bilibili, null);
        admin(YANGPU).get(ORGS + "/" + first).then().statusCode(200).body("form.type", equalTo("ORDINARY"));
        admin(YANGPU).get(ORGS + "/" + bilibili).then().statusCode(200).body("form", nullValue());
    }

    @Test
    void malformed_criteria_are_a_422_naming_the_position_and_what_was_expected() {
        String bilibili = committee(YANGPU, "哔哩哔哩党委");
        create(YANGPU, unique("UP主党支部"), "BRANCH", bilibili, "{\"type\":\"FUNCTIONAL\",\"criteria\":\"followers >= \"}")
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:malformed-criteria"))
                .body("detail", equalTo("At position 14: expected a string in quotes or a number but found end of input"));
    }

    @Test
    void a_temporary_branch_is_set_up_for_its_task_and_extended() {
        String xiaoximen = generalBranch(HUANGPU, "小西门居民区党总支", committee(HUANGPU, "老西门街道党工委"));
        String penglai = temporary(HUANGPU, xiaoximen, LocalDate.of(2027, 6, 30));
        admin(HUANGPU).get(ORGS + "/" + penglai).then().statusCode(200)
                .body("form.type", equalTo("TEMPORARY"))
                .body("form.purpose", equalTo("蓬莱路旧改基地"))
                .body("form.plannedEndOn", equalTo("2027-06-30"));
        admin(HUANGPU).body("{\"plannedEndOn\":\"2027-12-31\"}").post(BRANCHES + "/" + penglai + "/extend")
                .then().statusCode(200).body("plannedEndOn", equalTo("2027-12-31"));
        admin(HUANGPU).get(ORGS + "/" + penglai).then().body("form.plannedEndOn", equalTo("2027-12-31"));
        admin(HUANGPU).body("{\"plannedEndOn\":\"2027-01-31\"}").post(BRANCHES + "/" + penglai + "/extend")
                .then().statusCode(422).body("type", equalTo("urn:grassroots:problem:temporary-extension-not-later"));
    }

    @Test
    void a_temporary_branch_whose_planned_end_is_before_its_start_is_refused() {
        String xiaoximen = generalBranch(HUANGPU, "小西门居民区党总支", committee(HUANGPU, "老西门街道党工委"));
        create(HUANGPU, unique("蓬莱路临时党支部"), "BRANCH", xiaoximen, "{\"type\":\"TEMPORARY\",\"purpose\":\"旧改\","
                + "\"startsOn\":\"2026-06-01\",\"plannedEndOn\":\"2026-05-01\"}")
                .statusCode(422).body("type", equalTo("urn:grassroots:problem:temporary-branch-ends-before-start"));
    }

    @Test
    void only_a_temporary_branch_is_extended() {
        String bilibili = committee(YANGPU, "哔哩哔哩党委");
        String upZhu = functional(YANGPU, bilibili, UP_ZHU_CRITERIA);
        admin(YANGPU).body("{\"plannedEndOn\":\"2027-12-31\"}").post(BRANCHES + "/" + upZhu + "/extend")
                .then().statusCode(422).body("type", equalTo("urn:grassroots:problem:branch-not-temporary"));
    }

    @Test
    void extending_is_for_the_branchs_own_district_and_needs_a_caller() {
        String xiaoximen = generalBranch(HUANGPU, "小西门居民区党总支", committee(HUANGPU, "老西门街道党工委"));
        String penglai = temporary(HUANGPU, xiaoximen, LocalDate.of(2027, 6, 30));
        admin(YANGPU).body("{\"plannedEndOn\":\"2027-12-31\"}").post(BRANCHES + "/" + penglai + "/extend")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"plannedEndOn\":\"2027-12-31\"}")
                .post(BRANCHES + "/" + penglai + "/extend").then().statusCode(401);
    }

    @Test
    void a_directly_managed_branch_in_beijing_reports_to_its_shanghai_committee() {
        String bilibili = committee(YANGPU, "哔哩哔哩党委");
        String beijing = branch(YANGPU, "哔哩哔哩北京直管党支部", bilibili, "{\"type\":\"DIRECTLY_MANAGED\",\"city\":\"北京\"}");
        admin(YANGPU).get(ORGS + "/" + beijing).then().statusCode(200)
                .body("form.type", equalTo("DIRECTLY_MANAGED")).body("form.city", equalTo("北京"))
                .body("parentId", equalTo(bilibili));
        create(YANGPU, unique("直管党支部"), "BRANCH", bilibili, "{\"type\":\"DIRECTLY_MANAGED\",\"city\":\"上海\"}")
                .statusCode(422).body("type", equalTo("urn:grassroots:problem:directly-managed-located-in-shanghai"));
    }

    @Test
    void a_form_on_a_committee_and_a_field_of_another_form_are_refused() {
        create(YANGPU, unique("哔哩哔哩党委"), "COMMITTEE", null, "{\"type\":\"DIRECTLY_MANAGED\",\"city\":\"北京\"}")
                .statusCode(422).body("type", equalTo("urn:grassroots:problem:branch-form-only-on-branch"));
        String bilibili = committee(YANGPU, "哔哩哔哩党委");
        create(YANGPU, unique("直管党支部"), "BRANCH", bilibili, "{\"type\":\"DIRECTLY_MANAGED\",\"city\":\"北京\",\"gridNumber\":1}")
                .statusCode(422).body("type", equalTo("urn:grassroots:problem:branch-form-field-not-for-form"));
        create(YANGPU, unique("直管党支部"), "BRANCH", bilibili, "{\"type\":\"DIRECTLY_MANAGED\",\"town\":\"北京\"}")
                .statusCode(400);
    }

    @Test
    void grids_of_yuanyi_village_are_checked_for_gaps_area_and_the_member_guideline() {
        String yuanyi = generalBranch(CHONGMING, "园艺村党总支", committee(CHONGMING, "港沿镇党委"));
        admin(CHONGMING).body("{\"areaKm2\":3.1,\"households\":835}").put("/api/v1/orgs/villages/" + yuanyi)
                .then().statusCode(200).body("areaKm2", equalTo(3.1f));
        String first = grid(yuanyi, "第一网格", 1, "1.0");
        grid(yuanyi, "第二网格", 2, "1.1");
        grid(yuanyi, "第四网格", 4, "0.5");
        for (int i = 0; i < 3; i++) {
            fullMember(CHONGMING, first);
        }
        admin(CHONGMING).get(ORGS + "/" + first).then().body("form.type", equalTo("GRID"))
                .body("form.gridNumber", equalTo(1)).body("form.villageOrganizationId", equalTo(yuanyi));

        admin(CHONGMING).get("/api/v1/orgs/villages/" + yuanyi + "/grid-check").then().statusCode(200)
                .body("grids", equalTo(3))
                .body("missingNumbers", equalTo(List.of(3)))
                .body("gridAreaKm2", equalTo(2.6f))
                .body("uncoveredAreaKm2", equalTo(0.5f))
                .body("gridList[0].members", equalTo(3))
                .body("flags.rule", equalTo(List.of("grid-numbers-missing", "grid-area-uncovered",
                        "grid-members-below-guideline", "grid-members-below-guideline", "grid-members-below-guideline",
                        "grid-households-uncovered")))
                .body("flags[2].organizationId", equalTo(first));
    }

    @Test
    void the_households_of_yuanyi_villages_grids_add_up_to_the_villages_835() {
        String yuanyi = generalBranch(CHONGMING, "园艺村党总支", committee(CHONGMING, "港沿镇党委"));
        admin(CHONGMING).body("{\"areaKm2\":3.1,\"households\":835}").put("/api/v1/orgs/villages/" + yuanyi)
                .then().statusCode(200);
        String first = branch(CHONGMING, "第一网格", yuanyi, "{\"type\":\"GRID\",\"gridNumber\":1,\"areaKm2\":1.1,\"households\":290}");
        branch(CHONGMING, "第二网格", yuanyi, "{\"type\":\"GRID\",\"gridNumber\":2,\"areaKm2\":0.9,\"households\":260}");
        String third = branch(CHONGMING, "第三网格", yuanyi, "{\"type\":\"GRID\",\"gridNumber\":3,\"areaKm2\":1.1}");
        admin(CHONGMING).get(ORGS + "/" + first).then().body("form.households", equalTo(290));

        admin(CHONGMING).get("/api/v1/orgs/villages/" + yuanyi + "/grid-check").then().statusCode(200)
                .body("gridHouseholds", equalTo(550))
                .body("villageHouseholds", equalTo(835))
                .body("gridList.households", equalTo(java.util.Arrays.asList(290, 260, null)))
                .body("flags.rule", org.hamcrest.Matchers.hasItem("grid-households-uncovered"));

        admin(CHONGMING).body("{\"dissolvedOn\":\"2026-01-31\",\"documentNumber\":\"崇港委〔2026〕1号\"}")
                .post(ORGS + "/" + third + "/dissolve").then().statusCode(200);
        branch(CHONGMING, "第三网格", yuanyi, "{\"type\":\"GRID\",\"gridNumber\":3,\"areaKm2\":1.1,\"households\":285}");
        admin(CHONGMING).get("/api/v1/orgs/villages/" + yuanyi + "/grid-check").then().statusCode(200)
                .body("gridHouseholds", equalTo(835))
                .body("flags.rule", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("grid-households-uncovered")));
        create(CHONGMING, unique("第四网格"), "BRANCH", yuanyi, "{\"type\":\"GRID\",\"gridNumber\":4,\"areaKm2\":0.1,"
                + "\"households\":-1}").statusCode(400);
    }

    @Test
    void a_grid_number_is_taken_once_per_village_and_a_grid_has_an_area() {
        String yuanyi = generalBranch(CHONGMING, "园艺村党总支", committee(CHONGMING, "港沿镇党委"));
        grid(yuanyi, "第一网格", 1, "1.0");
        create(CHONGMING, unique("第一网格"), "BRANCH", yuanyi, "{\"type\":\"GRID\",\"gridNumber\":1,\"areaKm2\":1}")
                .statusCode(409).body("type", equalTo("urn:grassroots:problem:grid-number-taken"));
        create(CHONGMING, unique("第五网格"), "BRANCH", yuanyi, "{\"type\":\"GRID\",\"gridNumber\":5,\"areaKm2\":0}")
                .statusCode(422).body("type", equalTo("urn:grassroots:problem:grid-area-not-positive"));
        create(CHONGMING, unique("第五网格"), "BRANCH", yuanyi, "{\"type\":\"GRID\",\"gridNumber\":5,\"areaKm2\":1,"
                + "\"polygon\":[{\"lon\":121.6,\"lat\":31.6},{\"lon\":121.6,\"lat\":31.6}]}")
                .statusCode(422).body("type", equalTo("urn:grassroots:problem:grid-polygon-invalid"));
        String withPolygon = branch(CHONGMING, "第五网格", yuanyi, "{\"type\":\"GRID\",\"gridNumber\":5,\"areaKm2\":1,"
                + "\"polygon\":[{\"lon\":121.6,\"lat\":31.6},{\"lon\":121.61,\"lat\":31.6},{\"lon\":121.61,\"lat\":31.61}]}");
        admin(CHONGMING).get(ORGS + "/" + withPolygon).then().body("form.polygon", hasSize(3))
                .body("form.polygon[1].lon", equalTo(121.61f));
    }

    @Test
    void two_grids_with_one_number_set_up_at_once_end_with_one_grid_and_one_409() throws Exception {
        String yuanyi = generalBranch(CHONGMING, "园艺村党总支", committee(CHONGMING, "港沿镇党委"));
        for (int round = 0; round < 5; round++) {
            int number = 10 + round;
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return create(CHONGMING, unique("网格" + number), "BRANCH", yuanyi,
                                "{\"type\":\"GRID\",\"gridNumber\":" + number + ",\"areaKm2\":1}").extract().statusCode();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new java.util.ArrayList<>();
                for (var answer : answers) {
                    statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
                }
                java.util.Collections.sort(statuses);
                org.junit.jupiter.api.Assertions.assertEquals(List.of(201, 409), statuses, "round " + round);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void the_grid_check_and_the_village_area_are_for_the_villages_district_and_need_a_caller() {
        String yuanyi = generalBranch(CHONGMING, "园艺村党总支", committee(CHONGMING, "港沿镇党委"));
        admin(YANGPU).get("/api/v1/orgs/villages/" + yuanyi + "/grid-check").then().statusCode(403);
        admin(YANGPU).body("{\"areaKm2\":3.1}").put("/api/v1/orgs/villages/" + yuanyi).then().statusCode(403);
        AsCaller.organizer(committee(CHONGMING, "另一个镇党委"), null).get("/api/v1/orgs/villages/" + yuanyi + "/grid-check")
                .then().statusCode(403);
        given().get("/api/v1/orgs/villages/" + yuanyi + "/grid-check").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"areaKm2\":3.1}").put("/api/v1/orgs/villages/" + yuanyi)
                .then().statusCode(401);
        admin(CHONGMING).body("{\"areaKm2\":3.1}").put("/api/v1/orgs/villages/" + committee(CHONGMING, "港沿镇党委"))
                .then().statusCode(422).body("type", equalTo("urn:grassroots:problem:village-must-be-general-branch"))
                .body("detail", containsString("COMMITTEE"));
    }

    private static String grid(String village, String name, int number, String area) {
        return branch(CHONGMING, name, village, "{\"type\":\"GRID\",\"gridNumber\":" + number + ",\"areaKm2\":" + area + "}");
    }
}
