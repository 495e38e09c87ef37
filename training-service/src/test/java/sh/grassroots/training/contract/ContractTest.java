package sh.grassroots.training.contract;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.OpenApiContract;

import static io.restassured.RestAssured.given;

/**
 * The API this service serves keeps the contract committed in docs/contract/training-service.openapi.json
 * (additions pass, breaking changes fail). To change it deliberately:
 * {@code bin/test -pl training-service -am -Dtest=ContractTest -Dcontract.update=true}, then commit the snapshot.
 */
@QuarkusTest
class ContractTest {

    @Test
    void the_served_api_keeps_the_committed_contract() {
        String served = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        OpenApiContract.assertCompatible("training-service", OpenApiContract.parse(served));
    }
}
