package sh.grassroots.org.access.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

/**
 * One endpoint as a test calls it: method, path and body with {@code {placeholders}} filled from
 * the fixture's ids. The access tests run every endpoint of a resource through the same checks.
 */
record ScopedCall(String name, String method, String path, String body) {

    static ScopedCall get(String path) {
        return new ScopedCall("GET " + path, "GET", path, null);
    }

    static ScopedCall post(String path, String body) {
        return new ScopedCall("POST " + path, "POST", path, body);
    }

    ValidatableResponse by(RequestSpecification as, Map<String, String> ids) {
        String p = fill(path, ids);
        if (body == null) {
            return method.equals("GET") ? as.get(p).then() : as.post(p).then();
        }
        return as.contentType(ContentType.JSON).body(fill(body, ids)).post(p).then();
    }

    private static String fill(String text, Map<String, String> ids) {
        String result = text;
        for (var id : ids.entrySet()) {
            result = result.replace("{" + id.getKey() + "}", id.getValue());
        }
        return result;
    }

    @Override
    public String toString() {
        return name;
    }
}
