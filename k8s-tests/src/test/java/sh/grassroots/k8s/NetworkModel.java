package sh.grassroots.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates the rendered NetworkPolicies the way Kubernetes does, for pods of one namespace:
 * a pod is isolated for a direction once any policy of that type selects it, and then only
 * traffic some selecting policy's rule admits passes. Pods come from Deployments, CloudNativePG
 * Clusters (instances) and Strimzi node pools (brokers); Strimzi's own generated policy for a
 * listener (networkPolicyPeers) is modelled too, because the operator creates it.
 */
final class NetworkModel {

    /** A pod as the policies see it: its labels and its named container ports. */
    record Pod(String owner, Map<String, String> labels, Map<String, Integer> namedPorts) {
    }

    private final List<Map<String, Object>> policies = new ArrayList<>();
    private final Map<String, String> namespaceLabels = new HashMap<>();
    final Map<String, Pod> pods = new LinkedHashMap<>();

    NetworkModel(List<Map<String, Object>> docs) {
        String ns = docs.stream().map(d -> Y.strAt(d, "metadata.namespace")).filter(Objects::nonNull)
                .findFirst().orElse("default");
        namespaceLabels.put("kubernetes.io/metadata.name", ns);
        Map<String, Object> nsDoc = Y.find(docs, "Namespace", ns);
        if (nsDoc != null) {
            namespaceLabels.putAll(Y.stringMap(Y.at(nsDoc, "metadata.labels")));
        }
        policies.addAll(Y.ofKind(docs, "NetworkPolicy"));
        for (Map<String, Object> d : Y.ofKind(docs, "Deployment")) {
            Map<String, Integer> ports = new HashMap<>();
            for (Map<String, Object> c : Y.maps(Y.at(d, "spec.template.spec.containers"))) {
                for (Map<String, Object> p : Y.maps(c.get("ports"))) {
                    if (p.get("name") != null) {
                        ports.put(Y.str(p.get("name")), Y.integer(p.get("containerPort")));
                    }
                }
            }
            pods.put("Deployment/" + Y.name(d), new Pod(Y.name(d), Y.stringMap(Y.at(d, "spec.template.metadata.labels")), ports));
        }
        for (Map<String, Object> c : Y.ofKind(docs, "Cluster")) {
            pods.put("Cluster/" + Y.name(c), new Pod(Y.name(c),
                    Map.of("cnpg.io/cluster", Y.name(c), "cnpg.io/podRole", "instance"), Map.of("postgresql", 5432)));
        }
        for (Map<String, Object> pool : Y.ofKind(docs, "KafkaNodePool")) {
            String cluster = Y.stringMap(Y.at(pool, "metadata.labels")).get("strimzi.io/cluster");
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("strimzi.io/cluster", cluster);
            labels.put("strimzi.io/kind", "Kafka");
            labels.put("strimzi.io/name", cluster + "-kafka");
            labels.put("strimzi.io/pool-name", Y.name(pool));
            List<Object> roles = Y.list(Y.at(pool, "spec.roles"));
            if (roles.contains("broker")) {
                labels.put("strimzi.io/broker-role", "true");
            }
            if (roles.contains("controller")) {
                labels.put("strimzi.io/controller-role", "true");
            }
            pods.put("KafkaNodePool/" + Y.name(pool), new Pod(Y.name(pool), labels, Map.of()));
        }
        for (Map<String, Object> kafka : Y.ofKind(docs, "Kafka")) {
            policies.add(strimziListenerPolicy(kafka));
        }
        for (Map<String, Object> collector : Y.ofKind(docs, "OpenTelemetryCollector")) {
            Map<String, String> labels = new LinkedHashMap<>(collectorSelector(ns, Y.name(collector)));
            labels.put("app.kubernetes.io/name", Y.name(collector) + "-collector");
            pods.put("OpenTelemetryCollector/" + Y.name(collector), new Pod(Y.name(collector), labels, Map.of()));
        }
    }

    /**
     * The labels by which the OpenTelemetry operator's Service selects the pods it runs for a
     * collector {@code name} in {@code namespace} (its pods carry these and their own name).
     */
    static Map<String, String> collectorSelector(String namespace, String name) {
        return Map.of("app.kubernetes.io/component", "opentelemetry-collector",
                "app.kubernetes.io/instance", namespace + "." + name,
                "app.kubernetes.io/managed-by", "opentelemetry-operator",
                "app.kubernetes.io/part-of", "opentelemetry");
    }

    /** The ingress policy Strimzi generates for a Kafka's listeners (peers default to everyone). */
    private static Map<String, Object> strimziListenerPolicy(Map<String, Object> kafka) {
        List<Object> rules = new ArrayList<>();
        for (Map<String, Object> listener : Y.maps(Y.at(kafka, "spec.kafka.listeners"))) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("ports", List.of(Map.of("port", listener.get("port"))));
            if (listener.get("networkPolicyPeers") != null) {
                rule.put("from", listener.get("networkPolicyPeers"));
            }
            rules.add(rule);
        }
        return Map.of("kind", "NetworkPolicy",
                "metadata", Map.of("name", Y.name(kafka) + "-network-policy-kafka (generated by Strimzi)"),
                "spec", Map.of("podSelector", Map.of("matchLabels", Map.of("strimzi.io/name", Y.name(kafka) + "-kafka")),
                        "policyTypes", List.of("Ingress"), "ingress", rules));
    }

    /** May {@code from} open a TCP connection to {@code to} on {@code port}? */
    boolean allows(Pod from, Pod to, int port) {
        return admitted(from, "Egress", "egress", "to", to, port) && admitted(to, "Ingress", "ingress", "from", from, port);
    }

    private boolean admitted(Pod subject, String type, String rulesKey, String peersKey, Pod other, int port) {
        boolean isolated = false;
        for (Map<String, Object> p : policies) {
            if (!selects(p, subject) || !types(p).contains(type)) {
                continue;
            }
            isolated = true;
            for (Map<String, Object> rule : Y.maps(Y.at(p, "spec." + rulesKey))) {
                if (peersMatch(rule.get(peersKey), other) && portsMatch(rule.get("ports"), "Egress".equals(type) ? other : subject, port, "TCP")) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    /** Policies that select {@code pod} for {@code type} (Ingress or Egress). */
    List<Map<String, Object>> selecting(Pod pod, String type) {
        return policies.stream().filter(p -> selects(p, pod) && types(p).contains(type)).toList();
    }

    /**
     * The outside addresses {@code pod} may open TCP connections to on {@code port}: the ipBlocks
     * of the egress rules that select it ("0.0.0.0/0" for a rule without peers, which allows all).
     */
    List<String> externalEgress(Pod pod, int port) {
        List<Map<String, Object>> sel = selecting(pod, "Egress");
        if (sel.isEmpty()) {
            return List.of("0.0.0.0/0");
        }
        List<String> cidrs = new ArrayList<>();
        for (Map<String, Object> p : sel) {
            for (Map<String, Object> rule : Y.maps(Y.at(p, "spec.egress"))) {
                if (!portsMatch(rule.get("ports"), null, port, "TCP")) {
                    continue;
                }
                if (rule.get("to") == null || Y.list(rule.get("to")).isEmpty()) {
                    cidrs.add("0.0.0.0/0");
                }
                Y.maps(rule.get("to")).stream().map(peer -> Y.strAt(peer, "ipBlock.cidr")).filter(Objects::nonNull).forEach(cidrs::add);
            }
        }
        return cidrs;
    }

    /** Does some policy let {@code pod} send UDP port 53 (DNS) anywhere? */
    boolean allowsDnsEgress(Pod pod) {
        List<Map<String, Object>> sel = selecting(pod, "Egress");
        if (sel.isEmpty()) {
            return true;
        }
        return sel.stream().flatMap(p -> Y.maps(Y.at(p, "spec.egress")).stream())
                .anyMatch(rule -> portsMatch(rule.get("ports"), null, 53, "UDP"));
    }

    /** Does some policy admit traffic to {@code pod}:{@code port} from another namespace (an ingress controller)? */
    boolean allowsIngressFromOtherNamespace(Pod pod, int port) {
        List<Map<String, Object>> sel = selecting(pod, "Ingress");
        if (sel.isEmpty()) {
            return true;
        }
        for (Map<String, Object> p : sel) {
            for (Map<String, Object> rule : Y.maps(Y.at(p, "spec.ingress"))) {
                if (!portsMatch(rule.get("ports"), pod, port, "TCP")) {
                    continue;
                }
                List<Map<String, Object>> peers = Y.maps(rule.get("from"));
                if (rule.get("from") == null || peers.isEmpty()
                        || peers.stream().anyMatch(peer -> peer.get("namespaceSelector") != null
                        && !selectorMatches(peer.get("namespaceSelector"), namespaceLabels))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * May a pod of another namespace ({@code namespaceLabels}, its own {@code podLabels}) open a TCP
     * connection to {@code to}:{@code port}? Only {@code to}'s ingress policies decide (the other
     * namespace's egress is not in these manifests).
     */
    boolean admitsFromNamespace(Map<String, String> namespaceLabels, Map<String, String> podLabels, Pod to, int port) {
        List<Map<String, Object>> sel = selecting(to, "Ingress");
        if (sel.isEmpty()) {
            return true;
        }
        for (Map<String, Object> p : sel) {
            for (Map<String, Object> rule : Y.maps(Y.at(p, "spec.ingress"))) {
                if (!portsMatch(rule.get("ports"), to, port, "TCP")) {
                    continue;
                }
                if (rule.get("from") == null || Y.list(rule.get("from")).isEmpty()) {
                    return true;
                }
                for (Map<String, Object> peer : Y.maps(rule.get("from"))) {
                    // a peer without a namespaceSelector means pods of the policy's own namespace
                    if (peer.get("namespaceSelector") != null && selectorMatches(peer.get("namespaceSelector"), namespaceLabels)
                            && (peer.get("podSelector") == null || selectorMatches(peer.get("podSelector"), podLabels))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static List<Object> types(Map<String, Object> policy) {
        List<Object> t = Y.list(Y.at(policy, "spec.policyTypes"));
        if (!t.isEmpty()) {
            return t;
        }
        return Y.at(policy, "spec.egress") != null ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    static boolean selects(Map<String, Object> policy, Pod pod) {
        Object sel = Y.at(policy, "spec.podSelector");
        return selectorMatches(sel == null ? Map.of() : sel, pod.labels());
    }

    private boolean peersMatch(Object peers, Pod other) {
        if (peers == null || Y.list(peers).isEmpty()) {
            return true;
        }
        for (Map<String, Object> peer : Y.maps(peers)) {
            if (peer.get("ipBlock") != null) {
                continue;
            }
            Object nsSel = peer.get("namespaceSelector");
            Object podSel = peer.get("podSelector");
            boolean nsOk = nsSel == null || selectorMatches(nsSel, namespaceLabels);
            boolean podOk = podSel == null || selectorMatches(podSel, other.labels());
            if (nsOk && podOk && (nsSel != null || podSel != null)) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(Object ports, Pod destination, int port, String protocol) {
        if (ports == null || Y.list(ports).isEmpty()) {
            return true;
        }
        for (Map<String, Object> p : Y.maps(ports)) {
            String proto = p.get("protocol") == null ? "TCP" : Y.str(p.get("protocol"));
            if (!proto.equals(protocol)) {
                continue;
            }
            Object value = p.get("port");
            if (value == null) {
                return true;
            }
            Integer number = Y.integer(value);
            if (number == null && destination != null) {
                number = destination.namedPorts().get(Y.str(value));
            }
            Integer end = Y.integer(p.get("endPort"));
            if (number != null && (number == port || (end != null && port >= number && port <= end))) {
                return true;
            }
        }
        return false;
    }

    static boolean selectorMatches(Object selector, Map<String, String> labels) {
        Map<String, Object> sel = Y.map(selector);
        for (Map.Entry<String, String> e : Y.stringMap(sel.get("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (Map<String, Object> expr : Y.maps(sel.get("matchExpressions"))) {
            String key = Y.str(expr.get("key"));
            List<String> values = Y.list(expr.get("values")).stream().map(String::valueOf).toList();
            boolean has = labels.containsKey(key);
            boolean ok = switch (Y.str(expr.get("operator"))) {
                case "In" -> has && values.contains(labels.get(key));
                case "NotIn" -> !has || !values.contains(labels.get(key));
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
