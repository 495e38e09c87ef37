package sh.grassroots.org.transfer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.org.member.api.MemberApi.aFullMemberOf;
import static sh.grassroots.org.testing.Districts.HUANGPU;
import static sh.grassroots.org.testing.Districts.YANGPU;
import static sh.grassroots.platform.testing.AsCaller.anonymous;
import static sh.grassroots.platform.testing.AsCaller.districtAdmin;
import static sh.grassroots.platform.testing.AsCaller.service;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.createIn;
import static sh.grassroots.org.tree.api.TreeApi.unique;

/**
 * A member of a Yangpu branch moving to a Huangpu branch: Yangpu's people request it through
 * /api/v1, Huangpu's system (its service identity) lists, reads, accepts and completes it through
 * /inter-district/v1; nobody else's system reaches it.
 */
@QuarkusTest
class InterDistrictTransferApiTest {
    private static final String INTER = "/inter-district/v1/transfers";
    private static final String PEOPLE = "/api/v1/orgs/transfers";
    private static final String CHONGMING = "310151";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;

    private static String yangpuBranch() {
        return branch(unique("UP主党支部"), committee(unique("哔哩哔哩党委")));
    }

    private static String huangpuBranch() {
        return createIn(HUANGPU, unique("蓬莱路地块临时党支部"), "BRANCH",
                createIn(HUANGPU, unique("老西门街道党工委"), "COMMITTEE", null));
    }

    private static String requested(String member, String to) {
        return districtAdmin(YANGPU).contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + member + "\",\"toOrganizationId\":\"" + to + "\",\"note\":\"工作调动\"}")
                .post(PEOPLE).then().statusCode(201).body("interDistrict", equalTo(true)).extract().path("id");
    }

    private static ValidatableResponse act(RequestSpecification as, String transfer, String action) {
        return as.contentType(ContentType.JSON).body(action.equals("reject") ? "{\"reason\":\"材料不全\"}" : "{}")
                .post(INTER + "/" + transfer + "/" + action).then();
    }

    @Test
    void huangpus_system_accepts_and_completes_a_transfer_from_yangpu_and_the_member_moves_district() throws Exception {
        String from = yangpuBranch();
        String to = huangpuBranch();
        String member = aFullMemberOf(from);
        String transfer = requested(member, to);

        service(HUANGPU).get(INTER + "/" + transfer).then().statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("fromDistrictCode", equalTo(YANGPU))
                .body("toDistrictCode", equalTo(HUANGPU));
        service(HUANGPU).get(INTER + "/" + transfer + "/member").then().statusCode(200)
                .body("memberId", equalTo(member))
                .body("name", equalTo("张三"))
                .body("status", equalTo("FULL"))
                .body("idNumber", containsString("***********"))
                .body("$", not(hasKey("phone")))
                .body(not(containsString("13812345678")))
                .body("fromOrganizationId", equalTo(from))
                .body("fromDistrictCode", equalTo(YANGPU));

        String etag = act(service(HUANGPU), transfer, "accept").statusCode(200)
                .body("status", equalTo("ACCEPTED")).extract().header("ETag");
        service(HUANGPU).header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{}")
                .post(INTER + "/" + transfer + "/complete").then().statusCode(412);
        service(HUANGPU).header("If-Match", etag).contentType(ContentType.JSON).body("{}")
                .post(INTER + "/" + transfer + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        districtAdmin(HUANGPU).get("/api/v1/orgs/members/" + member).then().statusCode(200)
                .body("homeOrganizationId", equalTo(to));
        districtAdmin(YANGPU).get("/api/v1/orgs/members/" + member).then().statusCode(403);

        JsonNode completed = outboxEvent(member, "MemberTransferCompleted");
        assertEquals(YANGPU, completed.path("payload").path("fromDistrict").asText());
        assertEquals(HUANGPU, completed.path("payload").path("toDistrict").asText());
        assertEquals(HUANGPU, completed.path("district").asText());
    }

    @Test
    void a_district_lists_the_transfers_addressed_to_it_page_by_page() {
        String to = huangpuBranch();
        String first = requested(aFullMemberOf(yangpuBranch()), to);
        String second = requested(aFullMemberOf(yangpuBranch()), to);
        String withinYangpu = districtAdmin(YANGPU).contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + aFullMemberOf(yangpuBranch()) + "\",\"toOrganizationId\":\"" + yangpuBranch() + "\"}")
                .post(PEOPLE).then().statusCode(201).extract().path("id");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = service(HUANGPU).queryParam("limit", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get(INTER).then().statusCode(200)
                    .body("items.toDistrictCode", everyItem(equalTo(HUANGPU)))
                    .body("items.interDistrict", everyItem(equalTo(true)))
                    .extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertTrue(seen.indexOf(first) >= 0 && seen.indexOf(first) < seen.indexOf(second), seen.toString());
        assertEquals(seen.size(), new HashSet<>(seen).size(), "a transfer was listed twice");
        assertTrue(!seen.contains(withinYangpu));

        service(CHONGMING).queryParam("limit", 500).get(INTER).then().statusCode(200)
                .body("items.id", not(org.hamcrest.Matchers.hasItem(first)));
        service(HUANGPU).queryParam("status", "COMPLETED").queryParam("limit", 500).get(INTER).then().statusCode(200)
                .body("items.id", not(org.hamcrest.Matchers.hasItem(first)));
        service(HUANGPU).queryParam("cursor", "bm90LWEtbnVtYmVy").get(INTER).then().statusCode(400);
    }

    @Test
    void another_districts_system_reaches_none_of_it() {
        String transfer = requested(aFullMemberOf(yangpuBranch()), huangpuBranch());
        for (String district : new String[]{CHONGMING, YANGPU}) {
            service(district).get(INTER + "/" + transfer).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
            service(district).get(INTER + "/" + transfer + "/member").then().statusCode(403);
            for (String action : new String[]{"accept", "reject", "complete"}) {
                act(service(district), transfer, action).statusCode(403)
                        .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
            }
        }
        service(HUANGPU).get(INTER + "/" + transfer).then().statusCode(200).body("status", equalTo("REQUESTED"));
    }

    @Test
    void people_and_requests_without_the_gateways_headers_do_not_reach_the_inter_district_endpoints() {
        String transfer = requested(aFullMemberOf(yangpuBranch()), huangpuBranch());
        for (String path : new String[]{INTER, INTER + "/" + transfer, INTER + "/" + transfer + "/member"}) {
            districtAdmin(HUANGPU).get(path).then().statusCode(403)
                    .body("type", equalTo("urn:grassroots:problem:service-identity-required"));
            anonymous().get(path).then().statusCode(401)
                    .body("type", equalTo("urn:grassroots:problem:unauthenticated"));
        }
        act(districtAdmin(HUANGPU), transfer, "accept").statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:service-identity-required"));
        act(anonymous(), transfer, "complete").statusCode(401);
    }

    @Test
    void a_districts_system_calls_nothing_under_api_v1() {
        String to = huangpuBranch();
        String transfer = requested(aFullMemberOf(yangpuBranch()), to);
        service(HUANGPU).get(PEOPLE + "/" + transfer).then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:service-identity-not-allowed"));
        service(HUANGPU).contentType(ContentType.JSON).body("{}").post(PEOPLE + "/" + transfer + "/accept")
                .then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:service-identity-not-allowed"));
        service(HUANGPU).get("/api/v1/orgs/organizations/" + to + "/member-counts").then().statusCode(403);
    }

    @Test
    void a_rejected_transfer_stays_in_yangpu_and_its_member_card_is_no_longer_shared() {
        String from = yangpuBranch();
        String member = aFullMemberOf(from);
        String transfer = requested(member, huangpuBranch());
        act(service(HUANGPU), transfer, "reject").statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("材料不全"));
        act(service(HUANGPU), transfer, "complete").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:transfer-not-accepted"));
        service(HUANGPU).get(INTER + "/" + transfer + "/member").then().statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:transfer-closed-without-move"));
        districtAdmin(YANGPU).get("/api/v1/orgs/members/" + member).then().statusCode(200)
                .body("homeOrganizationId", equalTo(from));
    }

    @Test
    void a_transfer_within_one_district_is_not_for_its_own_system() {
        String committee = createIn(HUANGPU, unique("外滩街道党工委"), "COMMITTEE", null);
        String from = createIn(HUANGPU, unique("第一党支部"), "BRANCH", committee);
        String to = createIn(HUANGPU, unique("第二党支部"), "BRANCH", committee);
        String member = aFullMemberOf(from, districtAdmin(HUANGPU));
        String transfer = districtAdmin(HUANGPU).contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + member + "\",\"toOrganizationId\":\"" + to + "\"}")
                .post(PEOPLE).then().statusCode(201).body("interDistrict", equalTo(false)).extract().path("id");
        act(service(HUANGPU), transfer, "accept").statusCode(403)
                .body("type", equalTo("urn:grassroots:problem:transfer-not-inter-district"));
        districtAdmin(HUANGPU).contentType(ContentType.JSON).body("{}").post(PEOPLE + "/" + transfer + "/accept")
                .then().statusCode(200);
    }

    @Test
    void an_unknown_transfer_is_404() {
        service(HUANGPU).get(INTER + "/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("urn:grassroots:problem:not-found"))
                .body("detail", not(nullValue()));
    }

    private JsonNode outboxEvent(String key, String type) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select envelope from outbox_event where message_key = ? and event_type = ? order by id desc")) {
            s.setString(1, key);
            s.setString(2, type);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "no " + type + " event for " + key);
                return mapper.readTree(rs.getString(1));
            }
        }
    }
}
