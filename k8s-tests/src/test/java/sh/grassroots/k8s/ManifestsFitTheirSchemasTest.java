package sh.grassroots.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rendered object of every overlay against its schema: Kubernetes built-ins against the
 * API's own models, Strimzi and CloudNativePG resources against their CRDs. Then the same check
 * on copies broken on purpose, to show that it can fail.
 */
class ManifestsFitTheirSchemasTest {
    private static final Map<String, String> RENDERED = new HashMap<>();
    private static Schemas schemas;

    @BeforeAll
    static void renderAndLoad() throws Exception {
        schemas = Schemas.load();
        for (Path overlay : Kustomize.overlays()) {
            RENDERED.put(overlay.getFileName().toString(), Kustomize.render(overlay));
        }
    }

    static List<Path> overlays() throws Exception {
        return Kustomize.overlays();
    }

    private static List<Map<String, Object>> fresh(String overlay) {
        return Kustomize.parse(RENDERED.get(overlay));
    }

    private static List<String> check(List<Map<String, Object>> docs) {
        List<String> out = new ArrayList<>();
        docs.forEach(d -> out.addAll(schemas.check(d)));
        return out;
    }

    private static void assertViolation(List<String> violations, String... fragments) {
        assertTrue(violations.stream().anyMatch(v -> List.of(fragments).stream().allMatch(v::contains)),
                "expected a violation mentioning " + List.of(fragments) + ", got:\n  " + String.join("\n  ", violations));
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void everyRenderedObjectFitsItsSchema(Path overlay) {
        List<Map<String, Object>> docs = fresh(overlay.getFileName().toString());
        List<String> violations = check(docs);
        assertEquals(List.of(), violations, overlay.getFileName() + ":\n  " + String.join("\n  ", violations));
        System.out.printf("[k8s-tests] overlay %s: %d objects fit their schemas (%s)%n", overlay.getFileName(), docs.size(),
                String.join(", ", docs.stream().map(d -> d.get("apiVersion") + " " + Y.kind(d)).distinct().sorted().toList()));
    }

    @Test
    void theOperatorSchemasAreTheCurrentApis() {
        List<String> known = schemas.customResources();
        assertTrue(known.containsAll(List.of("kafka.strimzi.io/v1/Kafka", "kafka.strimzi.io/v1/KafkaNodePool",
                "kafka.strimzi.io/v1/KafkaTopic", "kafka.strimzi.io/v1/KafkaUser", "postgresql.cnpg.io/v1/Cluster",
                "opentelemetry.io/v1beta1/OpenTelemetryCollector")), "known: " + known);
        assertTrue(known.stream().noneMatch(k -> k.startsWith("kafka.strimzi.io/v1beta")), "Strimzi 1.x serves v1 only: " + known);
    }

    @Test
    void aWrongApiVersionFails() {
        List<Map<String, Object>> docs = fresh("prod");
        Y.find(docs, "KafkaTopic", "org.organization.v1").put("apiVersion", "kafka.strimzi.io/v1beta2");
        Y.find(docs, "Deployment", "gateway").put("apiVersion", "apps/v1beta2");
        Y.find(docs, "Ingress", "gateway").put("apiVersion", "extensions/v1");
        List<String> v = check(docs);
        assertViolation(v, "KafkaTopic org.organization.v1", "kafka.strimzi.io/v1beta2 is not served", "kafka.strimzi.io/v1/KafkaTopic");
        assertViolation(v, "Deployment gateway", "V1beta2Deployment is not a kind");
        assertViolation(v, "Ingress gateway", "belongs to API group \"networking.k8s.io\", not \"extensions\"");
    }

    @Test
    void aMisspeltFieldFailsInABuiltInAndInEachOperatorsResource() {
        List<Map<String, Object>> docs = fresh("dev");
        Map<String, Object> container = Y.maps(Y.at(Y.find(docs, "Deployment", "org-service"), "spec.template.spec.containers")).get(0);
        container.put("imagePulPolicy", container.remove("imagePullPolicy"));
        Map<String, Object> kafka = Y.mapAt(Y.find(docs, "Kafka", "grassroots"), "spec.kafka");
        kafka.put("listner", kafka.remove("listeners"));
        Y.mapAt(Y.find(docs, "Cluster", "pg-org"), "spec.bootstrap.initdb").put("databse", "org");
        Y.mapAt(Y.find(docs, "KafkaTopic", "org.member.v1"), "spec").put("replica", 1);
        Map<String, Object> collector = Y.mapAt(Y.find(docs, "OpenTelemetryCollector", "grassroots"), "spec");
        collector.put("replica", collector.remove("replicas"));
        Y.mapAt(collector, "config").put("exporter", Y.mapAt(collector, "config").remove("exporters"));
        List<String> v = check(docs);
        assertViolation(v, "Deployment org-service", "imagePulPolicy", "V1Container");
        assertViolation(v, "Kafka grassroots.spec.kafka.listner", "unknown field");
        assertViolation(v, "Kafka grassroots.spec.kafka", "required field \"listeners\" is missing");
        assertViolation(v, "Cluster pg-org.spec.bootstrap.initdb.databse", "unknown field");
        assertViolation(v, "KafkaTopic org.member.v1.spec.replica", "unknown field");
        assertViolation(v, "OpenTelemetryCollector grassroots.spec.replica", "unknown field");
        assertViolation(v, "OpenTelemetryCollector grassroots.spec.config", "required field \"exporters\" is missing");
    }

    @Test
    void aMissingRequiredFieldOrAWrongTypeFails() {
        List<Map<String, Object>> docs = fresh("prod");
        Y.mapAt(Y.find(docs, "Deployment", "training-service"), "spec").remove("selector");
        Y.mapAt(Y.find(docs, "KafkaNodePool", "dual-role"), "spec").remove("roles");
        Y.mapAt(Y.find(docs, "Cluster", "pg-training"), "spec").put("instances", "three");
        Y.mapAt(Y.find(docs, "KafkaTopic", "training.session.v1"), "spec").put("partitions", 0);
        Y.mapAt(Y.find(docs, "NetworkPolicy", "gateway"), "metadata").put("labelz", Map.of("a", "b"));
        List<String> v = check(docs);
        assertViolation(v, "Deployment training-service", "selector");
        assertViolation(v, "KafkaNodePool dual-role.spec", "required field \"roles\" is missing");
        assertViolation(v, "Cluster pg-training.spec.instances", "expected type integer", "\"three\"");
        assertViolation(v, "KafkaTopic training.session.v1.spec.partitions", "below the minimum 1");
        assertViolation(v, "NetworkPolicy gateway", "labelz");
    }

    @Test
    void anObsoleteStrimziFieldFails() {
        // v1beta2 fields that v1 dropped: the ZooKeeper section and a KafkaUser ACL's single "operation".
        List<Map<String, Object>> docs = fresh("dev");
        Y.mapAt(Y.find(docs, "Kafka", "grassroots"), "spec").put("zookeeper", Map.of("replicas", 3));
        Map<String, Object> user = new HashMap<>(Map.of("apiVersion", "kafka.strimzi.io/v1", "kind", "KafkaUser",
                "metadata", Map.of("name", "reader", "labels", Map.of("strimzi.io/cluster", "grassroots")),
                "spec", Map.of("authorization", Map.of("type", "simple", "acls", List.of(Map.of(
                        "resource", Map.of("type", "topic", "name", "org.member.v1"), "operation", "Read"))))));
        docs.add(user);
        List<String> v = check(docs);
        assertViolation(v, "Kafka grassroots.spec.zookeeper", "unknown field");
        assertViolation(v, "KafkaUser reader.spec.authorization.acls[0].operation", "unknown field");
        assertViolation(v, "KafkaUser reader.spec.authorization.acls[0]", "required field \"operations\" is missing");
    }

    @Test
    void anUnknownKindFails() {
        List<Map<String, Object>> docs = fresh("dev");
        docs.add(new HashMap<>(Map.of("apiVersion", "monitoring.coreos.com/v1", "kind", "PodMonitor", "metadata", Map.of("name", "apps"))));
        assertViolation(check(docs), "PodMonitor apps", "no CRD for it is known");
        assertFalse(schemas.customResources().isEmpty());
    }
}
