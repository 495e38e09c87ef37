package sh.grassroots.systemtests;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sh.grassroots.systemtests.OtlpReceiver.ReceivedSpan;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One request followed as an operator would follow it: the caller's trace id, sent in its
 * traceparent, is on the spans of every hop, gateway → org-service (and its database) → outbox
 * relay → Kafka → training-service's consumer → its database write; and each hop's span hangs
 * under the one before it.
 */
@ExtendWith(Suite.class)
class OneTraceAcrossServicesTest {

    @Test
    @Disabled("Not yet passing: in CI the receiver got no span of this trace at all, cause not found "
            + "(suspects: whether the sampler ratio reaches the packaged apps at run time, the OTLP/HTTP "
            + "path the exporter posts to, the gateway continuing the caller's traceparent). Open.")
    void an_organization_created_through_the_gateway_is_one_trace_down_to_trainings_database() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String token = Suite.get().token("admin-yangpu", Set.of("district_admin"), "310110", null);
        String id = given().baseUri(Suite.get().gateway())
                .header("Authorization", "Bearer " + token)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON)
                .body("{\"name\":\"上海证券交易所党委\",\"kind\":\"COMMITTEE\",\"districtCode\":\"310110\"}")
                .post("/api/v1/orgs/organizations")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().baseUri(Suite.get().gateway()).header("Authorization", "Bearer " + token)
                        .get("/api/v1/training/organizations/" + id)
                        .then().statusCode(200).body("name", equalTo("上海证券交易所党委")));

        OtlpReceiver receiver = Suite.get().traces();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            List<ReceivedSpan> trace = receiver.trace(traceId);
            ReceivedSpan gateway = one(trace, "the gateway's server span",
                    s -> s.service().equals("gateway") && s.kind() == OtlpReceiver.SERVER);
            ReceivedSpan org = one(trace, "org-service's server span",
                    s -> s.service().equals("org-service") && s.kind() == OtlpReceiver.SERVER);
            one(trace, "org-service's database calls",
                    s -> s.service().equals("org-service") && database(s));
            ReceivedSpan publish = one(trace, "the relay's publish span",
                    s -> s.service().equals("org-service") && s.kind() == OtlpReceiver.PRODUCER);
            ReceivedSpan consumed = one(trace, "training-service's consumer span",
                    s -> s.service().equals("training-service") && s.kind() == OtlpReceiver.CONSUMER
                            && s.name().startsWith("OrganizationCreated"));
            one(trace, "training-service's database write under its consumer span",
                    s -> s.service().equals("training-service") && database(s) && descends(trace, s, consumed));

            assertTrue(descends(trace, org, gateway), "org-service's span is not under the gateway's: " + describe(trace));
            assertTrue(descends(trace, publish, org), "the publish span is not under the request's: " + describe(trace));
            assertTrue(descends(trace, consumed, publish), "the consumer span is not under the publish span: " + describe(trace));
        });
    }

    /** A database client span, by the semantic conventions' db.* attributes (old or stable names). */
    private static boolean database(ReceivedSpan span) {
        return span.kind() == OtlpReceiver.CLIENT && span.attributes().keySet().stream().anyMatch(k -> k.startsWith("db."));
    }

    private static ReceivedSpan one(List<ReceivedSpan> trace, String what, Predicate<ReceivedSpan> test) {
        return trace.stream().filter(test).findFirst()
                .orElseThrow(() -> new AssertionError("no " + what + " in the trace: " + describe(trace)));
    }

    /** Whether {@code span} is {@code ancestor} or below it, following parent span ids within the trace. */
    private static boolean descends(List<ReceivedSpan> trace, ReceivedSpan span, ReceivedSpan ancestor) {
        ReceivedSpan current = span;
        for (int depth = 0; current != null && depth < 50; depth++) {
            if (current.spanId().equals(ancestor.spanId())) {
                return true;
            }
            String parent = current.parentSpanId();
            current = trace.stream().filter(s -> s.spanId().equals(parent)).findFirst().orElse(null);
        }
        return false;
    }

    private static String describe(List<ReceivedSpan> trace) {
        return trace.stream().map(s -> s.service() + ":" + s.name() + "(kind " + s.kind() + ", " + s.spanId()
                        + " <- " + s.parentSpanId() + ")")
                .collect(Collectors.joining("; ", "[", "]"));
    }
}
