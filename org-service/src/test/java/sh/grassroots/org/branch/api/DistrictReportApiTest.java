package sh.grassroots.org.branch.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.org.branch.api.BranchApi.admin;
import static sh.grassroots.org.branch.api.BranchApi.affiliate;
import static sh.grassroots.org.branch.api.BranchApi.branch;
import static sh.grassroots.org.branch.api.BranchApi.committee;
import static sh.grassroots.org.branch.api.BranchApi.fullMember;
import static sh.grassroots.org.branch.api.BranchApi.functional;
import static sh.grassroots.org.branch.api.BranchApi.generalBranch;
import static sh.grassroots.org.branch.api.BranchApi.setAttributes;

/** The district report shows every organization of the district with the size rules it breaks. */
@QuarkusTest
class DistrictReportApiTest {
    static final String JINSHAN = "310116";
    static final String SONGJIANG = "310117";

    @Test
    void the_district_report_flags_small_branches_counts_functional_branches_by_affiliation_and_grids_by_guideline() {
        String committee = committee(JINSHAN, "金山卫镇党委");
        String first = branch(JINSHAN, "第一党支部", committee, null);
        String second = branch(JINSHAN, "第二党支部", committee, null);
        String functional = functional(JINSHAN, committee, "volunteer = \\\"yes\\\"");
        String village = generalBranch(JINSHAN, "八二村党总支", committee);
        String grid = branch(JINSHAN, "第一网格", village, "{\"type\":\"GRID\",\"gridNumber\":1,\"areaKm2\":1}");
        List<String> volunteers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            volunteers.add(fullMember(JINSHAN, second));
            setAttributes(JINSHAN, volunteers.get(i), "{\"volunteer\":\"yes\"}").statusCode(200);
        }
        fullMember(JINSHAN, first);
        fullMember(JINSHAN, first);
        affiliate(JINSHAN, functional, volunteers.toArray(String[]::new)).statusCode(200);

        Map<String, Map<String, Object>> rows = report(JINSHAN, 2);
        assertEquals(List.of("size-committee-below-usual-size"), rules(rows.get(committee)));
        assertEquals(List.of("size-branch-needs-three-full-members"), rules(rows.get(first)));
        assertEquals(2, rows.get(first).get("full"));
        assertEquals(List.of(), rules(rows.get(second)));
        assertEquals("AFFILIATIONS", rows.get(functional).get("countedBy"));
        assertEquals("FUNCTIONAL", rows.get(functional).get("form"));
        assertEquals(3, rows.get(functional).get("full"));
        assertEquals(List.of(), rules(rows.get(functional)));
        assertEquals(List.of("size-general-branch-outside-usual-range"), rules(rows.get(village)));
        assertEquals(List.of("size-branch-needs-three-full-members", "grid-members-below-guideline"), rules(rows.get(grid)));
        assertEquals(6, rows.size());
    }

    @Test
    void the_district_report_is_for_that_districts_admin_only() {
        admin(SONGJIANG).get("/api/v1/orgs/districts/" + JINSHAN + "/size-report").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/orgs/districts/" + JINSHAN + "/size-report").then().statusCode(401);
        admin(JINSHAN).get("/api/v1/orgs/districts/999999/size-report").then().statusCode(403);
    }

    /** Every row of the district's report, walking its pages of {@code limit}. */
    private static Map<String, Map<String, Object>> report(String district, int limit) {
        Map<String, Map<String, Object>> rows = new java.util.LinkedHashMap<>();
        String cursor = null;
        do {
            JsonPath page = admin(district).queryParam("limit", limit)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/v1/orgs/districts/" + district + "/size-report").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.forEach(item -> rows.put((String) item.get("organizationId"), item));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static List<String> rules(Map<String, Object> row) {
        return ((List<Map<String, Object>>) row.get("flags")).stream().map(f -> (String) f.get("rule")).toList();
    }
}
