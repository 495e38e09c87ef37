package sh.grassroots.org.member.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;

import static sh.grassroots.org.testing.Districts.asAdmin;
import static sh.grassroots.org.member.model.IdNumbers.aValidIdNumber;

/** Registers members through the API with valid personal data, in the words of the domain. */
public final class MemberApi {
    public static final String PATH = "/api/v1/orgs/members";

    private MemberApi() {
    }

    public static String aFullMemberOf(String branchId) {
        return aFullMemberOf(branchId, asAdmin());
    }

    /** Registered by {@code as} (e.g. the admin of the branch's district). */
    public static String aFullMemberOf(String branchId, RequestSpecification as) {
        LocalDate admitted = LocalDate.now().minusYears(5);
        return register(as, branchId, aValidIdNumber(), admitted, admitted.plusYears(1)).statusCode(201).extract().path("id");
    }

    /** The body of a registration in {@code homeId} with valid personal data. */
    public static String registration(String homeId) {
        LocalDate admitted = LocalDate.now().minusYears(5);
        return "{\"name\":\"张三\",\"idNumber\":\"" + aValidIdNumber() + "\",\"phone\":\"13812345678\","
                + "\"homeOrganizationId\":\"" + homeId + "\",\"admittedOn\":\"" + admitted + "\","
                + "\"fullSince\":\"" + admitted.plusYears(1) + "\"}";
    }

    public static String aProbationaryMemberOf(String branchId) {
        return register(branchId, aValidIdNumber(), LocalDate.now().minusMonths(3), null).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse register(String homeId, String idNumber, LocalDate admittedOn, LocalDate fullSince) {
        return register(asAdmin(), homeId, idNumber, admittedOn, fullSince);
    }

    public static ValidatableResponse register(RequestSpecification as, String homeId, String idNumber,
                                               LocalDate admittedOn, LocalDate fullSince) {
        String full = fullSince == null ? "" : ",\"fullSince\":\"" + fullSince + "\"";
        return as.contentType(ContentType.JSON)
                .body("{\"name\":\"张三\",\"idNumber\":\"" + idNumber + "\",\"phone\":\"13812345678\","
                        + "\"homeOrganizationId\":\"" + homeId + "\",\"admittedOn\":\"" + admittedOn + "\"" + full + "}")
                .post(PATH).then();
    }

    public static ValidatableResponse leave(String memberId, LocalDate on) {
        return asAdmin().contentType(ContentType.JSON).body("{\"leftOn\":\"" + on + "\",\"reason\":\"WITHDREW\"}")
                .post(PATH + "/" + memberId + "/leave").then();
    }

    public static ValidatableResponse becomeFull(String memberId, LocalDate on) {
        return asAdmin().contentType(ContentType.JSON).body("{\"status\":\"FULL\",\"effectiveOn\":\"" + on + "\"}")
                .post(PATH + "/" + memberId + "/status").then();
    }
}
