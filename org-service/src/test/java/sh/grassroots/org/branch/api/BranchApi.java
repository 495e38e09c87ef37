package sh.grassroots.org.branch.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import sh.grassroots.platform.testing.AsCaller;

import java.time.LocalDate;
import java.util.UUID;

/** Sets up organizations with forms and members through the API as a district admin, in domain words. */
public final class BranchApi {
    public static final String ORGS = "/api/v1/orgs/organizations";
    public static final String BRANCHES = "/api/v1/orgs/branches";
    public static final String MEMBERS = "/api/v1/orgs/members";
    public static final String YANGPU = "310110";
    public static final String HUANGPU = "310101";
    public static final String CHONGMING = "310151";
    public static final String UP_ZHU_CRITERIA = "city = \\\"上海\\\" and mainWork = \\\"视频创作\\\" and followers >= 10000";

    private BranchApi() {
    }

    public static RequestSpecification admin(String district) {
        return AsCaller.districtAdmin(district).contentType(ContentType.JSON);
    }

    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ValidatableResponse create(String district, String name, String kind, String parentId, String formJson) {
        String parent = parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"";
        String form = formJson == null ? "" : ",\"form\":" + formJson;
        return admin(district).body("{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"districtCode\":\"" + district
                        + "\",\"foundedOn\":\"2020-01-01\"" + parent + form + "}")
                .post(ORGS).then();
    }

    public static String committee(String district, String name) {
        return create(district, unique(name), "COMMITTEE", null, null).statusCode(201).extract().path("id");
    }

    public static String generalBranch(String district, String name, String parentId) {
        return create(district, unique(name), "GENERAL_BRANCH", parentId, null).statusCode(201).extract().path("id");
    }

    public static String branch(String district, String name, String parentId, String formJson) {
        return create(district, unique(name), "BRANCH", parentId, formJson).statusCode(201).extract().path("id");
    }

    public static String functional(String district, String parentId, String criteria) {
        return branch(district, "UP主党支部", parentId, "{\"type\":\"FUNCTIONAL\",\"criteria\":\"" + criteria + "\"}");
    }

    public static String temporary(String district, String parentId, LocalDate plannedEnd) {
        return branch(district, "蓬莱路临时党支部", parentId, "{\"type\":\"TEMPORARY\",\"purpose\":\"蓬莱路旧改基地\","
                + "\"startsOn\":\"2026-01-01\",\"plannedEndOn\":\"" + plannedEnd + "\"}");
    }

    public static String fullMember(String district, String homeId) {
        LocalDate admitted = LocalDate.now().minusYears(5);
        return admin(district).body("{\"name\":\"李四\",\"idNumber\":\"" + sh.grassroots.org.member.model.IdNumbers.aValidIdNumber()
                        + "\",\"homeOrganizationId\":\"" + homeId + "\",\"admittedOn\":\"" + admitted
                        + "\",\"fullSince\":\"" + admitted.plusYears(1) + "\"}")
                .post(MEMBERS).then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse setAttributes(String district, String memberId, String attributesJson) {
        return admin(district).body("{\"attributes\":" + attributesJson + "}")
                .put(MEMBERS + "/" + memberId + "/attributes").then();
    }

    public static ValidatableResponse affiliate(String district, String branchId, String... memberIds) {
        return admin(district).body("{\"memberIds\":[\"" + String.join("\",\"", memberIds) + "\"]}")
                .post(BRANCHES + "/" + branchId + "/affiliations").then();
    }
}
