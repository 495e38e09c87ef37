package sh.grassroots.org.testing;

import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * Requests as the gateway forwards them: with the X-Caller-* headers of a verified token.
 * org-service refuses requests without them (401) and checks the scope they carry.
 */
public final class AsCaller {
    private AsCaller() {
    }

    public static final String YANGPU = "310110";
    public static final String HUANGPU = "310101";

    /**
     * Yangpu's district admin: the caller of the tests whose subject is a rule other than scope
     * (every organization those tests make is in Yangpu).
     */
    public static RequestSpecification asAdmin() {
        return districtAdmin(YANGPU);
    }

    /** Admin of {@code district} (e.g. "310110" for Yangpu). */
    public static RequestSpecification districtAdmin(String district) {
        return person("admin-" + district, "district_admin", null, district);
    }

    /** Organizer whose scope is the subtree of {@code organizationId}. */
    public static RequestSpecification organizer(String organizationId) {
        return person("organizer-" + organizationId, "organizer", organizationId, null);
    }

    /** Secretary of the branch {@code organizationId}. */
    public static RequestSpecification branchSecretary(String organizationId) {
        return person("secretary-" + organizationId, "branch_secretary", organizationId, null);
    }

    /** A plain member; {@code memberId} is their subject. */
    public static RequestSpecification member(String memberId) {
        return person(memberId, "member", null, null);
    }

    /** A request that did not come through the gateway: no X-Caller-* headers at all. */
    public static RequestSpecification anonymous() {
        return given();
    }

    /** Another district's system (client-credentials token of that district's issuer). */
    public static RequestSpecification service(String district) {
        return given().header("X-Caller-Subject", "district-" + district).header("X-Caller-Kind", "SERVICE")
                .header("X-Caller-Roles", "service").header("X-Caller-District", district);
    }

    public static RequestSpecification person(String subject, String roles, String orgScope, String district) {
        RequestSpecification spec = given().header("X-Caller-Subject", subject).header("X-Caller-Kind", "PERSON")
                .header("X-Caller-Roles", roles);
        if (orgScope != null) {
            spec = spec.header("X-Caller-Org-Scope", orgScope);
        }
        if (district != null) {
            spec = spec.header("X-Caller-District", district);
        }
        return spec;
    }
}
