package sh.grassroots.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks must be able to fail: each test breaks one thing in a freshly parsed copy of a
 * rendered overlay (or in the code facts) and expects the checker to name it.
 */
class CheckerCatchesBreakageTest {
    private static final Map<String, String> RENDERED = new HashMap<>();
    private static CodeFacts facts;

    @BeforeAll
    static void renderOnce() throws Exception {
        facts = CodeFacts.scan(Kustomize.root());
        for (String overlay : List.of("dev", "prod")) {
            RENDERED.put(overlay, Kustomize.render(Kustomize.root().resolve("k8s/overlays/" + overlay)));
        }
    }

    private static List<Map<String, Object>> fresh(String overlay) {
        return Kustomize.parse(RENDERED.get(overlay));
    }

    private static Map<String, Object> container(List<Map<String, Object>> docs, String deployment) {
        return Y.maps(Y.at(Y.find(docs, "Deployment", deployment), "spec.template.spec.containers")).get(0);
    }

    private static Map<String, Object> configMapData(List<Map<String, Object>> docs, String app) {
        String name = Y.strAt(Y.maps(container(docs, app).get("envFrom")).get(0), "configMapRef.name");
        return Y.map(Y.find(docs, "ConfigMap", name).get("data"));
    }

    private static void assertViolation(List<String> violations, String... fragments) {
        assertTrue(violations.stream().anyMatch(v -> List.of(fragments).stream().allMatch(v::contains)),
                "expected a violation mentioning " + List.of(fragments) + ", got:\n  " + String.join("\n  ", violations));
    }

    @Test
    void unbrokenManifestsPass() {
        assertEquals(List.of(), ManifestChecker.check(facts, fresh("dev")));
        assertEquals(List.of(), ManifestChecker.check(facts, fresh("prod")));
    }

    @Test
    void aMissingProbeIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        container(docs, "training-service").remove("readinessProbe");
        assertViolation(ManifestChecker.check(facts, docs), "training-service", "no readinessProbe");
    }

    @Test
    void aProbeOnTheWrongPathOrPortIsCaught() {
        List<Map<String, Object>> docs = fresh("dev");
        Map<String, Object> live = Y.map(container(docs, "gateway").get("livenessProbe"));
        Y.map(live.get("httpGet")).put("path", "/health");
        Map<String, Object> started = Y.map(container(docs, "org-service").get("startupProbe"));
        Y.map(started.get("httpGet")).put("port", 9000);
        List<String> v = ManifestChecker.check(facts, docs);
        assertViolation(v, "gateway", "livenessProbe checks /health", "/q/health/live");
        assertViolation(v, "org-service", "startupProbe goes to port 9000", "9081");
    }

    @Test
    void aProbeOnThePublicPortIsCaughtWhenHealthIsOnTheManagementPort() {
        List<Map<String, Object>> docs = fresh("prod");
        Y.map(Y.map(container(docs, "training-service").get("readinessProbe")).get("httpGet")).put("port", "http");
        assertViolation(ManifestChecker.check(facts, docs), "training-service", "readinessProbe goes to port http",
                "serves health on 9082");
    }

    @Test
    void aManagementPortTheContainerOrServiceDoesNotDeclareIsCaught() {
        List<Map<String, Object>> docs = fresh("dev");
        Y.list(Y.at(Y.find(docs, "Service", "service-station-service"), "spec.ports"))
                .removeIf(p -> "management".equals(Y.map(p).get("name")));
        Y.maps(container(docs, "org-service").get("ports")).stream().filter(p -> "management".equals(p.get("name")))
                .forEach(p -> p.put("containerPort", 9999));
        List<String> v = ManifestChecker.check(facts, docs);
        assertViolation(v, "service-station-service", "no port named management");
        assertViolation(v, "org-service", "health and metrics on 9081", "is 9999");
    }

    @Test
    void prometheusScrapingThePublicPortIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        Y.mapAt(Y.find(docs, "Deployment", "gateway"), "spec.template.metadata.annotations").put("prometheus.io/port", "8080");
        assertViolation(ManifestChecker.check(facts, docs), "gateway", "Prometheus annotations", ":9080/q/metrics");
    }

    /** The ingress rule of {@code app}'s own NetworkPolicy that admits namespace monitoring. */
    private static Map<String, Object> monitoringRule(List<Map<String, Object>> docs, String app) {
        return Y.maps(Y.at(Y.find(docs, "NetworkPolicy", app), "spec.ingress")).stream()
                .filter(r -> Y.maps(r.get("from")).stream().anyMatch(f -> f.get("namespaceSelector") != null))
                .findFirst().orElseThrow();
    }

    @Test
    void theMonitoringNamespaceOnTheApiPortInsteadOfTheManagementPortIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        Y.maps(monitoringRule(docs, "org-service").get("ports")).get(0).put("port", 8081);
        List<String> v = ManifestChecker.check(facts, docs);
        assertViolation(v, "org-service", "do not let the monitoring namespace reach 9081");
        assertViolation(v, "org-service", "let the monitoring namespace reach the HTTP port 8081");
    }

    @Test
    void aServicesApiPortOpenToOtherNamespacesIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        Map<String, Object> gatewayRule = Y.maps(Y.at(Y.find(docs, "NetworkPolicy", "training-service"), "spec.ingress")).get(0);
        gatewayRule.put("from", new java.util.ArrayList<>(List.of(Map.of("namespaceSelector", Map.of()))));
        assertViolation(ManifestChecker.check(facts, docs), "training-service", "another namespace", "reach its HTTP port 8082");
    }

    @Test
    void anotherAppOnAServicesApiPortIsCaught() {
        List<Map<String, Object>> docs = fresh("dev");
        Map<String, Object> trainingIngress = Y.maps(Y.at(Y.find(docs, "NetworkPolicy", "training-service"), "spec.ingress")).get(0);
        Y.list(trainingIngress.get("from")).add(Map.of("podSelector", Map.of("matchLabels",
                Map.of("app.kubernetes.io/name", "org-service"))));
        Y.list(Y.at(Y.find(docs, "NetworkPolicy", "org-service"), "spec.egress")).add(Map.of(
                "to", List.of(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "training-service")))),
                "ports", List.of(Map.of("port", 8082, "protocol", "TCP"))));
        assertViolation(ManifestChecker.check(facts, docs), "training-service", "let org-service reach its HTTP port 8082");
    }

    @Test
    void theGatewayOnAServicesManagementPortIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        Map<String, Object> orgIngress = Y.maps(Y.at(Y.find(docs, "NetworkPolicy", "org-service"), "spec.ingress")).get(0);
        Y.list(orgIngress.get("ports")).add(Map.of("port", 9081, "protocol", "TCP"));
        Y.list(Y.at(Y.find(docs, "NetworkPolicy", "gateway"), "spec.egress")).add(Map.of(
                "to", List.of(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "org-service")))),
                "ports", List.of(Map.of("port", 9081, "protocol", "TCP"))));
        assertViolation(ManifestChecker.check(facts, docs), "org-service", "let the gateway gateway reach its management port 9081");
    }

    @Test
    void aContainerPortThatIsNotTheAppsPortIsCaught() {
        List<Map<String, Object>> docs = fresh("dev");
        Y.maps(container(docs, "service-station-service").get("ports")).get(0).put("containerPort", 8080);
        assertViolation(ManifestChecker.check(facts, docs), "service-station-service", "listens on 8083");
    }

    @Test
    void anEnvironmentVariableMissingFromTheConfigMapIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        configMapData(docs, "org-service").remove("DB_HOST");
        assertViolation(ManifestChecker.check(facts, docs), "org-service", "${DB_HOST}");
    }

    @Test
    void aSecretBackedVariableThatIsDroppedIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        Y.list(container(docs, "service-station-service").get("env")).removeIf(e -> "DB_PASSWORD".equals(Y.map(e).get("name")));
        assertViolation(ManifestChecker.check(facts, docs), "service-station-service", "${DB_PASSWORD}");
    }

    @Test
    void aVariableTheCodeStartsToReadIsCaught() {
        assertViolation(ManifestChecker.check(facts.withEnv("gateway", "GATEWAY_RATE_LIMIT"), fresh("prod")),
                "gateway", "${GATEWAY_RATE_LIMIT}");
    }

    @Test
    void aMissingTopicIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        docs.removeIf(d -> "KafkaTopic".equals(Y.kind(d)) && "org.organization.v1.dlq".equals(ManifestChecker.topicName(d)));
        assertViolation(ManifestChecker.check(facts, docs), "topic org.organization.v1.dlq", "no KafkaTopic");
    }

    @Test
    void aTopicTheCodeStartsToUseIsCaught() {
        assertViolation(ManifestChecker.check(facts.withTopic("stations.booking.v2"), fresh("dev")),
                "topic stations.booking.v2", "no KafkaTopic");
    }

    @Test
    void moreTopicReplicasThanBrokersIsCaught() {
        List<Map<String, Object>> docs = fresh("dev");
        Map<String, Object> topic = Y.find(docs, "KafkaTopic", "org.organization.v1");
        Y.map(topic.get("spec")).put("replicas", 3);
        assertViolation(ManifestChecker.check(facts, docs), "org.organization.v1", "replicas 3", "1 broker");
    }

    @Test
    void aRootOrPrivilegedContainerIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        Map<String, Object> dep = Y.find(docs, "Deployment", "org-service");
        Y.mapAt(dep, "spec.template.spec.securityContext").remove("runAsNonRoot");
        Map<String, Object> sc = Y.map(container(docs, "org-service").get("securityContext"));
        sc.remove("runAsNonRoot");
        sc.put("allowPrivilegeEscalation", true);
        sc.put("readOnlyRootFilesystem", false);
        List<String> v = ManifestChecker.check(facts, docs);
        assertViolation(v, "org-service", "runAsNonRoot");
        assertViolation(v, "org-service", "allowPrivilegeEscalation");
        assertViolation(v, "org-service", "readOnlyRootFilesystem");
    }

    @Test
    void missingResourcesAreCaught() {
        List<Map<String, Object>> docs = fresh("dev");
        container(docs, "gateway").remove("resources");
        Y.map(Y.map(container(docs, "training-service").get("resources")).get("limits")).put("memory", "256Mi");
        List<String> v = ManifestChecker.check(facts, docs);
        assertViolation(v, "gateway", "no resources.limits.memory");
        assertViolation(v, "training-service", "memory limit 256Mi");
    }

    @Test
    void aServiceWithoutItsNetworkPolicyIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        docs.removeIf(d -> "NetworkPolicy".equals(Y.kind(d)) && "org-service".equals(Y.name(d)));
        List<String> v = ManifestChecker.check(facts, docs);
        assertViolation(v, "org-service", "no NetworkPolicy selects its pods");
        // default deny still isolates org-service, so the gateway's calls to it are now blocked:
        assertViolation(v, "gateway", "block its calls to http://org-service:8081");
    }

    @Test
    void withoutDefaultDenyItIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        docs.removeIf(d -> "NetworkPolicy".equals(Y.kind(d)) && "default-deny-all".equals(Y.name(d)));
        assertViolation(ManifestChecker.check(facts, docs), "no default-deny NetworkPolicy");
    }

    @Test
    void blockedKafkaOrDatabaseOrDnsTrafficIsCaught() {
        List<Map<String, Object>> docs = fresh("dev");
        Map<String, Object> policy = Y.find(docs, "NetworkPolicy", "training-service");
        Y.map(policy.get("spec")).remove("egress");
        docs.removeIf(d -> "NetworkPolicy".equals(Y.kind(d)) && "allow-dns-egress".equals(Y.name(d)));
        List<String> v = ManifestChecker.check(facts, docs);
        assertViolation(v, "training-service", "reach the Kafka brokers");
        assertViolation(v, "training-service", "reach PostgreSQL cluster pg-training");
        assertViolation(v, "org-service", "DNS");
    }

    @Test
    void tracesTheAppsCannotSendToTheCollectorAreCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        docs.removeIf(d -> "NetworkPolicy".equals(Y.kind(d)) && "apps-to-collector".equals(Y.name(d)));
        assertViolation(ManifestChecker.check(facts, docs), "org-service", "grassroots-collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT");

        List<Map<String, Object>> withoutCollector = fresh("dev");
        withoutCollector.removeIf(d -> "OpenTelemetryCollector".equals(Y.kind(d)));
        assertViolation(ManifestChecker.check(facts, withoutCollector), "gateway", "OTEL_EXPORTER_OTLP_ENDPOINT",
                "no Service in the manifests");
    }

    @Test
    void aGatewayClosedToTheIngressControllerIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        Map<String, Object> policy = Y.find(docs, "NetworkPolicy", "gateway");
        Y.list(Y.at(policy, "spec.ingress")).remove(0);
        Y.list(Y.at(policy, "spec.ingress")).remove(0);
        assertViolation(ManifestChecker.check(facts, docs), "gateway", "ingress controller");
    }

    @Test
    void aDatabaseThatIsNotTheServicesOwnCnpgClusterIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        configMapData(docs, "service-station-service").put("DB_HOST", "pg-org-rw");
        Map<String, Object> user = Y.maps(container(docs, "org-service").get("env")).get(0);
        Y.mapAt(user, "valueFrom.secretKeyRef").put("name", "org-credentials");
        List<String> v = ManifestChecker.check(facts, docs);
        assertViolation(v, "service-station-service", "DB_NAME stations", "pg-org");
        assertViolation(v, "pg-org", "shared by");
        assertViolation(v, "org-service", "DB_USER must come from the CloudNativePG secret pg-org-app");
    }

    @Test
    void tooManyConnectionsForPostgresIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        Map<String, Object> hpa = Y.ofKind(docs, "HorizontalPodAutoscaler").stream()
                .filter(h -> "org-service".equals(Y.name(h))).findFirst().orElseThrow();
        Y.map(hpa.get("spec")).put("maxReplicas", 20);
        assertViolation(ManifestChecker.check(facts, docs), "org-service", "exceed max_connections");
    }

    @Test
    void prodWithoutAutoscalingDisruptionBudgetOrSpreadingIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        docs.removeIf(d -> Set.of("HorizontalPodAutoscaler", "PodDisruptionBudget").contains(Y.kind(d)) && "gateway".equals(Y.name(d)));
        Y.mapAt(Y.find(docs, "Deployment", "org-service"), "spec.template.spec").remove("affinity");
        Y.map(Y.find(docs, "KafkaTopic", "org.organization.v1").get("spec")).put("replicas", 1);
        List<String> v = ManifestChecker.checkProduction(facts, docs, 3);
        assertViolation(v, "gateway", "HorizontalPodAutoscaler");
        assertViolation(v, "gateway", "PodDisruptionBudget");
        assertViolation(v, "org-service", "anti-affinity");
        assertViolation(v, "org.organization.v1", "replication 1");
    }

    @Test
    void anIngressRouteBesideTheApiIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        Map<String, Object> http = Y.map(Y.maps(Y.at(Y.find(docs, "Ingress", "gateway"), "spec.rules")).get(0).get("http"));
        Y.list(http.get("paths")).add(Map.of("path", "/", "pathType", "Prefix",
                "backend", Map.of("service", Map.of("name", "gateway", "port", Map.of("name", "http")))));
        Y.list(http.get("paths")).add(Map.of("path", "/q/openapi", "pathType", "Exact",
                "backend", Map.of("service", Map.of("name", "gateway", "port", Map.of("name", "http")))));
        List<String> v = ManifestChecker.check(facts, docs);
        assertViolation(v, "Ingress gateway", "routes / (Prefix)");
        assertViolation(v, "Ingress gateway", "routes /q/openapi (Exact)");
    }

    @Test
    void aDistrictJwksHostTheGatewayCannotReachOrAPemKeyOutsideASecretIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        configMapData(docs, "gateway").put("GATEWAY_DISTRICT_ISSUERS",
                "310101=https://id.huangpu.example|https://id.huangpu.example/jwks.json,310104=https://id.xuhui.example|/opt/keys/310104.pem");
        List<String> v = ManifestChecker.check(facts, docs);
        assertViolation(v, "gateway", "district 310101", "https://id.huangpu.example/jwks.json", "no NetworkPolicy lets it reach");
        assertViolation(v, "gateway", "district 310104", "/opt/keys/310104.pem is in no volume mounted from a Secret");
    }

    @Test
    void egressToEveryAddressForAJwksHostIsCaught() {
        List<Map<String, Object>> docs = fresh("dev");
        configMapData(docs, "gateway").put("GATEWAY_DISTRICT_ISSUERS",
                "310101=https://id.huangpu.example|https://id.huangpu.example/jwks.json");
        Y.mapAt(Y.find(docs, "NetworkPolicy", "gateway-district-issuers"), "spec").put("egress", List.of(Map.of(
                "to", List.of(Map.of("ipBlock", Map.of("cidr", "0.0.0.0/0"))), "ports", List.of(Map.of("port", 443)))));
        assertViolation(ManifestChecker.check(facts, docs), "gateway", "egress on 443 to every address");
    }

    @Test
    void anImageThatIsNotAPinnedBuildIsCaught() {
        List<Map<String, Object>> docs = fresh("prod");
        container(docs, "gateway").put("image", "registry.example.com/grassroots/gateway:0.1.0-SNAPSHOT");
        container(docs, "org-service").put("image", "grassroots/org-service:1.4.0");
        container(docs, "training-service").put("image", "registry.example.com/grassroots/training-service:latest");
        container(docs, "service-station-service").put("image", "registry.example.com/grassroots/service-station-service");
        List<String> v = ManifestChecker.check(facts, docs);
        assertViolation(v, "gateway", "the tag 0.1.0-SNAPSHOT names no single build");
        assertViolation(v, "org-service", "grassroots/org-service:1.4.0 names no registry");
        assertViolation(v, "training-service", "the tag latest names no single build");
        assertViolation(v, "service-station-service", "neither a tag nor a digest");
    }

    @Test
    void anImagePinnedByDigestAsBinImagesWritesItAfterAPushPasses() {
        List<Map<String, Object>> docs = fresh("prod");
        container(docs, "gateway").put("image", "registry.example.com:5000/grassroots/gateway:0.1.0-0123456789ab@sha256:" + "ab".repeat(32));
        assertEquals(List.of(), ManifestChecker.check(facts, docs));
    }

    @Test
    void anObsoleteStrimziAnnotationIsCaught() {
        List<Map<String, Object>> docs = fresh("dev");
        Y.map(Y.find(docs, "Kafka", "grassroots").get("metadata")).put("annotations", Map.of("strimzi.io/kraft", "enabled"));
        assertViolation(ManifestChecker.check(facts, docs), "Kafka grassroots", "strimzi.io/kraft is obsolete");
    }

    @Test
    void theScannerPicksUpTopicsAndVariablesOfNewCode(@TempDir Path root) throws Exception {
        Path app = root.resolve("booking-service");
        Files.createDirectories(app.resolve("src/main/resources"));
        Files.createDirectories(app.resolve("src/main/java/x"));
        Files.writeString(app.resolve("pom.xml"), "<project/>");
        Files.writeString(app.resolve("src/main/resources/application.properties"), String.join("\n",
                "quarkus.application.name=booking-service",
                "quarkus.http.port=${HTTP_PORT:8090}",
                "# ${COMMENTED_OUT:x}",
                "api.key=${BOOKING_API_KEY}",
                "mp.messaging.incoming.stations.booking.v1.connector=smallrye-kafka",
                "mp.messaging.outgoing.out.connector=smallrye-kafka",
                "mp.messaging.outgoing.out.topic=stations.slot.v1"));
        Files.writeString(app.resolve("src/main/java/x/T.java"),
                "class T { static final String A = \"training.enrolment.v2\"; String pkg = \"sh.grassroots.x\"; }");
        CodeFacts scanned = CodeFacts.scan(root);
        assertEquals(Set.of("booking-service"), scanned.apps().keySet());
        assertEquals(Set.of("HTTP_PORT", "BOOKING_API_KEY"), scanned.apps().get("booking-service").envDefaults().keySet());
        assertEquals(8090, scanned.apps().get("booking-service").defaultHttpPort());
        assertTrue(scanned.topics().containsAll(Set.of("training.enrolment.v2", "stations.slot.v1")), "topics: " + scanned.topics());
    }
}
