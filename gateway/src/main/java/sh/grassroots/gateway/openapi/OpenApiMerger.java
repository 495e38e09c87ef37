package sh.grassroots.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the services' OpenAPI documents into the public one. Paths do not collide (each service
 * owns its prefix); schemas may: two services each have their own {@code MemberStatus} or
 * {@code CreateRequest}. A schema name that two services use for different schemas is given the
 * service's prefix in every service that has it ({@code OrgMemberStatus}, {@code TrainingMemberStatus})
 * and that service's {@code $ref}s are rewritten, so that each operation keeps exactly the schema
 * its service publishes. A name whose schema is the same everywhere (the problem document) stays shared.
 */
public final class OpenApiMerger {
    private static final String REF_PREFIX = "#/components/schemas/";

    private OpenApiMerger() {
    }

    /** {@code documents}: service name → its own document, in the order the services are listed. */
    public static JsonObject merge(Map<String, JsonObject> documents, List<String> unavailable) {
        Map<String, Map<String, Object>> schemasByName = new HashMap<>();
        documents.forEach((service, doc) -> schemasOf(doc).forEach(e ->
                schemasByName.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).put(service, e.getValue())));
        Map<String, Set<String>> collidingByService = new HashMap<>();
        schemasByName.forEach((name, byService) -> {
            if (byService.values().stream().distinct().count() > 1) {
                byService.keySet().forEach(service ->
                        collidingByService.computeIfAbsent(service, s -> new java.util.HashSet<>()).add(name));
            }
        });

        Map<String, Object> paths = new TreeMap<>();
        Map<String, Object> schemas = new TreeMap<>();
        documents.forEach((service, doc) -> {
            Map<String, String> renamed = new HashMap<>();
            for (String name : collidingByService.getOrDefault(service, Set.of())) {
                renamed.put(name, prefix(service) + name);
            }
            doc.getJsonObject("paths", new JsonObject()).forEach(e -> {
                if (e.getKey().startsWith("/api/") || e.getKey().startsWith("/inter-district/")) {
                    paths.put(e.getKey(), rewrite(e.getValue(), renamed));
                }
            });
            schemasOf(doc).forEach(e -> {
                String name = renamed.getOrDefault(e.getKey(), e.getKey());
                Object schema = rewrite(e.getValue(), renamed);
                Object existing = schemas.putIfAbsent(name, schema);
                if (existing != null && !existing.equals(schema)) {
                    throw new IllegalStateException("Schema " + name + " of " + service + " collides even with its prefix");
                }
            });
        });

        JsonObject merged = new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Grassroots party building platform: public API")
                        .put("version", "v1"))
                .put("components", new JsonObject().put("schemas", new JsonObject(schemas))
                        .put("securitySchemes", new JsonObject().put("bearer",
                                new JsonObject().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT"))))
                .put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())))
                .put("paths", new JsonObject(paths));
        if (!unavailable.isEmpty()) {
            merged.put("x-unavailable", new JsonArray(List.copyOf(unavailable)));
        }
        return merged;
    }

    private static Iterable<Map.Entry<String, Object>> schemasOf(JsonObject doc) {
        return doc.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
    }

    private static String prefix(String service) {
        return service.substring(0, 1).toUpperCase(Locale.ROOT) + service.substring(1);
    }

    /** A deep copy of {@code node} whose references to renamed schemas point at their new names. */
    private static Object rewrite(Object node, Map<String, String> renamed) {
        if (node instanceof JsonObject object) {
            Map<String, Object> copy = new LinkedHashMap<>();
            object.forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue() instanceof String ref && ref.startsWith(REF_PREFIX)) {
                    String name = ref.substring(REF_PREFIX.length());
                    copy.put("$ref", REF_PREFIX + renamed.getOrDefault(name, name));
                } else {
                    copy.put(e.getKey(), rewrite(e.getValue(), renamed));
                }
            });
            return new JsonObject(copy);
        }
        if (node instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(rewrite(item, renamed)));
            return copy;
        }
        return node;
    }
}
