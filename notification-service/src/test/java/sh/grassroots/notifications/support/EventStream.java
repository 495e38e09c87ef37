package sh.grassroots.notifications.support;

import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.CallerHeaders;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A server-sent events client as a phone runs it: opens the stream, reads events as they come
 * (line by line, never the whole body), and hands each complete event to the test.
 */
public final class EventStream implements AutoCloseable {
    public record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final HttpResponse<java.io.InputStream> response;

    private EventStream(HttpResponse<java.io.InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        if (response.statusCode() < 300) {
            reader.start();
        }
    }

    /** Opens {@code url} with the given headers (a caller's, a bearer token, Last-Event-ID). */
    public static EventStream open(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        HttpResponse<java.io.InputStream> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new EventStream(response);
    }

    public static Map<String, String> headersOf(Caller caller) {
        Map<String, String> headers = new java.util.HashMap<>();
        BiConsumer<String, String> put = headers::put;
        CallerHeaders.write(caller, put);
        return headers;
    }

    public int status() {
        return response.statusCode();
    }

    /** The problem's type of a refused stream (its body is a problem+json document, not a stream). */
    public String problemType() throws java.io.IOException {
        reader.interrupt();
        String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        java.util.regex.Matcher type = java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        return type.find() ? type.group(1) : null;
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event, or null when none came within {@code timeout}. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).strip());
                }
            }
        } catch (java.io.IOException e) {
            // the stream was closed
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (java.io.IOException ignored) {
            // closing
        }
        reader.interrupt();
    }
}
