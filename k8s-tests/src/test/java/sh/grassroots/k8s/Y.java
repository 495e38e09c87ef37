package sh.grassroots.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Small helpers to walk the maps and lists SnakeYAML produces. */
final class Y {
    private Y() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List ? (List<Object>) o : List.of();
    }

    static List<Map<String, Object>> maps(Object o) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object e : list(o)) {
            if (e instanceof Map) {
                out.add(map(e));
            }
        }
        return out;
    }

    /** Follows a dotted path of map keys ("spec.template.spec"); null when any step is missing. */
    static Object at(Object root, String path) {
        Object cur = root;
        for (String key : path.split("\\.")) {
            if (!(cur instanceof Map)) {
                return null;
            }
            cur = ((Map<?, ?>) cur).get(key);
        }
        return cur;
    }

    static Map<String, Object> mapAt(Object root, String path) {
        return map(at(root, path));
    }

    static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    static String strAt(Object root, String path) {
        return str(at(root, path));
    }

    static Integer integer(Object o) {
        if (o instanceof Number n) {
            return n.intValue();
        }
        if (o instanceof String s && s.trim().matches("-?\\d+")) {
            return Integer.parseInt(s.trim());
        }
        return null;
    }

    static boolean isTrue(Object o) {
        return Boolean.TRUE.equals(o) || "true".equals(o);
    }

    static String kind(Map<String, Object> doc) {
        return str(doc.get("kind"));
    }

    static String name(Map<String, Object> doc) {
        return strAt(doc, "metadata.name");
    }

    static Map<String, String> stringMap(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        map(o).forEach((k, v) -> out.put(k, v == null ? "" : String.valueOf(v)));
        return out;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(kind(d))).toList();
    }

    static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(kind(d)) && Objects.equals(name, name(d))).findFirst().orElse(null);
    }

    /** Kubernetes memory quantity in bytes (Ki, Mi, Gi, K, M, G or plain bytes); -1 if unparsable. */
    static long bytes(Object quantity) {
        if (quantity == null) {
            return -1;
        }
        String q = String.valueOf(quantity).trim();
        String[][] units = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
                {"k", "1000"}, {"K", "1000"}, {"M", "1000000"}, {"G", "1000000000"}};
        for (String[] u : units) {
            if (q.endsWith(u[0])) {
                try {
                    return (long) (Double.parseDouble(q.substring(0, q.length() - u[0].length())) * Long.parseLong(u[1]));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        try {
            return (long) Double.parseDouble(q);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
