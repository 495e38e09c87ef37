package sh.grassroots.platform.testing;

import io.restassured.specification.RequestSpecification;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.CallerHeaders;
import sh.grassroots.platform.access.Roles;

import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * Requests as the gateway forwards them: with the {@code X-Caller-*} headers of a verified token.
 * Every service refuses requests without them (401) and checks the scope they carry.
 */
public final class AsCaller {
    private AsCaller() {
    }

    /** A request from {@code caller}, as the gateway would forward it. */
    public static RequestSpecification as(Caller caller) {
        RequestSpecification spec = given();
        CallerHeaders.write(caller, spec::header);
        return spec;
    }

    /** A person with {@code roles} (comma separated), an organization scope and a district, either may be null. */
    public static RequestSpecification person(Object subject, String roles, Object orgScope, String district) {
        return as(caller(subject, roles, orgScope, district));
    }

    public static Caller caller(Object subject, String roles, Object orgScope, String district) {
        return Caller.person(String.valueOf(subject), roles == null || roles.isBlank() ? Set.of() : Set.of(roles.split(",")),
                orgScope == null ? null : orgScope.toString(), district);
    }

    /** A plain member; {@code memberId} is their subject. */
    public static RequestSpecification member(Object memberId) {
        return person(memberId, Roles.MEMBER, null, null);
    }

    /** The admin of {@code district}. */
    public static RequestSpecification districtAdmin(String district) {
        return person("admin-" + district, Roles.DISTRICT_ADMIN, null, district);
    }

    /** An organizer whose scope is the subtree of {@code organizationId}, acting for {@code district}. */
    public static RequestSpecification organizer(Object organizationId, String district) {
        return person("organizer-" + organizationId, Roles.ORGANIZER, organizationId, district);
    }

    /** The secretary of branch {@code organizationId}. */
    public static RequestSpecification branchSecretary(Object organizationId) {
        return person("secretary-" + organizationId, Roles.BRANCH_SECRETARY, organizationId, null);
    }

    /** A training admin whose scope is the subtree of {@code organizationId}. */
    public static RequestSpecification trainingAdmin(Object organizationId) {
        return person("training-admin-" + organizationId, Roles.TRAINING_ADMIN, organizationId, null);
    }

    /** A station manager with subject {@code subject}; which stations they run is the service's record. */
    public static RequestSpecification stationManager(String subject, String district) {
        return person(subject, Roles.STATION_MANAGER, null, district);
    }

    /** Another district's system (a client-credentials token of that district's issuer). */
    public static RequestSpecification service(String district) {
        return as(new Caller("district-" + district, Caller.Kind.SERVICE, Set.of(Roles.SERVICE), null, district));
    }

    /** A request that did not come through the gateway: no X-Caller-* headers at all. */
    public static RequestSpecification anonymous() {
        return given();
    }
}
