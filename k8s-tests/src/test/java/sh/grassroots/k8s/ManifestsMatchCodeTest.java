package sh.grassroots.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders every overlay under k8s/overlays and checks it against the code of this checkout. */
class ManifestsMatchCodeTest {
    static CodeFacts facts;

    @BeforeAll
    static void scan() {
        facts = CodeFacts.scan(Kustomize.root());
    }

    static List<Path> overlays() throws Exception {
        return Kustomize.overlays();
    }

    static List<Map<String, Object>> rendered(Path overlay) throws Exception {
        return Kustomize.parse(Kustomize.render(overlay));
    }

    @Test
    void theScanFindsTheAppsTheirSettingsAndTopics() {
        // Guards against a scanner that finds nothing, which would make every check pass.
        assertTrue(facts.apps().keySet().containsAll(Set.of("gateway", "org-service", "training-service", "service-station-service")),
                "apps found: " + facts.apps().keySet());
        assertTrue(facts.apps().get("org-service").envDefaults().keySet()
                .containsAll(Set.of("HTTP_PORT", "DB_HOST", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS")));
        assertTrue(facts.apps().get("gateway").envDefaults().keySet().containsAll(Set.of("ORG_SERVICE_URL", "JWT_PUBLIC_KEY_LOCATION")));
        assertEquals(8081, facts.apps().get("org-service").defaultHttpPort());
        assertEquals(8080, facts.apps().get("gateway").defaultHttpPort());
        Map<String, Integer> management = Map.of("gateway", 9080, "org-service", 9081, "training-service", 9082,
                "service-station-service", 9083);
        management.forEach((app, port) -> {
            assertTrue(facts.apps().get(app).managementEnabled(), app + ": health and metrics on the management interface");
            assertEquals(port, facts.apps().get(app).managementPort(Map.of()), app);
        });
        assertTrue(facts.topics().containsAll(Set.of("org.organization.v1", "org.organization.v1.dlq")), "topics: " + facts.topics());
    }

    @Test
    void everyAppLogsJsonInTheProdProfileAndPlainTextInTheOthers() throws Exception {
        for (CodeFacts.App app : facts.apps().values()) {
            assertTrue(java.nio.file.Files.readString(app.module().resolve("pom.xml")).contains("<artifactId>quarkus-logging-json</artifactId>"),
                    app.name() + ": no quarkus-logging-json");
            assertEquals("true", app.properties().getProperty("%prod.quarkus.log.console.json.enabled"), app.name());
            assertEquals("false", app.properties().getProperty("quarkus.log.console.json.enabled"), app.name());
        }
    }

    @Test
    void thereAreDevAndProdOverlays() throws Exception {
        List<String> names = overlays().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("dev", "prod")), "overlays: " + names);
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void everyOverlayRendersAndFitsTheCode(Path overlay) throws Exception {
        List<Map<String, Object>> docs = rendered(overlay);
        assertFalse(docs.isEmpty());
        List<String> violations = ManifestChecker.check(facts, docs);
        assertTrue(violations.isEmpty(), overlay.getFileName() + ":\n  " + String.join("\n  ", violations));
        System.out.printf("[k8s-tests] overlay %s: %d documents rendered, %d apps and %d code topics checked%n",
                overlay.getFileName(), docs.size(), facts.apps().size(), facts.topics().size());
    }

    @Test
    void prodRunsSeveralSpreadAutoscaledReplicasWithReplicatedTopics() throws Exception {
        List<Map<String, Object>> docs = rendered(Kustomize.root().resolve("k8s/overlays/prod"));
        List<String> violations = ManifestChecker.checkProduction(facts, docs, 3);
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    /**
     * What an operator does to let another district call in (k8s/README.md): in an overlay of
     * their own, name the district's issuer and keys in the gateway's configuration, mount PEM
     * keys from the gateway-district-keys secret, and give the JWKS host's address to the
     * gateway-district-issuers policy. Rendered for real from a throw-away overlay over prod.
     */
    @Test
    void aDistrictIssuerConfiguredInAnOverlayIsReachableAndFitsTheSchemas() throws Exception {
        Path overlay = Kustomize.root().resolve("k8s-tests/target/overlay-with-districts");
        java.nio.file.Files.createDirectories(overlay);
        java.nio.file.Files.writeString(overlay.resolve("kustomization.yaml"), String.join("\n",
                "apiVersion: kustomize.config.k8s.io/v1beta1",
                "kind: Kustomization",
                "resources: [../../../k8s/overlays/prod]",
                "configMapGenerator:",
                "  - name: gateway-config",
                "    behavior: merge",
                "    literals:",
                "      - GATEWAY_DISTRICT_ISSUERS=310101=https://id.huangpu.example|https://id.huangpu.example/jwks.json,"
                        + "310104=https://id.xuhui.example|/etc/grassroots/districts/310104.pem",
                "patches:",
                "  - target: {kind: NetworkPolicy, name: gateway-district-issuers}",
                "    patch: |-",
                "      - op: replace",
                "        path: /spec/egress",
                "        value:",
                "          - to: [{ipBlock: {cidr: 203.0.113.10/32}}]",
                "            ports: [{port: 443, protocol: TCP}]",
                ""));
        List<Map<String, Object>> docs = Kustomize.parse(Kustomize.render(overlay));
        String issuers = Y.ofKind(docs, "ConfigMap").stream().filter(c -> Y.name(c).startsWith("gateway-config"))
                .map(c -> Y.strAt(c, "data.GATEWAY_DISTRICT_ISSUERS")).findFirst().orElse("");
        assertTrue(issuers.contains("310104=") && issuers.contains("310101="), issuers);
        assertEquals(List.of(), ManifestChecker.check(facts, docs));
        Schemas schemas = Schemas.load();
        assertEquals(List.of(), docs.stream().flatMap(d -> schemas.check(d).stream()).toList());
    }

    @Test
    void devRunsOneReplicaOfEachApp() throws Exception {
        List<Map<String, Object>> docs = rendered(Kustomize.root().resolve("k8s/overlays/dev"));
        for (String app : facts.apps().keySet()) {
            assertEquals(1, Y.integer(Y.at(Y.find(docs, "Deployment", app), "spec.replicas")), app);
        }
        // and dev is indeed not production-grade: the production check notices.
        assertFalse(ManifestChecker.checkProduction(facts, docs, 3).isEmpty());
    }
}
