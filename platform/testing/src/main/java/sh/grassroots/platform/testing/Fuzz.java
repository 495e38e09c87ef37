package sh.grassroots.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The inputs a fuzzer found to make writes answer 500, sent to any endpoint: a request an allowed
 * caller makes (captured as it goes out) is sent again with one thing changed at a time — a NUL
 * character in a text, a date in the year 300000 or 9999, a number at the edge of its type, a
 * {@code null} inside a list or instead of a value, a NUL in a query parameter, a path segment or
 * the {@code Idempotency-Key} — and, unchanged, eight times at once. Every answer must be below
 * 500, and a 4xx must be problem+json. A few hundred requests per service, no sleeps.
 */
public final class Fuzz {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern DATE_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T.*");
    private static final Set<String> NOT_REPLAYED = Set.of("content-length", "host", "connection", "accept-encoding");
    private static final int AT_ONCE = 8;

    private Fuzz() {
    }

    /** A request as it went out: method, absolute URI, headers and body (null without one). */
    public record Captured(String method, String uri, Map<String, String> headers, String body) {
    }

    /** One request of the fuzz: what was changed, and the request. */
    public record Probe(String what, Captured request) {
    }

    /** Runs {@code call} on {@code as} and answers the request it sent. */
    public static Captured capture(RequestSpecification as, Function<RequestSpecification, Response> call) {
        Captured[] seen = new Captured[1];
        call.apply(as.filter((request, response, context) -> {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header h : request.getHeaders()) {
                if (!NOT_REPLAYED.contains(h.getName().toLowerCase())) {
                    headers.put(h.getName(), h.getValue());
                }
            }
            Object body = request.getBody();
            seen[0] = new Captured(request.getMethod(), request.getURI(), headers, body == null ? null : body.toString());
            return context.next(request, response);
        }));
        if (seen[0] == null) {
            throw new IllegalStateException("The call sent no request");
        }
        return seen[0];
    }

    /** Every changed request made from {@code request}. */
    public static List<Probe> probes(Captured request) {
        List<Probe> probes = new ArrayList<>();
        if (request.body() != null && !request.body().isBlank()) {
            JsonNode body = parse(request.body());
            if (body != null) {
                for (Map.Entry<String, JsonNode> changed : bodyVariants(body).entrySet()) {
                    probes.add(new Probe("body " + changed.getKey(), new Captured(request.method(), request.uri(),
                            request.headers(), changed.getValue().toString())));
                }
            }
        }
        int query = request.uri().indexOf('?');
        if (query >= 0) {
            String[] parameters = request.uri().substring(query + 1).split("&");
            for (int i = 0; i < parameters.length; i++) {
                String[] changed = parameters.clone();
                changed[i] = changed[i] + "%00";
                probes.add(new Probe("query " + parameters[i] + "%00", new Captured(request.method(),
                        request.uri().substring(0, query + 1) + String.join("&", changed), request.headers(), request.body())));
            }
        }
        String path = query >= 0 ? request.uri().substring(0, query) : request.uri();
        String rest = query >= 0 ? request.uri().substring(query) : "";
        int start = path.indexOf("/api/") >= 0 ? path.indexOf("/api/") : path.indexOf("/inter-district/");
        String[] segments = path.substring(start).split("/");
        for (int i = 4; i < segments.length; i++) {
            String[] changed = segments.clone();
            changed[i] = changed[i] + "%00";
            probes.add(new Probe("path segment " + segments[i] + "%00", new Captured(request.method(),
                    path.substring(0, start) + String.join("/", changed) + rest, request.headers(), request.body())));
        }
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put("Idempotency-Key", "key\u0000" + System.nanoTime());
        probes.add(new Probe("Idempotency-Key with NUL", new Captured(request.method(), request.uri(), headers,
                request.body())));
        return probes;
    }

    /**
     * Sends {@code probe}; null when the answer is acceptable, else what was wrong with it. The
     * header probe goes over a plain socket (the HTTP client drops a NUL from a header on the way)
     * and must be the HTTP codec's bare 400: Netty refuses a NUL byte in a header before any route,
     * so such a request never reaches a resource, and no service can answer it with a body.
     */
    public static String send(Probe probe) {
        Captured request = probe.request();
        if (probe.what().startsWith("Idempotency-Key")) {
            RawExchange.Answer answer = RawExchange.send(request.method(), request.uri(), request.headers(), request.body());
            return answer.status() == 400 ? null : request.method() + " " + request.uri() + " [" + probe.what()
                    + "] -> " + answer.status() + " " + answer.body();
        }
        return judge(probe.what(), request, replay(request));
    }

    /** Sends the unchanged request eight times at once; the problems seen, empty when none. */
    public static List<String> sendAtOnce(Captured request) {
        List<String> problems = new ArrayList<>();
        for (Response answer : AtOnce.send(AT_ONCE, i -> replay(request))) {
            String problem = judge("8 at once", request, answer);
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /** Every probe of {@code request} and the eight at once; the problems seen, empty when none. */
    public static List<String> problemsWith(Captured request) {
        List<String> problems = new ArrayList<>();
        List<Probe> probes = probes(request);
        long started = System.nanoTime();
        for (Probe probe : probes) {
            String problem = send(probe);
            if (problem != null) {
                problems.add(problem);
            }
        }
        problems.addAll(sendAtOnce(request));
        System.out.printf("[fuzz] %s %s: %d probes and %d at once in %d ms, %d problems%n", request.method(),
                request.uri().replaceFirst("^https?://[^/]+", ""), probes.size(), AT_ONCE,
                (System.nanoTime() - started) / 1_000_000, problems.size());
        return problems;
    }

    /** Null for an answer below 500 that is problem+json when it is an error; else what was wrong. */
    public static String judge(String what, Captured request, Response answer) {
        return judge(what, request, answer.statusCode(), answer.contentType(), answer.asString());
    }

    private static String judge(String what, Captured request, int status, String contentType, String body) {
        boolean problem = contentType != null && contentType.startsWith("application/problem+json");
        if (status >= 500 || (status >= 400 && !problem)) {
            return request.method() + " " + request.uri() + " [" + what + "] -> " + status + " "
                    + (body.length() > 300 ? body.substring(0, 300) : body);
        }
        return null;
    }

    public static Response replay(Captured request) {
        RequestSpecification spec = RestAssured.given().urlEncodingEnabled(false).headers(request.headers());
        if (request.body() != null) {
            spec = spec.body(request.body());
        }
        return spec.request(request.method(), request.uri());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    /** Each leaf of the body changed in each way that broke a service once, keyed by what changed. */
    static Map<String, JsonNode> bodyVariants(JsonNode body) {
        Map<String, JsonNode> variants = new LinkedHashMap<>();
        collect(body, body, "", variants);
        return variants;
    }

    private static void collect(JsonNode root, JsonNode node, String path, Map<String, JsonNode> variants) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> collect(root, node.get(name), path + "/" + name, variants));
        } else if (node.isArray()) {
            variants.put(path + " with a null inside", replaced(root, path, withNull((ArrayNode) node)));
            for (int i = 0; i < node.size(); i++) {
                collect(root, node.get(i), path + "/" + i, variants);
            }
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (path.isEmpty()) {
            return;
        }
        variants.put(path + " = null", replaced(root, path, f.nullNode()));
        if (node.isTextual()) {
            String text = node.asText();
            variants.put(path + " with NUL", replaced(root, path, f.textNode(text + "\u0000x")));
            variants.put(path + " 5000 characters long", replaced(root, path, f.textNode("长".repeat(5000))));
            if (DATE.matcher(text).matches()) {
                variants.put(path + " in the year 300000", replaced(root, path, f.textNode("+300000" + text.substring(4))));
                variants.put(path + " in the year 9999", replaced(root, path, f.textNode("9999" + text.substring(4))));
                variants.put(path + " in the year 1", replaced(root, path, f.textNode("0001" + text.substring(4))));
            } else if (DATE_TIME.matcher(text).matches()) {
                variants.put(path + " in the year 300000", replaced(root, path, f.textNode("+300000" + text.substring(4))));
                variants.put(path + " in the year 9999", replaced(root, path, f.textNode("9999" + text.substring(4))));
            }
        } else if (node.isNumber()) {
            variants.put(path + " = 2147483647", replaced(root, path, f.numberNode(Integer.MAX_VALUE)));
            variants.put(path + " = -2147483648", replaced(root, path, f.numberNode(Integer.MIN_VALUE)));
            variants.put(path + " = 1e300", replaced(root, path, f.numberNode(1e300)));
            variants.put(path + " = 0", replaced(root, path, f.numberNode(0)));
        }
    }

    private static ArrayNode withNull(ArrayNode array) {
        ArrayNode copy = array.deepCopy();
        copy.addNull();
        return copy;
    }

    /** A copy of {@code root} with the node at {@code path} (JSON pointer) replaced by {@code value}. */
    private static JsonNode replaced(JsonNode root, String path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        int slash = path.lastIndexOf('/');
        JsonNode parent = slash == 0 ? copy : copy.at(path.substring(0, slash));
        String last = path.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
        return copy;
    }
}
