package sh.grassroots.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a parsed YAML value against a CustomResourceDefinition's {@code openAPIV3Schema}
 * the way the API server does with strict field validation ({@code kubectl apply}'s default):
 * an object that lists {@code properties} is closed, so a field it does not list is an error
 * unless the schema says {@code x-kubernetes-preserve-unknown-fields} or gives
 * {@code additionalProperties}; {@code required}, types, enums, bounds, patterns and
 * {@code oneOf}/{@code anyOf} alternatives are checked. CEL rules
 * ({@code x-kubernetes-validations}) are not evaluated: they need the API server.
 */
final class StructuralSchema {
    private StructuralSchema() {
    }

    /** The violations of {@code value} at {@code path}, one sentence each; empty when it conforms. */
    static List<String> validate(Object value, Map<String, Object> schema, String path) {
        List<String> out = new ArrayList<>();
        check(value, schema, path, out);
        return out;
    }

    private static void check(Object value, Map<String, Object> schema, String path, List<String> out) {
        if (schema.isEmpty()) {
            return;
        }
        if (value == null) {
            if (!Y.isTrue(schema.get("nullable"))) {
                out.add(path + ": null is not allowed");
            }
            return;
        }
        if (!typeFits(value, schema)) {
            out.add(path + ": expected " + expectedType(schema) + ", got " + describe(value));
            return;
        }
        List<Object> allowed = Y.list(schema.get("enum"));
        if (!allowed.isEmpty() && allowed.stream().noneMatch(a -> Objects.equals(String.valueOf(a), String.valueOf(value)))) {
            out.add(path + ": " + value + " is not one of " + allowed);
        }
        if (value instanceof Number n) {
            Object min = schema.get("minimum");
            Object max = schema.get("maximum");
            if (min instanceof Number m && n.doubleValue() < m.doubleValue()) {
                out.add(path + ": " + n + " is below the minimum " + m);
            }
            if (max instanceof Number m && n.doubleValue() > m.doubleValue()) {
                out.add(path + ": " + n + " is above the maximum " + m);
            }
        }
        if (value instanceof String s && schema.get("pattern") instanceof String p && !Pattern.compile(p).matcher(s).find()) {
            out.add(path + ": \"" + s + "\" does not match " + p);
        }
        if (value instanceof List<?> items) {
            if (schema.get("minItems") instanceof Number m && items.size() < m.intValue()) {
                out.add(path + ": " + items.size() + " item(s), at least " + m + " needed");
            }
            Map<String, Object> itemSchema = Y.map(schema.get("items"));
            for (int i = 0; i < items.size(); i++) {
                check(items.get(i), itemSchema, path + "[" + i + "]", out);
            }
        }
        if (value instanceof Map<?, ?> raw) {
            Map<String, Object> object = Y.map(raw);
            Map<String, Object> properties = Y.map(schema.get("properties"));
            for (Object field : Y.list(schema.get("required"))) {
                if (!object.containsKey(String.valueOf(field))) {
                    out.add(path + ": required field \"" + field + "\" is missing");
                }
            }
            Object additional = schema.get("additionalProperties");
            boolean open = Y.isTrue(schema.get("x-kubernetes-preserve-unknown-fields")) || Boolean.TRUE.equals(additional)
                    || (properties.isEmpty() && additional == null);
            for (Map.Entry<String, Object> e : object.entrySet()) {
                String child = path + "." + e.getKey();
                if (properties.containsKey(e.getKey())) {
                    check(e.getValue(), Y.map(properties.get(e.getKey())), child, out);
                } else if (additional instanceof Map<?, ?> a) {
                    check(e.getValue(), Y.map(a), child, out);
                } else if (!open) {
                    out.add(child + ": unknown field \"" + e.getKey() + "\" (known: " + properties.keySet() + ")");
                }
            }
        }
        alternatives(value, schema, path, out);
    }

    /** oneOf: exactly one alternative fits; anyOf: at least one (Strimzi states "one of these fields" this way). */
    private static void alternatives(Object value, Map<String, Object> schema, String path, List<String> out) {
        List<Map<String, Object>> oneOf = Y.maps(schema.get("oneOf"));
        if (!oneOf.isEmpty()) {
            long fitting = oneOf.stream().filter(alt -> validate(value, alt, path).isEmpty()).count();
            if (fitting != 1) {
                out.add(path + ": must fit exactly one of " + oneOf.size() + " alternatives (oneOf), fits " + fitting);
            }
        }
        List<Map<String, Object>> anyOf = Y.maps(schema.get("anyOf"));
        if (!anyOf.isEmpty() && anyOf.stream().noneMatch(alt -> validate(value, alt, path).isEmpty())) {
            out.add(path + ": fits none of the " + anyOf.size() + " alternatives (anyOf)");
        }
    }

    private static boolean typeFits(Object value, Map<String, Object> schema) {
        if (Y.isTrue(schema.get("x-kubernetes-int-or-string"))) {
            return value instanceof String || isInteger(value);
        }
        String type = Y.str(schema.get("type"));
        if (type == null) {
            return true;
        }
        return switch (type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> isInteger(value);
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            default -> true;
        };
    }

    private static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
    }

    private static String expectedType(Map<String, Object> schema) {
        return Y.isTrue(schema.get("x-kubernetes-int-or-string")) ? "an integer or a string" : "type " + schema.get("type");
    }

    private static String describe(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        String kind = value instanceof String ? "string" : value instanceof Boolean ? "boolean" : Set.of(Integer.class, Long.class).contains(value.getClass()) ? "integer" : value.getClass().getSimpleName();
        return kind + " " + (value instanceof String ? "\"" + value + "\"" : value);
    }
}
