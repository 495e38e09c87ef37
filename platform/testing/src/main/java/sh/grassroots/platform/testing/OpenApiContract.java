package sh.grassroots.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The public contract of a service, as its OpenAPI document, kept as a committed snapshot under
 * {@code docs/contract/}. A change that would break an app built against the snapshot fails the
 * check: a path or an operation removed, a parameter removed or a required one added, a field
 * removed from a request (unknown fields are refused) or made required, a field removed from a
 * response, a type changed, an enum value a client may send removed. Additions pass.
 * <p>
 * To change the contract deliberately, run the service's contract test with
 * {@code -Dcontract.update=true}: the snapshot is rewritten from what the service serves; commit
 * it with the change, so that the review sees the contract move.
 */
public final class OpenApiContract {
    public static final String UPDATE_PROPERTY = "contract.update";
    private static final String REF_PREFIX = "#/components/schemas/";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private OpenApiContract() {
    }

    /** The snapshot file of {@code name} in the repository's docs/contract, from a module's directory. */
    public static Path snapshot(String name) {
        return Path.of("..", "docs", "contract", name + ".openapi.json");
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code document} in a stable form (keys sorted, indented), as committed. */
    public static void write(Path file, JsonNode document) {
        try {
            Files.createDirectories(file.getParent());
            Object sorted = JSON.treeToValue(document, Object.class);
            Files.writeString(file, JSON.writeValueAsString(sorted) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails when {@code served} breaks the snapshot {@code name}; rewrites the snapshot instead
     * when {@code -Dcontract.update=true}. A missing snapshot is written and fails, so that it
     * gets committed.
     */
    public static void assertCompatible(String name, JsonNode served) {
        Path file = snapshot(name);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(file, publicPart(served));
            return;
        }
        if (!Files.exists(file)) {
            write(file, publicPart(served));
            fail("No contract snapshot " + file + " was committed; it has been written now: commit it");
        }
        List<String> breaking = breakingChanges(read(file), served);
        if (!breaking.isEmpty()) {
            fail("The API of " + name + " breaks its committed contract " + file + ":\n  "
                    + String.join("\n  ", breaking)
                    + "\nIf this is deliberate, rerun with -D" + UPDATE_PROPERTY + "=true and commit the snapshot.");
        }
    }

    /** The document with only the public paths (/api, /inter-district) and the schemas. */
    public static JsonNode publicPart(JsonNode document) {
        ObjectNode copy = JSON.createObjectNode();
        ObjectNode paths = copy.putObject("paths");
        Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> path = it.next();
            if (isPublic(path.getKey())) {
                paths.set(path.getKey(), path.getValue());
            }
        }
        copy.putObject("components").set("schemas", document.path("components").path("schemas").deepCopy());
        return copy;
    }

    private static boolean isPublic(String path) {
        return path.startsWith("/api/") || path.startsWith("/inter-district/");
    }

    /** Every public operation of {@code document}: "METHOD /path" → the operation with its schemas inlined. */
    public static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!isPublic(path.getKey())) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.put(method.toUpperCase() + " " + path.getKey(), resolve(document, operation, new HashSet<>()));
                }
            }
        }
        return operations;
    }

    /** {@code node} with every schema reference replaced by the schema (a recursive one marked, not expanded). */
    public static JsonNode resolve(JsonNode document, JsonNode node, Set<String> expanding) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(REF_PREFIX)) {
                String name = ref.asText().substring(REF_PREFIX.length());
                if (expanding.contains(name)) {
                    return JSON.createObjectNode().put("x-recursive", true);
                }
                JsonNode target = document.path("components").path("schemas").get(name);
                if (target == null) {
                    return JSON.createObjectNode().put("x-missing-schema", name);
                }
                expanding.add(name);
                JsonNode resolved = resolve(document, target, expanding);
                expanding.remove(name);
                return resolved;
            }
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(document, e.getValue(), expanding)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(resolve(document, item, expanding)));
            return copy;
        }
        return node;
    }

    /** What in {@code after} breaks a client written against {@code before}. */
    public static List<String> breakingChanges(JsonNode before, JsonNode after) {
        List<String> breaking = new ArrayList<>();
        Map<String, JsonNode> old = operations(before);
        Map<String, JsonNode> now = operations(after);
        for (Map.Entry<String, JsonNode> entry : old.entrySet()) {
            String op = entry.getKey();
            JsonNode was = entry.getValue();
            JsonNode is = now.get(op);
            if (is == null) {
                breaking.add(op + ": operation removed");
                continue;
            }
            parameters(op, was, is, breaking);
            JsonNode wasBody = bodySchema(was.path("requestBody"));
            JsonNode isBody = bodySchema(is.path("requestBody"));
            if (wasBody == null && isBody != null && is.path("requestBody").path("required").asBoolean(false)) {
                breaking.add(op + ": a required request body was added");
            } else if (wasBody != null && isBody != null) {
                compare(op + " request", wasBody, isBody, true, breaking);
            }
            Iterator<Map.Entry<String, JsonNode>> responses = was.path("responses").fields();
            while (responses.hasNext()) {
                Map.Entry<String, JsonNode> response = responses.next();
                if (!response.getKey().startsWith("2")) {
                    continue;
                }
                JsonNode isResponse = is.path("responses").get(response.getKey());
                if (isResponse == null) {
                    breaking.add(op + ": response " + response.getKey() + " removed");
                    continue;
                }
                JsonNode wasSchema = bodySchema(response.getValue());
                JsonNode isSchema = bodySchema(isResponse);
                if (wasSchema != null && isSchema == null) {
                    breaking.add(op + ": response " + response.getKey() + " lost its body");
                } else if (wasSchema != null) {
                    compare(op + " response " + response.getKey(), wasSchema, isSchema, false, breaking);
                }
            }
        }
        return breaking;
    }

    private static void parameters(String op, JsonNode was, JsonNode is, List<String> breaking) {
        Map<String, JsonNode> before = new TreeMap<>();
        was.path("parameters").forEach(p -> before.put(p.path("in").asText() + " " + p.path("name").asText(), p));
        Map<String, JsonNode> after = new TreeMap<>();
        is.path("parameters").forEach(p -> after.put(p.path("in").asText() + " " + p.path("name").asText(), p));
        before.forEach((key, p) -> {
            JsonNode now = after.get(key);
            if (now == null) {
                breaking.add(op + ": parameter " + key + " removed");
            } else {
                if (!p.path("required").asBoolean(false) && now.path("required").asBoolean(false)) {
                    breaking.add(op + ": parameter " + key + " became required");
                }
                compare(op + " parameter " + key, p.path("schema"), now.path("schema"), true, breaking);
            }
        });
        after.forEach((key, p) -> {
            if (!before.containsKey(key) && p.path("required").asBoolean(false)) {
                breaking.add(op + ": required parameter " + key + " added");
            }
        });
    }

    private static JsonNode bodySchema(JsonNode bodyOrResponse) {
        JsonNode content = bodyOrResponse.path("content");
        if (!content.isObject() || content.isEmpty()) {
            return null;
        }
        JsonNode json = content.get("application/json");
        JsonNode media = json != null ? json : content.elements().next();
        return media.get("schema");
    }

    /** {@code request}: the client writes it (fields may not vanish nor become required); else reads it. */
    private static void compare(String where, JsonNode was, JsonNode is, boolean request, List<String> breaking) {
        if (was == null || was.isMissingNode() || is == null || is.isMissingNode()) {
            return;
        }
        Set<String> wasTypes = types(was);
        Set<String> isTypes = types(is);
        if (!wasTypes.isEmpty() && !isTypes.isEmpty()) {
            boolean widened = isTypes.containsAll(wasTypes);
            boolean narrowed = wasTypes.containsAll(isTypes);
            if (request ? !widened : !narrowed) {
                breaking.add(where + ": type changed from " + wasTypes + " to " + isTypes);
                return;
            }
        }
        if (was.has("enum") && is.has("enum")) {
            Set<String> wasValues = texts(was.get("enum"));
            Set<String> isValues = texts(is.get("enum"));
            if (request) {
                wasValues.removeAll(isValues);
                if (!wasValues.isEmpty()) {
                    breaking.add(where + ": enum values " + wasValues + " no longer accepted");
                }
            }
        }
        JsonNode wasProperties = was.path("properties");
        JsonNode isProperties = is.path("properties");
        Iterator<Map.Entry<String, JsonNode>> fields = wasProperties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode now = isProperties.get(field.getKey());
            if (now == null) {
                breaking.add(where + ": field " + field.getKey() + " removed");
            } else {
                compare(where + "." + field.getKey(), field.getValue(), now, request, breaking);
            }
        }
        Set<String> wasRequired = texts(was.path("required"));
        Set<String> isRequired = texts(is.path("required"));
        if (request) {
            for (String field : isRequired) {
                if (!wasRequired.contains(field)) {
                    breaking.add(where + ": field " + field + " became required");
                }
            }
        } else {
            for (String field : wasRequired) {
                if (!isRequired.contains(field) && isProperties.has(field)) {
                    breaking.add(where + ": field " + field + " is no longer always present");
                }
            }
        }
        if (was.has("items") && is.has("items")) {
            compare(where + "[]", was.get("items"), is.get("items"), request, breaking);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (was.has(combinator) && is.has(combinator) && was.get(combinator).size() == is.get(combinator).size()) {
                for (int i = 0; i < was.get(combinator).size(); i++) {
                    compare(where + "." + combinator + "[" + i + "]", was.get(combinator).get(i), is.get(combinator).get(i),
                            request, breaking);
                }
            }
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        Set<String> types = new java.util.TreeSet<>();
        if (type == null) {
            return types;
        }
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new java.util.TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
