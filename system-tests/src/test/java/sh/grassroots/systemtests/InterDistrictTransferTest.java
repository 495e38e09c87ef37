package sh.grassroots.systemtests;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * 组织关系转接 across districts through the running gateway: Yangpu's district admin sends a
 * member of a 哔哩哔哩 branch to a Huangpu branch; Huangpu's own system, with a service token
 * from Huangpu's identity provider, lists, reads, accepts and completes it on
 * /inter-district/v1; the member's home is then in Huangpu. Nobody else gets to decide it.
 */
@ExtendWith(Suite.class)
class InterDistrictTransferTest {
    private static final String YANGPU = "310110";
    private static final String HUANGPU = "310101";
    private static final String CHONGMING = "310151";
    private static final String TRANSFERS = "/api/v1/orgs/transfers";
    private static final String INTER = "/inter-district/v1/transfers";

    private static RequestSpecification as(String token) {
        return given().baseUri(Suite.get().gateway()).header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON);
    }

    private static String districtAdmin(String district) {
        return Suite.get().token("admin-" + district, Set.of("district_admin"), district, null);
    }

    private static String organization(String adminToken, String name, String kind, String district, String parent) {
        String parentField = parent == null ? "" : ",\"parentId\":\"" + parent + "\"";
        return as(adminToken).body("{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"districtCode\":\"" + district
                        + "\"" + parentField + "}")
                .post("/api/v1/orgs/organizations").then().statusCode(201).extract().path("id");
    }

    @Test
    void huangpus_system_takes_in_a_member_from_yangpu_with_its_service_token() {
        String yangpu = districtAdmin(YANGPU);
        String huangpu = districtAdmin(HUANGPU);
        String bilibili = organization(yangpu, "哔哩哔哩党委 " + suffix(), "COMMITTEE", YANGPU, null);
        String upBranch = organization(yangpu, "UP主党支部 " + suffix(), "BRANCH", YANGPU, bilibili);
        String laoximen = organization(huangpu, "老西门街道党工委 " + suffix(), "COMMITTEE", HUANGPU, null);
        String penglai = organization(huangpu, "蓬莱路地块临时党支部 " + suffix(), "BRANCH", HUANGPU, laoximen);
        String member = as(yangpu).body("{\"name\":\"王小明\",\"idNumber\":\"" + idNumber() + "\",\"phone\":\"13912345678\","
                        + "\"homeOrganizationId\":\"" + upBranch + "\",\"admittedOn\":\"2018-07-01\",\"fullSince\":\"2019-07-01\"}")
                .post("/api/v1/orgs/members").then().statusCode(201).extract().path("id");
        String memberToken = Suite.get().token(member, Set.of("member"));

        String transfer = as(yangpu).body("{\"memberId\":\"" + member + "\",\"toOrganizationId\":\"" + penglai
                        + "\",\"note\":\"工作调动到黄浦\"}")
                .post(TRANSFERS).then().statusCode(201)
                .body("interDistrict", equalTo(true))
                .body("fromDistrictCode", equalTo(YANGPU))
                .body("toDistrictCode", equalTo(HUANGPU))
                .extract().path("id");
        // me/home leaves out a part that is slow to answer (a cold service on a busy machine): ask again.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(memberToken).get("/api/v1/me/home").then()
                .statusCode(200)
                .body("memberCard.homeOrganizationId", equalTo(upBranch))
                .body("transfers.items[0].id", equalTo(transfer))
                .body("transfers.items[0].status", equalTo("REQUESTED")));

        // Huangpu's people see it coming but do not decide it: their district's system does.
        as(huangpu).get(TRANSFERS + "/" + transfer).then().statusCode(200);
        as(huangpu).post(TRANSFERS + "/" + transfer + "/accept").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:inter-district-transfer-decided-by-receiving-system"));

        String huangpuSystem = Suite.get().districtServiceToken(HUANGPU);
        as(huangpuSystem).queryParam("limit", 500).get(INTER).then().statusCode(200)
                .body("items.id", hasItem(transfer));
        as(huangpuSystem).get(INTER + "/" + transfer + "/member").then().statusCode(200)
                .body("name", equalTo("王小明"))
                .body("fromOrganizationId", equalTo(upBranch))
                .body("fromDistrictCode", equalTo(YANGPU))
                .body(not(containsString("13912345678")))
                .body("idNumber", containsString("*"));
        as(huangpuSystem).post(INTER + "/" + transfer + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        as(huangpuSystem).post(INTER + "/" + transfer + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(memberToken).get("/api/v1/me/home").then()
                .statusCode(200)
                .body("memberCard.homeOrganizationId", equalTo(penglai))
                .body("transfers.items[0].status", equalTo("COMPLETED")));
        as(huangpu).get("/api/v1/orgs/organizations/" + penglai + "/member-counts").then().statusCode(200)
                .body("full", equalTo(1));
        as(yangpu).get("/api/v1/orgs/members/" + member).then().statusCode(403);
    }

    @Test
    void nobody_but_the_receiving_districts_system_reaches_the_inter_district_steps() {
        String yangpu = districtAdmin(YANGPU);
        String huangpu = districtAdmin(HUANGPU);
        String committee = organization(yangpu, "东方证券党委 " + suffix(), "COMMITTEE", YANGPU, null);
        String branch = organization(yangpu, "第一党支部 " + suffix(), "BRANCH", YANGPU, committee);
        String target = organization(huangpu, "外滩街道第一党支部 " + suffix(), "BRANCH", HUANGPU,
                organization(huangpu, "外滩街道党工委 " + suffix(), "COMMITTEE", HUANGPU, null));
        String member = as(yangpu).body("{\"name\":\"李华\",\"idNumber\":\"" + idNumber() + "\","
                        + "\"homeOrganizationId\":\"" + branch + "\",\"admittedOn\":\"2018-07-01\",\"fullSince\":\"2019-07-01\"}")
                .post("/api/v1/orgs/members").then().statusCode(201).extract().path("id");
        String transfer = as(yangpu).body("{\"memberId\":\"" + member + "\",\"toOrganizationId\":\"" + target + "\"}")
                .post(TRANSFERS).then().statusCode(201).extract().path("id");

        String huangpuSystem = Suite.get().districtServiceToken(HUANGPU);
        // Huangpu's system on a people route: the gateway refuses it before org-service.
        as(huangpuSystem).get(TRANSFERS + "/" + transfer).then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:forbidden-route"));
        // Chongming's system passes the gateway (it is a trusted district) but org-service refuses
        // a transfer that is not addressed to Chongming.
        String chongmingSystem = Suite.get().districtServiceToken(CHONGMING);
        as(chongmingSystem).post(INTER + "/" + transfer + "/accept").then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        as(chongmingSystem).get(INTER + "/" + transfer + "/member").then().statusCode(403);
        as(chongmingSystem).queryParam("limit", 500).get(INTER).then().statusCode(200)
                .body("items.id", not(hasItem(transfer)));
        // A person, even Yangpu's admin, does not reach the inter-district routes.
        as(yangpu).get(INTER).then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:forbidden-route"));
        // A token in Huangpu's issuer's name but signed with Chongming's key is not Huangpu's.
        as(Suite.get().forgedDistrictServiceToken(HUANGPU, CHONGMING)).get(INTER).then().statusCode(401);

        as(huangpuSystem).body("{\"reason\":\"材料不全\"}").post(INTER + "/" + transfer + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Suite.get().token(member, Set.of("member")))
                .get("/api/v1/me/home").then().statusCode(200)
                .body("memberCard.homeOrganizationId", equalTo(branch)));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String idNumber() {
        return IdNumbers.next();
    }
}
