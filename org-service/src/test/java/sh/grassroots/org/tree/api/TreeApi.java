package sh.grassroots.org.tree.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import sh.grassroots.platform.testing.AsCaller;

import java.util.UUID;

import static sh.grassroots.org.testing.Districts.asAdmin;

/** Calls the tree API the way a client would, for tests of this feature and the ones built on it. */
public final class TreeApi {
    public static final String PATH = "/api/v1/orgs/organizations";
    public static final String YANGPU = "310110";

    private TreeApi() {
    }

    public static String committee(String name) {
        return create(name, "COMMITTEE", null);
    }

    public static String generalBranch(String name, String parentId) {
        return create(name, "GENERAL_BRANCH", parentId);
    }

    public static String branch(String name, String parentId) {
        return create(name, "BRANCH", parentId);
    }

    public static String create(String name, String kind, String parentId) {
        return createIn(YANGPU, name, kind, parentId);
    }

    /** Created by {@code district}'s admin. */
    public static String createIn(String district, String name, String kind, String parentId) {
        String parent = parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"";
        return AsCaller.districtAdmin(district).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"districtCode\":\"" + district
                        + "\",\"foundedOn\":\"2020-01-01\"" + parent + "}")
                .post(PATH).then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse move(String id, String parentId) {
        String parent = parentId == null ? "null" : "\"" + parentId + "\"";
        return asAdmin().contentType(ContentType.JSON).body("{\"parentId\":" + parent + "}")
                .post(PATH + "/" + id + "/move").then();
    }

    public static ValidatableResponse dissolve(String id, String on) {
        return asAdmin().contentType(ContentType.JSON)
                .body("{\"dissolvedOn\":\"" + on + "\",\"documentNumber\":\"沪杨委〔2026〕7号\"}")
                .post(PATH + "/" + id + "/dissolve").then();
    }

    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
