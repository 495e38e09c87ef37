package sh.grassroots.stations.station.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import sh.grassroots.stations.support.Api;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static sh.grassroots.stations.support.Api.STATIONS;

/**
 * The pool's line is bounded in every service (platform/persistence BoundedPoolWait): a request
 * that gets no connection within the wait is told 503 database-busy at once, before anything was
 * done, rather than waiting past the gateway's patience and being committed unseen.
 */
@QuarkusTest
@TestProfile(DatabaseBusyTest.OneConnection.class)
class DatabaseBusyTest {

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", "1",
                    "grassroots.db.pool.max-wait", "300ms");
        }
    }

    @Inject
    Pool pool;

    @Test
    void a_request_that_gets_no_connection_in_time_is_503_database_busy_and_served_once_one_is_free() {
        Api.asAdmin().get(STATIONS).then().statusCode(200);
        SqlConnection held = pool.getConnection().await().indefinitely();
        try {
            Api.asAdmin().header("Accept-Language", "en").get(STATIONS).then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:grassroots:problem:database-busy"));
            Api.asAdmin().header("Accept-Language", "zh-CN").get(STATIONS).then().statusCode(503)
                    .body("title", equalTo("系统繁忙，请稍后再试"));
        } finally {
            held.closeAndAwait();
        }
        Api.asAdmin().get(STATIONS).then().statusCode(200);
    }
}
