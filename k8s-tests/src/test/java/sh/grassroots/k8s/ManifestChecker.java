package sh.grassroots.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks rendered Kubernetes manifests (the documents of {@code kubectl kustomize <overlay>})
 * against what the code needs ({@link CodeFacts}). Each method returns the violations found,
 * one readable sentence each; an empty list means the manifests fit the code.
 */
final class ManifestChecker {
    /** JVM apps measured at ~200-250MB RSS: a smaller memory limit gets them OOM-killed. */
    static final long MIN_MEMORY_LIMIT = 512L * 1024 * 1024;
    /** Connections CloudNativePG keeps for itself/superusers out of max_connections. */
    static final int RESERVED_CONNECTIONS = 10;
    static final Map<String, String> PROBE_PATHS = new LinkedHashMap<>();

    static {
        PROBE_PATHS.put("startupProbe", "/q/health/started");
        PROBE_PATHS.put("livenessProbe", "/q/health/live");
        PROBE_PATHS.put("readinessProbe", "/q/health/ready");
    }

    static final String MANAGEMENT = "management";
    /** The only paths the Ingress may route: the API of people's apps and of other districts. */
    static final List<String> PUBLIC_PREFIXES = List.of("/api/", "/inter-district/");
    static final String DISTRICT_ISSUERS = "GATEWAY_DISTRICT_ISSUERS";
    private static final Map<String, String> MONITORING_NAMESPACE = Map.of("kubernetes.io/metadata.name", "monitoring");
    /** Namespaces other than the app's own: the ingress controller's and any other. */
    private static final List<Map<String, String>> OTHER_NAMESPACES = List.of(
            Map.of("kubernetes.io/metadata.name", "ingress-nginx"), Map.of("kubernetes.io/metadata.name", "someone-else"));
    private static final Map<String, String> PROMETHEUS = Map.of("app.kubernetes.io/name", "prometheus");

    private static final Pattern IMAGE = Pattern.compile(
            "^([a-z0-9.-]+(?::\\d+)?)/([a-z0-9._/-]+)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(sha256:[0-9a-f]{64}))?$");
    private static final Pattern URL = Pattern.compile("^(https?)://([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\\.[^:/]*)?(?::(\\d+))?(/.*)?$");

    private final CodeFacts facts;
    private final List<Map<String, Object>> docs;
    private final NetworkModel net;
    private final List<String> violations = new ArrayList<>();

    private ManifestChecker(CodeFacts facts, List<Map<String, Object>> docs) {
        this.facts = facts;
        this.docs = docs;
        this.net = new NetworkModel(docs);
    }

    /** Everything every overlay must satisfy. */
    static List<String> check(CodeFacts facts, List<Map<String, Object>> docs) {
        ManifestChecker c = new ManifestChecker(facts, docs);
        c.checkNamespacePolicies();
        Map<String, List<String>> clusterUsers = new HashMap<>();
        for (CodeFacts.App app : facts.apps().values()) {
            c.checkApp(app, clusterUsers);
        }
        clusterUsers.forEach((cluster, users) -> {
            if (users.size() > 1) {
                c.fail("PostgreSQL cluster " + cluster + " is shared by " + users + ": one database and owner per service");
            }
        });
        c.checkTopics();
        c.checkPostgresClusters();
        c.checkIngressPaths();
        return c.violations;
    }

    /** What a production overlay adds: replicas, autoscaling, disruption budgets, spreading, replication. */
    static List<String> checkProduction(CodeFacts facts, List<Map<String, Object>> docs, int minReplicas) {
        ManifestChecker c = new ManifestChecker(facts, docs);
        for (CodeFacts.App app : facts.apps().values()) {
            Map<String, Object> dep = Y.find(docs, "Deployment", app.name());
            if (dep == null) {
                c.fail(app.name() + ": no Deployment named " + app.name());
                continue;
            }
            Map<String, String> labels = Y.stringMap(Y.at(dep, "spec.template.metadata.labels"));
            Integer replicas = Y.integer(Y.at(dep, "spec.replicas"));
            if (replicas == null || replicas < minReplicas) {
                c.fail(app.name() + ": " + replicas + " replicas, production needs at least " + minReplicas);
            }
            Map<String, Object> hpa = c.hpaFor(app.name());
            if (hpa == null) {
                c.fail(app.name() + ": no HorizontalPodAutoscaler targets Deployment " + app.name());
            } else if (Y.integer(Y.at(hpa, "spec.minReplicas")) == null || Y.integer(Y.at(hpa, "spec.minReplicas")) < minReplicas) {
                c.fail(app.name() + ": HorizontalPodAutoscaler minReplicas below " + minReplicas);
            }
            boolean pdb = Y.ofKind(docs, "PodDisruptionBudget").stream()
                    .anyMatch(p -> Y.at(p, "spec.selector") != null && NetworkModel.selectorMatches(Y.at(p, "spec.selector"), labels));
            if (!pdb) {
                c.fail(app.name() + ": no PodDisruptionBudget selects its pods");
            }
            Map<String, Object> anti = Y.mapAt(dep, "spec.template.spec.affinity.podAntiAffinity");
            List<Map<String, Object>> terms = new ArrayList<>(Y.maps(anti.get("requiredDuringSchedulingIgnoredDuringExecution")));
            Y.maps(anti.get("preferredDuringSchedulingIgnoredDuringExecution")).forEach(w -> terms.add(Y.map(w.get("podAffinityTerm"))));
            if (terms.stream().noneMatch(t -> t.get("labelSelector") != null && NetworkModel.selectorMatches(t.get("labelSelector"), labels))) {
                c.fail(app.name() + ": no pod anti-affinity keeping its own pods apart");
            }
        }
        for (Map<String, Object> topic : Y.ofKind(docs, "KafkaTopic")) {
            Integer replicas = Y.integer(Y.at(topic, "spec.replicas"));
            Integer isr = Y.integer(Y.mapAt(topic, "spec.config").get("min.insync.replicas"));
            if (replicas == null || replicas < 3) {
                c.fail("KafkaTopic " + topicName(topic) + ": replication " + replicas + ", production needs 3");
            }
            if (isr == null || isr < 2) {
                c.fail("KafkaTopic " + topicName(topic) + ": min.insync.replicas " + isr + ", production needs 2");
            }
        }
        for (Map<String, Object> cluster : Y.ofKind(docs, "Cluster")) {
            Integer instances = Y.integer(Y.at(cluster, "spec.instances"));
            if (instances == null || instances < 2) {
                c.fail("PostgreSQL cluster " + Y.name(cluster) + ": " + instances + " instance(s), production needs a replica");
            }
        }
        return c.violations;
    }

    private void fail(String violation) {
        violations.add(violation);
    }

    private void checkNamespacePolicies() {
        boolean defaultDeny = Y.ofKind(docs, "NetworkPolicy").stream().anyMatch(p ->
                Y.mapAt(p, "spec.podSelector").isEmpty()
                        && NetworkModel.types(p).containsAll(List.of("Ingress", "Egress"))
                        && Y.list(Y.at(p, "spec.ingress")).isEmpty() && Y.list(Y.at(p, "spec.egress")).isEmpty());
        if (!defaultDeny) {
            fail("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
        }
    }

    private void checkApp(CodeFacts.App app, Map<String, List<String>> clusterUsers) {
        String name = app.name();
        Map<String, Object> dep = Y.find(docs, "Deployment", name);
        if (dep == null) {
            fail(name + ": no Deployment named " + name);
            return;
        }
        Map<String, Object> podSpec = Y.mapAt(dep, "spec.template.spec");
        List<Map<String, Object>> containers = Y.maps(podSpec.get("containers"));
        Map<String, Object> container = containers.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElse(containers.isEmpty() ? Map.of() : containers.get(0));
        NetworkModel.Pod pod = net.pods.get("Deployment/" + name);

        checkImage(name, Y.str(container.get("image")));

        // Environment: every ${VAR} the configuration reads must be set.
        Map<String, String> env = environment(name, container);
        for (String var : app.envDefaults().keySet()) {
            if (!env.containsKey(var)) {
                fail(name + ": application.properties reads ${" + var + "} but Deployment " + name
                        + " does not set it (env or envFrom ConfigMap/Secret)");
            }
        }

        // Logs: the prod profile's JSON, which the cluster's collector parses (plain text is for bin/run).
        if ("false".equalsIgnoreCase(env.get("QUARKUS_LOG_CONSOLE_JSON_ENABLED")) || env.containsKey("QUARKUS_PROFILE")) {
            fail(name + ": the Deployment turns off the prod profile's JSON logs (QUARKUS_LOG_CONSOLE_JSON_ENABLED / QUARKUS_PROFILE)");
        }

        // Ports and probes. With the management interface on, health and metrics are served on the
        // management port alone: probes and Prometheus go there.
        int port = parsePort(app.resolve("quarkus.http.port", env), app.defaultHttpPort());
        Map<String, Integer> containerPorts = new HashMap<>();
        for (Map<String, Object> p : Y.maps(container.get("ports"))) {
            containerPorts.put(Y.str(p.getOrDefault("name", "")), Y.integer(p.get("containerPort")));
        }
        if (!containerPorts.containsValue(port)) {
            fail(name + ": the app listens on " + port + " (HTTP_PORT) but the container declares ports " + containerPorts.values());
        }
        int healthPort = port;
        if (app.managementEnabled()) {
            healthPort = app.managementPort(env);
            if (healthPort == port) {
                fail(name + ": the management port " + healthPort + " is the HTTP port; health and metrics need a port of their own");
            }
            if (!Objects.equals(containerPorts.get(MANAGEMENT), healthPort)) {
                fail(name + ": the app serves health and metrics on " + healthPort + " (MANAGEMENT_PORT) but the container's port named "
                        + MANAGEMENT + " is " + containerPorts.get(MANAGEMENT));
            }
        }
        int probedPort = healthPort;
        PROBE_PATHS.forEach((probe, path) -> {
            Map<String, Object> p = Y.map(container.get(probe));
            if (p.isEmpty()) {
                fail(name + ": no " + probe + " (expected GET " + path + ")");
                return;
            }
            String actual = Y.strAt(p, "httpGet.path");
            if (!path.equals(actual)) {
                fail(name + ": " + probe + " checks " + actual + ", the app serves " + path);
            }
            Integer probePort = resolvePort(Y.at(p, "httpGet.port"), containerPorts);
            if (!Objects.equals(probePort, probedPort)) {
                fail(name + ": " + probe + " goes to port " + Y.at(p, "httpGet.port") + " but the app serves health on " + probedPort);
            }
        });

        // Resources.
        Map<String, Object> res = Y.map(container.get("resources"));
        for (String r : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
            if (Y.at(res, r) == null) {
                fail(name + ": no resources." + r);
            }
        }
        long limit = Y.bytes(Y.at(res, "limits.memory"));
        long request = Y.bytes(Y.at(res, "requests.memory"));
        if (limit >= 0 && limit < MIN_MEMORY_LIMIT) {
            fail(name + ": memory limit " + Y.at(res, "limits.memory") + " is below the JVM's needs (512Mi)");
        }
        if (limit >= 0 && request > limit) {
            fail(name + ": memory request above its limit");
        }

        // Security context.
        Map<String, Object> podSc = Y.map(podSpec.get("securityContext"));
        Map<String, Object> sc = Y.map(container.get("securityContext"));
        Object nonRoot = sc.containsKey("runAsNonRoot") ? sc.get("runAsNonRoot") : podSc.get("runAsNonRoot");
        if (!Y.isTrue(nonRoot)) {
            fail(name + ": runAsNonRoot is not true");
        }
        Object user = sc.containsKey("runAsUser") ? sc.get("runAsUser") : podSc.get("runAsUser");
        if (user != null && Objects.equals(Y.integer(user), 0)) {
            fail(name + ": runs as user 0");
        }
        if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation")) && !"false".equals(sc.get("allowPrivilegeEscalation"))) {
            fail(name + ": allowPrivilegeEscalation is not false");
        }
        if (!Y.isTrue(sc.get("readOnlyRootFilesystem"))) {
            fail(name + ": readOnlyRootFilesystem is not true");
        }
        if (!Y.list(Y.at(sc, "capabilities.drop")).contains("ALL")) {
            fail(name + ": capabilities do not drop ALL");
        }
        boolean tmp = Y.maps(container.get("volumeMounts")).stream().filter(m -> "/tmp".equals(m.get("mountPath")))
                .anyMatch(m -> Y.maps(podSpec.get("volumes")).stream()
                        .anyMatch(v -> Objects.equals(v.get("name"), m.get("name")) && v.containsKey("emptyDir")));
        if (!tmp) {
            fail(name + ": no emptyDir on /tmp (the JVM needs a writable /tmp with a read-only root)");
        }

        // Graceful shutdown and rollout without downtime.
        Map<String, Object> preStop = Y.mapAt(container, "lifecycle.preStop");
        int grace = Y.integer(podSpec.get("terminationGracePeriodSeconds")) == null ? 30 : Y.integer(podSpec.get("terminationGracePeriodSeconds"));
        if (preStop.isEmpty()) {
            fail(name + ": no preStop hook (endpoints must drain before the JVM stops)");
        } else {
            int sleep = preStopSeconds(preStop);
            if (sleep >= grace) {
                fail(name + ": preStop takes " + sleep + "s, not less than terminationGracePeriodSeconds " + grace);
            }
        }
        Object maxUnavailable = Y.at(dep, "spec.strategy.rollingUpdate.maxUnavailable");
        if ("Recreate".equals(Y.strAt(dep, "spec.strategy.type")) || !(Objects.equals(Y.integer(maxUnavailable), 0) || "0%".equals(maxUnavailable))) {
            fail(name + ": rolling update may take pods away before new ones are ready (maxUnavailable must be 0)");
        }

        // Service account, Service, metrics.
        String sa = Y.str(podSpec.get("serviceAccountName"));
        if (sa == null || Y.find(docs, "ServiceAccount", sa) == null) {
            fail(name + ": no ServiceAccount of its own (serviceAccountName " + sa + ")");
        }
        Map<String, Object> svc = Y.find(docs, "Service", name);
        if (svc == null) {
            fail(name + ": no Service named " + name);
        } else {
            if (!NetworkModel.selectorMatches(Map.of("matchLabels", Y.mapAt(svc, "spec.selector")), pod.labels())
                    || Y.mapAt(svc, "spec.selector").isEmpty()) {
                fail(name + ": Service " + name + " does not select the Deployment's pods");
            }
            boolean targets = Y.maps(Y.at(svc, "spec.ports")).stream()
                    .anyMatch(p -> Objects.equals(resolvePort(p.getOrDefault("targetPort", p.get("port")), containerPorts), port));
            if (!targets) {
                fail(name + ": Service " + name + " does not target the app's port " + port);
            }
            if (app.managementEnabled()) {
                boolean exposed = Y.maps(Y.at(svc, "spec.ports")).stream().anyMatch(p -> MANAGEMENT.equals(Y.str(p.get("name")))
                        && Objects.equals(resolvePort(p.getOrDefault("targetPort", p.get("port")), containerPorts), probedPort));
                if (!exposed) {
                    fail(name + ": Service " + name + " has no port named " + MANAGEMENT + " targeting the management port " + probedPort);
                }
            }
        }
        Map<String, String> ann = Y.stringMap(Y.at(dep, "spec.template.metadata.annotations"));
        if (!"true".equals(ann.get("prometheus.io/scrape")) || !String.valueOf(probedPort).equals(ann.get("prometheus.io/port"))
                || !app.metricsPath().equals(ann.get("prometheus.io/path"))) {
            fail(name + ": Prometheus annotations do not point at :" + probedPort + app.metricsPath());
        }

        // Network: a policy of its own, DNS, and the connections the configuration implies.
        boolean ownPolicy = Y.ofKind(docs, "NetworkPolicy").stream().anyMatch(p -> !Y.mapAt(p, "spec.podSelector").isEmpty()
                && NetworkModel.selects(p, pod) && NetworkModel.types(p).contains("Ingress"));
        if (!ownPolicy) {
            fail(name + ": no NetworkPolicy selects its pods");
        }
        if (!net.allowsDnsEgress(pod)) {
            fail(name + ": NetworkPolicies block DNS (UDP 53) egress");
        }
        checkWhoReachesWhichPort(app, pod, port, probedPort);
        checkDatabase(app, env, pod, dep, clusterUsers);
        checkKafka(app, env, pod);
        checkUrls(name, env, pod);
        checkDistrictIssuers(app, env, pod, container, podSpec);
        for (Map<String, Object> ingress : Y.ofKind(docs, "Ingress")) {
            boolean routesHere = Y.maps(Y.at(ingress, "spec.rules")).stream()
                    .flatMap(r -> Y.maps(Y.at(r, "http.paths")).stream())
                    .anyMatch(p -> name.equals(Y.strAt(p, "backend.service.name")));
            if (!routesHere) {
                continue;
            }
            if (Y.maps(Y.at(ingress, "spec.tls")).stream().noneMatch(t -> t.get("secretName") != null)) {
                fail("Ingress " + Y.name(ingress) + ": no TLS secret");
            }
            if (!net.allowsIngressFromOtherNamespace(pod, port)) {
                fail(name + ": exposed by Ingress " + Y.name(ingress) + " but no NetworkPolicy admits the ingress controller on " + port);
            }
        }
    }

    /**
     * The monitoring namespace reaches health and metrics and none of the API; an app that is not
     * exposed by an Ingress (a service behind the gateway) is reached on its HTTP port by the apps
     * that are (the gateway) and by nothing else, since it believes the X-Caller-* headers of
     * whoever reaches that port; and the gateway does not reach the services' management ports.
     */
    private void checkWhoReachesWhichPort(CodeFacts.App app, NetworkModel.Pod pod, int httpPort, int healthPort) {
        String name = app.name();
        if (!net.admitsFromNamespace(MONITORING_NAMESPACE, PROMETHEUS, pod, healthPort)) {
            fail(name + ": NetworkPolicies do not let the monitoring namespace reach " + healthPort + " (health and metrics)");
        }
        if (healthPort != httpPort && net.admitsFromNamespace(MONITORING_NAMESPACE, PROMETHEUS, pod, httpPort)) {
            fail(name + ": NetworkPolicies let the monitoring namespace reach the HTTP port " + httpPort + "; only " + healthPort);
        }
        Set<String> edge = edgeApps();
        if (edge.contains(name)) {
            return;
        }
        for (NetworkModel.Pod other : net.pods.values()) {
            if (other == pod) {
                continue;
            }
            boolean gateway = edge.contains(other.owner()) && net.pods.containsKey("Deployment/" + other.owner());
            if (!gateway && net.allows(other, pod, httpPort)) {
                fail(name + ": NetworkPolicies let " + other.owner() + " reach its HTTP port " + httpPort
                        + "; only the gateway may (the service believes the X-Caller-* headers it is sent)");
            }
            if (gateway && healthPort != httpPort && net.allows(other, pod, healthPort)) {
                fail(name + ": NetworkPolicies let the gateway " + other.owner() + " reach its management port " + healthPort);
            }
        }
        for (Map<String, String> namespace : OTHER_NAMESPACES) {
            if (net.admitsFromNamespace(namespace, Map.of("app.kubernetes.io/name", "ingress-nginx"), pod, httpPort)) {
                fail(name + ": NetworkPolicies let another namespace (" + namespace.values() + ") reach its HTTP port "
                        + httpPort + "; only the gateway may");
            }
        }
    }

    /**
     * The Ingress routes the API alone: /api/ for the app, /inter-district/ for other districts.
     * A route to / would publish whatever else the gateway serves (OpenAPI, Swagger UI).
     */
    private void checkIngressPaths() {
        for (Map<String, Object> ingress : Y.ofKind(docs, "Ingress")) {
            if (Y.at(ingress, "spec.defaultBackend") != null) {
                fail("Ingress " + Y.name(ingress) + ": a defaultBackend routes every path; only " + PUBLIC_PREFIXES + " are public");
            }
            for (Map<String, Object> rule : Y.maps(Y.at(ingress, "spec.rules"))) {
                for (Map<String, Object> path : Y.maps(Y.at(rule, "http.paths"))) {
                    String p = Objects.requireNonNullElse(Y.str(path.get("path")), "/");
                    String type = Y.str(path.get("pathType"));
                    boolean prefix = "Prefix".equals(type) || "Exact".equals(type);
                    String normal = p.endsWith("/") ? p : p + "/";
                    if (!prefix || PUBLIC_PREFIXES.stream().noneMatch(normal::startsWith)) {
                        fail("Ingress " + Y.name(ingress) + ": routes " + p + " (" + type + "); only " + PUBLIC_PREFIXES
                                + " are public (Prefix or Exact)");
                    }
                }
            }
        }
    }

    /**
     * Each district issuer the gateway is configured with must be reachable: a JWKS URL through an
     * egress rule to the provider's addresses on its port (not to every address), a PEM file inside
     * a volume mounted from a Secret.
     */
    private void checkDistrictIssuers(CodeFacts.App app, Map<String, String> env, NetworkModel.Pod pod,
                                      Map<String, Object> container, Map<String, Object> podSpec) {
        if (!app.reads(DISTRICT_ISSUERS)) {
            return;
        }
        for (String entry : Objects.requireNonNullElse(env.get(DISTRICT_ISSUERS), "").split(",")) {
            int eq = entry.indexOf('=');
            String[] parts = eq < 1 ? new String[0] : entry.substring(eq + 1).split("\\|", -1);
            if (entry.isBlank()) {
                continue;
            }
            if (parts.length < 2) {
                fail(app.name() + ": " + DISTRICT_ISSUERS + " entry \"" + entry.strip() + "\" is not code=issuer|key[|algorithm]");
                continue;
            }
            String district = entry.substring(0, eq).strip();
            String key = parts[1].strip();
            Matcher url = URL.matcher(key);
            if (url.matches()) {
                int port = url.group(5) != null ? Integer.parseInt(url.group(5)) : ("https".equals(url.group(1)) ? 443 : 80);
                List<String> cidrs = net.externalEgress(pod, port);
                if (cidrs.isEmpty()) {
                    fail(app.name() + ": district " + district + "'s keys are at " + key + " but no NetworkPolicy lets it reach "
                            + "an outside address on " + port + " (add the host's ipBlock to NetworkPolicy gateway-district-issuers)");
                } else if (cidrs.stream().anyMatch(c -> c.equals("0.0.0.0/0") || c.equals("::/0"))) {
                    fail(app.name() + ": egress on " + port + " to every address; name the JWKS hosts' addresses (ipBlock) instead");
                }
            } else {
                boolean fromSecret = Y.maps(container.get("volumeMounts")).stream()
                        .filter(m -> key.startsWith(Y.str(m.get("mountPath")) + "/"))
                        .anyMatch(m -> Y.maps(podSpec.get("volumes")).stream()
                                .anyMatch(v -> Objects.equals(v.get("name"), m.get("name")) && v.get("secret") != null));
                if (!fromSecret) {
                    fail(app.name() + ": district " + district + "'s key " + key + " is in no volume mounted from a Secret");
                }
            }
        }
    }

    /**
     * The image is what a build produced and pushed: a registry, this app's name, and a tag that
     * names one build (not a SNAPSHOT, not latest) or a digest. bin/images writes it into the
     * overlay's images.yaml.
     */
    private void checkImage(String app, String image) {
        Matcher m = IMAGE.matcher(Objects.requireNonNullElse(image, ""));
        if (!m.matches() || !(m.group(1).contains(".") || m.group(1).contains(":") || m.group(1).equals("localhost"))) {
            fail(app + ": image " + image + " names no registry (<registry>/<group>/" + app + ":<tag>): run bin/images --pin <overlay>");
            return;
        }
        if (!m.group(2).endsWith("/" + app)) {
            fail(app + ": image " + image + " is not " + app + "'s image");
        }
        String tag = m.group(3);
        if (tag == null && m.group(4) == null) {
            fail(app + ": image " + image + " has neither a tag nor a digest");
        } else if (tag != null && m.group(4) == null && (tag.toUpperCase(java.util.Locale.ROOT).contains("SNAPSHOT") || tag.equals("latest"))) {
            fail(app + ": image " + image + ": the tag " + tag + " names no single build");
        }
    }

    /** Apps an Ingress routes to: the gateway. */
    private Set<String> edgeApps() {
        Set<String> edge = new HashSet<>();
        for (Map<String, Object> ingress : Y.ofKind(docs, "Ingress")) {
            Y.maps(Y.at(ingress, "spec.rules")).stream().flatMap(r -> Y.maps(Y.at(r, "http.paths")).stream())
                    .map(p -> Y.strAt(p, "backend.service.name")).filter(Objects::nonNull).forEach(edge::add);
        }
        return edge;
    }

    private void checkDatabase(CodeFacts.App app, Map<String, String> env, NetworkModel.Pod pod, Map<String, Object> dep,
                               Map<String, List<String>> clusterUsers) {
        if (!app.reads("DB_HOST") || !env.containsKey("DB_HOST")) {
            return;
        }
        String name = app.name();
        String host = env.get("DB_HOST").split("\\.")[0];
        Map<String, Object> cluster = host.endsWith("-rw") ? Y.find(docs, "Cluster", host.substring(0, host.length() - 3)) : null;
        if (cluster == null) {
            fail(name + ": DB_HOST " + env.get("DB_HOST") + " is not the read-write service (<cluster>-rw) of a CloudNativePG Cluster");
            return;
        }
        String cn = Y.name(cluster);
        clusterUsers.computeIfAbsent(cn, k -> new ArrayList<>()).add(name);
        String database = Y.strAt(cluster, "spec.bootstrap.initdb.database");
        String dbName = env.containsKey("DB_NAME") ? env.get("DB_NAME") : app.envDefaults().get("DB_NAME");
        if (app.reads("DB_NAME") && !Objects.equals(database, dbName)) {
            fail(name + ": DB_NAME " + dbName + " but Cluster " + cn + " bootstraps database " + database);
        }
        for (String[] ref : new String[][]{{"DB_USER", "username"}, {"DB_PASSWORD", "password"}}) {
            if (app.reads(ref[0]) && env.containsKey(ref[0]) && !("secret:" + cn + "-app/" + ref[1]).equals(env.get(ref[0]))) {
                fail(name + ": " + ref[0] + " must come from the CloudNativePG secret " + cn + "-app key " + ref[1] + ", not " + env.get(ref[0]));
            }
        }
        int pgPort = parsePort(env.get("DB_PORT"), 5432);
        if (!net.allows(pod, net.pods.get("Cluster/" + cn), pgPort)) {
            fail(name + ": NetworkPolicies do not let it reach PostgreSQL cluster " + cn + " on " + pgPort);
        }
        Integer pool = sum(app.resolve("quarkus.datasource.reactive.max-size", env), app.resolve("quarkus.datasource.jdbc.max-size", env));
        Map<String, Object> hpa = hpaFor(name);
        Integer pods = hpa != null ? Y.integer(Y.at(hpa, "spec.maxReplicas")) : Y.integer(Y.at(dep, "spec.replicas"));
        Integer maxConnections = Y.integer(Y.mapAt(cluster, "spec.postgresql.parameters").getOrDefault("max_connections", "100"));
        if (pool != null && pods != null && maxConnections != null && pods * pool > maxConnections - RESERVED_CONNECTIONS) {
            fail(name + ": up to " + pods + " pods x " + pool + " connections exceed max_connections " + maxConnections + " of " + cn);
        }
    }

    private void checkKafka(CodeFacts.App app, Map<String, String> env, NetworkModel.Pod pod) {
        if (!app.reads("KAFKA_BOOTSTRAP_SERVERS") || !env.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
            return;
        }
        for (String server : env.get("KAFKA_BOOTSTRAP_SERVERS").split(",")) {
            String[] hp = server.trim().split(":");
            String host = hp[0].split("\\.")[0];
            Map<String, Object> kafka = host.endsWith("-kafka-bootstrap")
                    ? Y.find(docs, "Kafka", host.substring(0, host.length() - "-kafka-bootstrap".length())) : null;
            if (kafka == null || hp.length != 2) {
                fail(app.name() + ": KAFKA_BOOTSTRAP_SERVERS " + server + " is not <kafka>-kafka-bootstrap:<port> of a Strimzi Kafka");
                continue;
            }
            int port = parsePort(hp[1], -1);
            if (Y.maps(Y.at(kafka, "spec.kafka.listeners")).stream().noneMatch(l -> Objects.equals(Y.integer(l.get("port")), port))) {
                fail(app.name() + ": Kafka " + Y.name(kafka) + " has no listener on " + port);
            }
            boolean reachable = net.pods.values().stream()
                    .filter(p -> Y.name(kafka).equals(p.labels().get("strimzi.io/cluster")) && "true".equals(p.labels().get("strimzi.io/broker-role")))
                    .anyMatch(broker -> net.allows(pod, broker, port));
            if (!reachable) {
                fail(app.name() + ": NetworkPolicies do not let it reach the Kafka brokers of " + Y.name(kafka) + " on " + port);
            }
        }
    }

    /** Env values that are http(s) URLs of a Service in the manifests: the Service port exists and the call may pass. */
    private void checkUrls(String name, Map<String, String> env, NetworkModel.Pod pod) {
        env.forEach((var, value) -> {
            Matcher m = URL.matcher(value);
            if (!m.matches()) {
                return;
            }
            Map<String, Object> svc = Y.find(docs, "Service", m.group(2));
            if (svc == null) {
                svc = collectorService(m.group(2));
            }
            if (svc == null) {
                if (m.group(4) == null) {
                    fail(name + ": " + var + " points at " + m.group(2) + ", which is no Service in the manifests");
                }
                return;
            }
            int port = m.group(5) != null ? Integer.parseInt(m.group(5)) : ("https".equals(m.group(1)) ? 443 : 80);
            Map<String, Object> sp = Y.maps(Y.at(svc, "spec.ports")).stream()
                    .filter(p -> Objects.equals(Y.integer(p.get("port")), port)).findFirst().orElse(null);
            if (sp == null) {
                fail(name + ": " + var + " uses port " + port + " but Service " + m.group(2) + " does not expose it");
                return;
            }
            Map<String, String> selector = Y.stringMap(Y.at(svc, "spec.selector"));
            for (NetworkModel.Pod target : net.pods.values()) {
                if (selector.isEmpty() || !NetworkModel.selectorMatches(Map.of("matchLabels", selector), target.labels())) {
                    continue;
                }
                Integer targetPort = resolvePort(sp.getOrDefault("targetPort", sp.get("port")), target.namedPorts());
                if (targetPort == null || !net.allows(pod, target, targetPort)) {
                    fail(name + ": NetworkPolicies block its calls to " + value + " (" + var + ")");
                }
            }
        });
    }

    /**
     * The Service the OpenTelemetry operator makes for a collector: {@code <name>-collector}, with
     * a port per OTLP protocol its config receives (gRPC 4317, HTTP 4318 unless an endpoint says
     * otherwise), selecting the collector's pods; null when no collector has that Service name.
     */
    private Map<String, Object> collectorService(String serviceName) {
        for (Map<String, Object> collector : Y.ofKind(docs, "OpenTelemetryCollector")) {
            if (!serviceName.equals(Y.name(collector) + "-collector")) {
                continue;
            }
            List<Map<String, Object>> ports = new ArrayList<>();
            Map<String, Object> protocols = Y.mapAt(collector, "spec.config.receivers.otlp.protocols");
            for (var protocol : Map.of("grpc", 4317, "http", 4318).entrySet()) {
                if (protocols.containsKey(protocol.getKey())) {
                    String endpoint = Y.strAt(protocols, protocol.getKey() + ".endpoint");
                    int port = endpoint != null && endpoint.contains(":")
                            ? Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1)) : protocol.getValue();
                    ports.add(Map.of("port", port, "targetPort", port));
                }
            }
            String namespace = Y.strAt(collector, "metadata.namespace");
            return Map.of("spec", Map.of("ports", ports,
                    "selector", NetworkModel.collectorSelector(namespace == null ? "default" : namespace, Y.name(collector))));
        }
        return null;
    }

    private void checkTopics() {
        Map<String, Map<String, Object>> topics = new HashMap<>();
        for (Map<String, Object> t : Y.ofKind(docs, "KafkaTopic")) {
            topics.put(topicName(t), t);
        }
        for (String topic : facts.topics()) {
            if (!topics.containsKey(topic)) {
                fail("topic " + topic + " is used by the code but has no KafkaTopic");
            }
        }
        for (Map<String, Object> t : topics.values()) {
            String cluster = Y.stringMap(Y.at(t, "metadata.labels")).get("strimzi.io/cluster");
            if (cluster == null || Y.find(docs, "Kafka", cluster) == null) {
                fail("KafkaTopic " + topicName(t) + ": label strimzi.io/cluster " + cluster + " names no Kafka in the manifests");
                continue;
            }
            int brokers = Y.ofKind(docs, "KafkaNodePool").stream()
                    .filter(p -> cluster.equals(Y.stringMap(Y.at(p, "metadata.labels")).get("strimzi.io/cluster")))
                    .filter(p -> Y.list(Y.at(p, "spec.roles")).contains("broker"))
                    .mapToInt(p -> Objects.requireNonNullElse(Y.integer(Y.at(p, "spec.replicas")), 0)).sum();
            Integer replicas = Y.integer(Y.at(t, "spec.replicas"));
            Integer partitions = Y.integer(Y.at(t, "spec.partitions"));
            Integer isr = Y.integer(Y.mapAt(t, "spec.config").get("min.insync.replicas"));
            if (replicas == null || replicas < 1 || replicas > brokers) {
                fail("KafkaTopic " + topicName(t) + ": replicas " + replicas + " but Kafka " + cluster + " has " + brokers + " broker(s)");
            }
            if (partitions == null || partitions < 1) {
                fail("KafkaTopic " + topicName(t) + ": no partitions");
            }
            if (isr != null && replicas != null && isr > replicas) {
                fail("KafkaTopic " + topicName(t) + ": min.insync.replicas " + isr + " > replicas " + replicas + " (producers with acks=all would fail)");
            }
        }
        for (Map<String, Object> kafka : Y.ofKind(docs, "Kafka")) {
            if (Y.at(kafka, "spec.zookeeper") != null) {
                fail("Kafka " + Y.name(kafka) + ": uses ZooKeeper, expected KRaft");
            }
            for (String obsolete : List.of("strimzi.io/kraft", "strimzi.io/node-pools")) {
                if (Y.stringMap(Y.at(kafka, "metadata.annotations")).containsKey(obsolete)) {
                    fail("Kafka " + Y.name(kafka) + ": annotation " + obsolete + " is obsolete (KRaft and node pools are all Strimzi 1.x knows)");
                }
            }
            boolean controllers = Y.ofKind(docs, "KafkaNodePool").stream()
                    .anyMatch(p -> Y.name(kafka).equals(Y.stringMap(Y.at(p, "metadata.labels")).get("strimzi.io/cluster"))
                            && Y.list(Y.at(p, "spec.roles")).contains("controller"));
            if (!controllers) {
                fail("Kafka " + Y.name(kafka) + ": no KafkaNodePool with the controller role (KRaft)");
            }
        }
    }

    private void checkPostgresClusters() {
        for (Map<String, Object> cluster : Y.ofKind(docs, "Cluster")) {
            if (Y.at(cluster, "spec.bootstrap.initdb.database") == null || Y.at(cluster, "spec.bootstrap.initdb.owner") == null) {
                fail("PostgreSQL cluster " + Y.name(cluster) + ": bootstrap.initdb needs a database and an owner");
            }
        }
    }

    /** Environment of a container: envFrom ConfigMaps first, then env (which wins). Secret values read "secret:name/key". */
    private Map<String, String> environment(String app, Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> from : Y.maps(container.get("envFrom"))) {
            String prefix = Objects.requireNonNullElse(Y.str(from.get("prefix")), "");
            if (from.get("configMapRef") != null) {
                String cm = Y.strAt(from, "configMapRef.name");
                Map<String, Object> doc = Y.find(docs, "ConfigMap", cm);
                if (doc == null) {
                    if (!Y.isTrue(Y.at(from, "configMapRef.optional"))) {
                        fail(app + ": envFrom ConfigMap " + cm + " is not in the manifests");
                    }
                    continue;
                }
                Y.stringMap(doc.get("data")).forEach((k, v) -> env.put(prefix + k, v));
            }
            // envFrom secretRef: the keys are unknown here, so nothing counts as set through it.
        }
        for (Map<String, Object> e : Y.maps(container.get("env"))) {
            String var = Y.str(e.get("name"));
            Map<String, Object> from = Y.map(e.get("valueFrom"));
            if (from.get("secretKeyRef") != null) {
                env.put(var, "secret:" + Y.strAt(from, "secretKeyRef.name") + "/" + Y.strAt(from, "secretKeyRef.key"));
            } else if (from.get("configMapKeyRef") != null) {
                Map<String, Object> doc = Y.find(docs, "ConfigMap", Y.strAt(from, "configMapKeyRef.name"));
                String key = Y.strAt(from, "configMapKeyRef.key");
                if (doc == null || !Y.mapAt(doc, "data").containsKey(key)) {
                    fail(app + ": " + var + " refers to ConfigMap key " + Y.strAt(from, "configMapKeyRef.name") + "/" + key + ", which does not exist");
                    continue;
                }
                env.put(var, Y.str(Y.mapAt(doc, "data").get(key)));
            } else if (from.get("fieldRef") != null || from.get("resourceFieldRef") != null) {
                env.put(var, "field:" + from);
            } else {
                env.put(var, Objects.requireNonNullElse(Y.str(e.get("value")), ""));
            }
        }
        return env;
    }

    private Map<String, Object> hpaFor(String deployment) {
        return Y.ofKind(docs, "HorizontalPodAutoscaler").stream()
                .filter(h -> "Deployment".equals(Y.strAt(h, "spec.scaleTargetRef.kind")) && deployment.equals(Y.strAt(h, "spec.scaleTargetRef.name")))
                .findFirst().orElse(null);
    }

    static String topicName(Map<String, Object> topic) {
        return Objects.requireNonNullElse(Y.strAt(topic, "spec.topicName"), Y.name(topic));
    }

    private static Integer resolvePort(Object port, Map<String, Integer> named) {
        Integer n = Y.integer(port);
        return n != null ? n : (port == null ? null : named.get(String.valueOf(port)));
    }

    private static int parsePort(String value, int fallback) {
        Integer n = value == null ? null : Y.integer(value.trim());
        return n == null ? fallback : n;
    }

    private static Integer sum(String a, String b) {
        Integer x = a == null ? Integer.valueOf(0) : Y.integer(a.trim());
        Integer y = b == null ? Integer.valueOf(0) : Y.integer(b.trim());
        return x == null || y == null ? null : x + y;
    }

    private static int preStopSeconds(Map<String, Object> preStop) {
        Integer s = Y.integer(Y.at(preStop, "sleep.seconds"));
        if (s != null) {
            return s;
        }
        List<Object> cmd = Y.list(Y.at(preStop, "exec.command"));
        for (Object part : cmd) {
            Matcher m = Pattern.compile("sleep\\s+(\\d+)").matcher(String.valueOf(part));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        if (cmd.size() >= 2 && "sleep".equals(String.valueOf(cmd.get(0)))) {
            Integer n = Y.integer(cmd.get(1));
            return n == null ? 0 : n;
        }
        return 0;
    }
}
