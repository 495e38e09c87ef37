package sh.grassroots.k8s;

import com.google.gson.Gson;
import com.google.gson.JsonElement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The schema of every kind the manifests may use, and the check of a rendered document
 * against it.
 * <ul>
 *   <li>Kubernetes built-ins: the official Java client's models (io.kubernetes:client-java-api),
 *   generated from the API server's OpenAPI document: each model knows its fields and its
 *   required ones, and {@code validateJsonElement} refuses an unknown or missing field.</li>
 *   <li>Custom resources: the {@code openAPIV3Schema} of each served version of a
 *   CustomResourceDefinition, checked by {@link StructuralSchema}: Strimzi's generated from its
 *   API model ({@link StrimziCrds}), the others read from {@code src/test/resources/crds}.</li>
 * </ul>
 */
final class Schemas {
    static final String MODELS = "io.kubernetes.client.openapi.models.";

    /**
     * The API group of each built-in kind the manifests use or are likely to. The client's
     * model classes are named by version and kind only (V1Ingress), so the group is checked here.
     */
    private static final Map<String, String> BUILTIN_GROUPS = Map.ofEntries(
            Map.entry("Namespace", ""), Map.entry("ServiceAccount", ""), Map.entry("ConfigMap", ""),
            Map.entry("Secret", ""), Map.entry("Service", ""), Map.entry("PersistentVolumeClaim", ""),
            Map.entry("Deployment", "apps"), Map.entry("StatefulSet", "apps"), Map.entry("DaemonSet", "apps"),
            Map.entry("Job", "batch"), Map.entry("CronJob", "batch"),
            Map.entry("Ingress", "networking.k8s.io"), Map.entry("NetworkPolicy", "networking.k8s.io"),
            Map.entry("PodDisruptionBudget", "policy"), Map.entry("HorizontalPodAutoscaler", "autoscaling"),
            Map.entry("Role", "rbac.authorization.k8s.io"), Map.entry("RoleBinding", "rbac.authorization.k8s.io"));

    private static final Gson GSON = new Gson();

    /** "group/version/Kind" of each custom resource version served, to its openAPIV3Schema. */
    private final Map<String, Map<String, Object>> crds = new LinkedHashMap<>();

    private Schemas() {
    }

    /** Strimzi's v1 CRDs (generated) and every CRD file under src/test/resources/crds. */
    static Schemas load() {
        Schemas s = new Schemas();
        StrimziCrds.files().forEach(s::addCrds);
        Path dir = Kustomize.root().resolve("k8s-tests/src/test/resources/crds");
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(s::addCrds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }

    private void addCrds(Path file) {
        try {
            for (Map<String, Object> crd : Kustomize.parse(Files.readString(file))) {
                if (!"CustomResourceDefinition".equals(Y.kind(crd))) {
                    continue;
                }
                String group = Y.strAt(crd, "spec.group");
                String kind = Y.strAt(crd, "spec.names.kind");
                for (Map<String, Object> version : Y.maps(Y.at(crd, "spec.versions"))) {
                    Map<String, Object> schema = Y.mapAt(version, "schema.openAPIV3Schema");
                    if (Y.isTrue(version.get("served")) && !schema.isEmpty()) {
                        crds.put(group + "/" + version.get("name") + "/" + kind, schema);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The custom resource kinds and versions known, as "group/version/Kind". */
    List<String> customResources() {
        return List.copyOf(crds.keySet());
    }

    /** What is wrong with one rendered document; empty when it fits its schema. */
    List<String> check(Map<String, Object> doc) {
        String apiVersion = Y.str(doc.get("apiVersion"));
        String kind = Y.kind(doc);
        String label = kind + " " + Y.name(doc);
        if (apiVersion == null || kind == null) {
            return List.of(label + ": no apiVersion or kind");
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        Map<String, Object> crd = crds.get(group + "/" + version + "/" + kind);
        if (crd != null) {
            List<String> out = new ArrayList<>();
            StructuralSchema.validate(doc, crd, label).forEach(out::add);
            builtin(V1_OBJECT_META, doc.get("metadata"), label + " metadata").ifPresent(out::add);
            return out;
        }
        if (!group.contains(".") || group.endsWith(".k8s.io")) {
            return checkBuiltin(doc, group, version, kind, label);
        }
        List<String> served = crds.keySet().stream().filter(k -> k.startsWith(group + "/") && k.endsWith("/" + kind)).toList();
        return List.of(label + ": apiVersion " + apiVersion + " is not served for kind " + kind
                + (served.isEmpty() ? " (no CRD for it is known to k8s-tests)" : "; served: " + served));
    }

    private static final String V1_OBJECT_META = MODELS + "V1ObjectMeta";

    private List<String> checkBuiltin(Map<String, Object> doc, String group, String version, String kind, String label) {
        String expectedGroup = BUILTIN_GROUPS.get(kind);
        if (expectedGroup == null) {
            return List.of(label + ": kind " + kind + " is not a built-in kind k8s-tests knows (Schemas.BUILTIN_GROUPS)");
        }
        if (!expectedGroup.equals(group)) {
            return List.of(label + ": kind " + kind + " belongs to API group \"" + expectedGroup + "\", not \"" + group + "\"");
        }
        String model = MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind;
        return builtin(model, doc, label).map(List::of).orElse(List.of());
    }

    /** Runs the client model's own check; the model class missing means that version of the kind does not exist. */
    private static java.util.Optional<String> builtin(String modelClass, Object value, String label) {
        Method validate;
        try {
            validate = Class.forName(modelClass).getMethod("validateJsonElement", JsonElement.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            String simple = modelClass.substring(MODELS.length());
            return java.util.Optional.of(label + ": " + simple + " is not a kind of this Kubernetes API version ("
                    + "client-java-api " + Objects.requireNonNullElse(System.getProperty("kubernetes.client.version"), "?") + ")");
        }
        try {
            validate.invoke(null, GSON.toJsonTree(value));
            return java.util.Optional.empty();
        } catch (InvocationTargetException e) {
            String message = String.valueOf(e.getCause().getMessage());
            for (String tail : List.of(" JSON: ", " in the JSON string: ")) {
                int at = message.indexOf(tail);
                message = at > 0 ? message.substring(0, at) : message;
            }
            return java.util.Optional.of(label + ": " + message);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
