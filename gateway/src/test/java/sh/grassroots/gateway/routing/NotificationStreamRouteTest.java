package sh.grassroots.gateway.routing;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import sh.grassroots.gateway.TestKeys;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notification stream passes the gateway as a stream: each event reaches the phone when the
 * service writes it (the answer never ends, so a buffering proxy would deliver nothing), a pause
 * longer than the request idle timeout does not cut it, and open streams take no slot of the
 * upstream's bulkhead (three streams open where one request slot is all there is).
 */
@QuarkusTest
@TestProfile(NotificationStreamRouteTest.TightUpstream.class)
class NotificationStreamRouteTest {
    public static class TightUpstream implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.upstream.timeout-ms", "500",
                    "gateway.bulkhead.max-in-flight", "1",
                    "gateway.bulkhead.max-waiting", "1",
                    "gateway.bulkhead.max-wait-ms", "200");
        }
    }

    @TestHTTPResource("/api/v1/me/notifications/stream")
    URL stream;

    @Test
    void streams_arrive_event_by_event_outlive_the_request_timeout_and_hold_no_bulkhead_slot() throws Exception {
        String token = "Bearer " + TestKeys.sign(TestKeys.person("member-1"));
        HttpClient http = HttpClient.newHttpClient();
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(stream + "?sse=1500"))
                        .header("Authorization", token).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, response.statusCode());
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
                open.add(response);
            }
            for (HttpResponse<InputStream> response : open) {
                BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                assertEquals("id: 1", CompletableFuture.supplyAsync(() -> readLine(lines)).get(10, TimeUnit.SECONDS));
                List<String> rest = new ArrayList<>();
                CompletableFuture.runAsync(() -> {
                    for (String line; !(line = readLine(lines)).equals("id: 2"); ) {
                        rest.add(line);
                    }
                }).get(10, TimeUnit.SECONDS);
                assertTrue(rest.contains("data: {\"n\":1}"), rest.toString());
            }
        } finally {
            for (HttpResponse<InputStream> response : open) {
                response.body().close();
            }
        }
        // and an ordinary request still finds the one slot free
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(stream.toString().replace("/stream", "")))
                .header("Authorization", token).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, plain.statusCode());
    }

    private static String readLine(BufferedReader lines) {
        try {
            String line = lines.readLine();
            if (line == null) {
                throw new IllegalStateException("the stream ended");
            }
            return line;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
