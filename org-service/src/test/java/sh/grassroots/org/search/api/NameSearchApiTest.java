package sh.grassroots.org.search.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.org.member.model.IdNumbers.aValidIdNumber;
import static sh.grassroots.org.testing.Districts.YANGPU;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;

/** Finding organizations and members by their Chinese names, only within the part of the tree one manages. */
@QuarkusTest
class NameSearchApiTest {
    private static final String HAN = "(?s).*\\p{IsHan}.*";
    private static final String ORGS = "/api/v1/orgs/organizations/search";
    private static final String MEMBERS = "/api/v1/orgs/members/search";

    @Test
    void an_organizer_finds_members_by_part_of_their_name_in_their_subtree_only() {
        String tag = tag();
        String mine = committee("哔哩哔哩党委" + tag);
        String myBranch = branch("UP主党支部" + tag, mine);
        String theirs = branch("第一党支部" + tag, committee("上海国际港务党委" + tag));
        String found = member("欧阳" + tag + "明", myBranch);
        member("欧阳" + tag + "华", theirs);
        member("司马" + tag + "光", myBranch);

        AsCaller.organizer(mine, YANGPU).get(MEMBERS + "?q=欧阳" + tag).then().statusCode(200)
                .body("items.id", equalTo(List.of(found)))
                .body("items[0].name", equalTo("欧阳" + tag + "明"))
                .body("items[0].homeOrganizationName", equalTo("UP主党支部" + tag));
        AsCaller.branchSecretary(theirs).get(MEMBERS + "?q=欧阳" + tag).then().statusCode(200)
                .body("items.name", equalTo(List.of("欧阳" + tag + "华")));
    }

    @Test
    void one_or_two_characters_find_the_names_that_contain_them_in_any_case() {
        // too short for trigrams: V34's index of single characters and pairs carries these
        String tag = tag();
        String branch = branch("短词党支部" + tag, committee("短词党委" + tag));
        String ouyangMing = member("欧阳明", branch);
        String ouyangHua = member("欧阳华", branch);
        String yangGuang = member("阳光", branch);
        member("司马光", branch);
        String anna = member("Anna李", branch);

        AsCaller.branchSecretary(branch).get(MEMBERS + "?q=欧阳").then().statusCode(200)
                .body("items.id", equalTo(List.of(ouyangHua, ouyangMing)));
        AsCaller.branchSecretary(branch).get(MEMBERS + "?q=阳").then().statusCode(200)
                .body("items.id", equalTo(List.of(ouyangHua, ouyangMing, yangGuang)));
        AsCaller.branchSecretary(branch).get(MEMBERS + "?q=AN").then().statusCode(200)
                .body("items.id", equalTo(List.of(anna)));
    }

    @Test
    void a_district_admin_finds_organizations_across_the_district_and_not_beyond() {
        String tag = tag();
        String committee = committee("杨浦滨江党委" + tag);
        String branch = branch("杨浦滨江第一党支部" + tag, committee);

        AsCaller.districtAdmin(YANGPU).get(ORGS + "?q=滨江&limit=100").then().statusCode(200)
                .body("items.id", hasItem(committee)).body("items.id", hasItem(branch));
        AsCaller.districtAdmin("310101").get(ORGS + "?q=杨浦滨江党委" + tag).then().statusCode(200)
                .body("items", equalTo(List.of()));
        AsCaller.organizer(branch, YANGPU).get(ORGS + "?q=滨江第一党支部" + tag).then().statusCode(200)
                .body("items.id", equalTo(List.of(branch)));
    }

    @Test
    void results_page_by_name_with_a_keyset_cursor() {
        String tag = tag();
        String branch = branch("分页党支部" + tag, committee("分页党委" + tag));
        List<String> made = new ArrayList<>();
        for (String name : List.of("王" + tag + "一", "王" + tag + "二", "王" + tag + "三", "王" + tag + "四", "王" + tag + "五")) {
            made.add(name);
            member(name, branch);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = AsCaller.branchSecretary(branch).get(MEMBERS + "?q=" + tag + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).then().statusCode(200).extract();
            seen.addAll(page.path("items.name"));
            cursor = page.path("nextCursor");
        } while (cursor != null && seen.size() < 20);
        assertEquals(made.stream().sorted().toList(), seen);
    }

    @Test
    void a_member_without_a_part_of_the_tree_may_not_search_names() {
        AsCaller.member(UUID.randomUUID()).get(MEMBERS + "?q=张").then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        AsCaller.service(YANGPU).get(ORGS + "?q=党委").then().statusCode(403);
        AsCaller.districtAdmin(YANGPU).get(MEMBERS).then().statusCode(400)
                .body("errors.field", hasItem("q"));
        AsCaller.districtAdmin(YANGPU).queryParam("q", "%").get(MEMBERS).then().statusCode(200)
                .body("items", equalTo(List.of()));
    }

    @Test
    void a_phone_in_chinese_reads_why_its_search_was_refused_in_chinese() {
        AsCaller.districtAdmin(YANGPU).header("Accept-Language", "zh-CN").get(MEMBERS + "?limit=0").then().statusCode(400)
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:grassroots:problem:validation"))
                .body("title", equalTo("请求无效"))
                .body("errors.field", hasItem("q")).body("errors.field", hasItem("limit"))
                .body("errors.message", everyItem(matchesPattern(HAN)));
        AsCaller.member(UUID.randomUUID()).header("Accept-Language", "zh-CN").get(ORGS + "?q=党委").then().statusCode(403)
                .body("title", equalTo("无权访问"))
                .body("detail", matchesPattern(HAN));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static String member(String name, String home) {
        return AsCaller.districtAdmin(YANGPU).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"idNumber\":\"" + aValidIdNumber() + "\",\"phone\":\"13812345678\","
                        + "\"homeOrganizationId\":\"" + home + "\",\"admittedOn\":\"" + LocalDate.now().minusYears(2) + "\"}")
                .post("/api/v1/orgs/members").then().statusCode(201).extract().path("id");
    }
}
