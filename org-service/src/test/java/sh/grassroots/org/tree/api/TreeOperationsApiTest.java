package sh.grassroots.org.tree.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static sh.grassroots.org.testing.Districts.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.org.tree.api.TreeApi.PATH;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.dissolve;
import static sh.grassroots.org.tree.api.TreeApi.generalBranch;
import static sh.grassroots.org.tree.api.TreeApi.move;
import static sh.grassroots.org.tree.api.TreeApi.unique;

@QuarkusTest
class TreeOperationsApiTest {

    @Test
    void a_renamed_organization_keeps_both_names_in_its_history() {
        String id = committee(unique("哔哩哔哩党委"));
        String newName = unique("哔哩哔哩公司党委");
        asAdmin().contentType(ContentType.JSON).body("{\"name\":\"" + newName + "\"}")
                .post(PATH + "/" + id + "/rename").then().statusCode(200)
                .body("name", equalTo(newName))
                .header("ETag", equalTo("\"1\""));

        asAdmin().get(PATH + "/" + id + "/history").then().statusCode(200)
                .body("items.change", contains("CREATED", "RENAMED"))
                .body("items[1].toValue", equalTo(newName))
                .body("nextCursor", nullValue());
    }

    @Test
    void renaming_to_the_same_name_names_the_rule() {
        String name = unique("东方证券党委");
        String id = committee(name);
        asAdmin().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .post(PATH + "/" + id + "/rename").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:rename-name-unchanged"));
    }

    @Test
    void a_blank_name_is_a_validation_problem() {
        String id = committee(unique("东方证券党委"));
        asAdmin().contentType(ContentType.JSON).body("{\"name\":\"  \"}")
                .post(PATH + "/" + id + "/rename").then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:validation"))
                .body("errors.field", hasItem("name"));
    }

    @Test
    void a_moved_general_branch_takes_its_branches_along() {
        String from = committee(unique("哔哩哔哩党委"));
        String to = committee(unique("哔哩哔哩第二党委"));
        String general = generalBranch(unique("技术党总支"), from);
        String branch = branch(unique("第一党支部"), general);

        move(general, to).statusCode(200).body("parentId", equalTo(to));

        asAdmin().get(PATH + "/" + branch + "/path").then().statusCode(200)
                .body("id", contains(to, general, branch));
        asAdmin().get(PATH + "/" + to + "/descendants").then().statusCode(200)
                .body("items.id", contains(general, branch));
        asAdmin().get(PATH + "/" + from + "/descendants").then().statusCode(200)
                .body("items", empty());
        asAdmin().get(PATH + "/" + general + "/history").then()
                .body("items.change", contains("CREATED", "MOVED"))
                .body("items[1].fromValue", equalTo(from))
                .body("items[1].toValue", equalTo(to));
    }

    @Test
    void moving_an_organization_below_itself_is_a_cycle() {
        String committee = committee(unique("哔哩哔哩党委"));
        String general = generalBranch(unique("技术党总支"), committee);
        String branch = branch(unique("第一党支部"), general);

        move(general, branch).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:move-would-create-cycle"));
        move(general, general).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:move-would-create-cycle"));
        asAdmin().get(PATH + "/" + branch + "/path").then().body("id", contains(committee, general, branch));
    }

    @Test
    void moving_under_an_unknown_parent_names_the_field() {
        String committee = committee(unique("哔哩哔哩党委"));
        String branch = branch(unique("第一党支部"), committee);
        move(branch, UUID.randomUUID().toString()).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:unknown-parent"))
                .body("errors.field", hasItem("parentId"));
    }

    @Test
    void a_branch_cannot_be_moved_to_the_top_of_a_tree() {
        String committee = committee(unique("哔哩哔哩党委"));
        String branch = branch(unique("第一党支部"), committee);
        move(branch, null).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:placement-root-must-be-committee"));
    }

    @Test
    void an_organization_with_active_children_is_not_dissolved_until_they_are() {
        String committee = committee(unique("蓬莱路旧改基地党委"));
        String temporary = branch(unique("蓬莱路303弄临时党支部"), committee);

        dissolve(committee, "2024-06-30").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:dissolve-has-active-children"));

        dissolve(temporary, "2024-06-30").statusCode(200).body("dissolvedOn", equalTo("2024-06-30"));
        dissolve(committee, "2024-07-01").statusCode(200);

        asAdmin().get(PATH + "/" + temporary + "/history").then()
                .body("items[1].change", equalTo("DISSOLVED"))
                .body("items[1].effectiveOn", equalTo("2024-06-30"))
                .body("items[1].documentNumber", equalTo("沪杨委〔2026〕7号"));
    }

    @Test
    void a_dissolved_organization_can_no_longer_be_changed_nor_receive_children() {
        String committee = committee(unique("蓬莱路旧改基地党委"));
        String temporary = branch(unique("临时党支部"), committee);
        dissolve(temporary, "2024-06-30").statusCode(200);

        dissolve(temporary, "2024-07-30").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:organization-dissolved"));
        asAdmin().contentType(ContentType.JSON).body("{\"name\":\"新名字\"}")
                .post(PATH + "/" + temporary + "/rename").then().statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:organization-dissolved"));
        String general = generalBranch(unique("党总支"), committee);
        move(general, temporary).statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:placement-parent-dissolved"));
    }

    @Test
    void dissolution_dates_are_checked() {
        String committee = committee(unique("党委"));
        dissolve(committee, "2999-01-01").statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:dissolve-in-future"));
        dissolve(committee, "2019-12-31").statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:dissolve-before-founding"));
        asAdmin().contentType(ContentType.JSON).body("{\"dissolvedOn\":\"2024-01-01\"}")
                .post(PATH + "/" + committee + "/dissolve").then().statusCode(400)
                .body("errors.field", hasItem("documentNumber"));
    }

    @Test
    void descendants_come_page_by_page_parents_before_children() {
        String committee = committee(unique("哔哩哔哩党委"));
        List<String> expected = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            String general = generalBranch(unique("党总支" + g), committee);
            expected.add(general);
            for (int b = 0; b < 3; b++) {
                expected.add(branch(unique("党支部" + b), general));
            }
        }

        List<String> seen = new ArrayList<>();
        List<String> parents = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = asAdmin().queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(PATH + "/" + committee + "/descendants").then().statusCode(200)
                    .body("items", hasSize(pages < 2 ? 3 : 2)).extract();
            seen.addAll(page.path("items.id"));
            parents.addAll(page.path("items.parentId"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);

        assertEquals(3, pages);
        org.hamcrest.MatcherAssert.assertThat(seen, containsInAnyOrder(expected.toArray()));
        for (int i = 0; i < seen.size(); i++) {
            String parent = parents.get(i);
            assertTrue(parent.equals(committee) || seen.subList(0, i).contains(parent),
                    "listed before its parent: " + seen.get(i));
        }
    }

    @Test
    void a_cursor_from_elsewhere_and_a_bad_limit_are_rejected() {
        String committee = committee(unique("党委"));
        asAdmin().queryParam("cursor", "%%%").get(PATH + "/" + committee + "/descendants").then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:invalid-cursor"));
        asAdmin().queryParam("limit", 0).get(PATH + "/" + committee + "/descendants").then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:validation"))
                .body("errors.field", hasItem("limit"));
        asAdmin().queryParam("cursor", "bm90LWEtbnVtYmVy").get(PATH + "/" + committee + "/history").then().statusCode(400)
                .body("type", equalTo("urn:grassroots:problem:invalid-cursor"));
    }

    @Test
    void the_subtree_of_an_unknown_organization_is_a_404() {
        asAdmin().get(PATH + "/" + UUID.randomUUID() + "/descendants").then().statusCode(404)
                .body("type", equalTo("urn:grassroots:problem:not-found"));
        asAdmin().get(PATH + "/" + UUID.randomUUID() + "/path").then().statusCode(404);
        move(UUID.randomUUID().toString(), null).statusCode(404);
    }

    @Test
    void reads_carry_an_etag_and_a_stale_if_match_is_refused() {
        String id = committee(unique("党委"));
        String etag = asAdmin().get(PATH + "/" + id).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        asAdmin().header("If-None-Match", etag).get(PATH + "/" + id).then().statusCode(304);

        asAdmin().contentType(ContentType.JSON).header("If-Match", etag).body("{\"name\":\"" + unique("新党委") + "\"}")
                .post(PATH + "/" + id + "/rename").then().statusCode(200).header("ETag", not(equalTo(etag)));
        asAdmin().contentType(ContentType.JSON).header("If-Match", etag).body("{\"name\":\"" + unique("又一个") + "\"}")
                .post(PATH + "/" + id + "/rename").then().statusCode(412)
                .body("type", equalTo("urn:grassroots:problem:stale-version"));
    }
}
