package sh.grassroots.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real headless Chromium (Debian's package) driven over W3C WebDriver by Debian's chromedriver:
 * clicks are real input events, pages run their own scripts. Only what the console tests need.
 * Started with the flags this machine kind needs (no background networking: the network is closed).
 */
public final class Browser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Process driver;
    private final Path profile;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Browser(Process driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** Starts chromedriver on a free port and opens a headless Chromium session of {@code width}×{@code height}. */
    public static Browser start(Path logs, int width, int height) throws Exception {
        String chromium = executable("CHROMIUM", "/usr/bin/chromium");
        String chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(logs);
        Process driver = new ProcessBuilder(chromedriver, "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(logs.resolve("chromedriver.log").toFile()).start();
        Path profile = Files.createTempDirectory("console-chromium-");
        Browser browser = new Browser(driver, profile, "http://127.0.0.1:" + port);
        try {
            browser.awaitDriver();
            browser.newSession(chromium, width, height);
        } catch (Exception | Error e) {
            browser.close();
            throw e;
        }
        return browser;
    }

    private static String executable(String env, String fallback) {
        String path = System.getenv().getOrDefault(env, fallback);
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: bin/test installs Debian's chromium and chromium-driver"
                    + " (apt-get install -y chromium chromium-driver) when it runs as root");
        }
        return path;
    }

    private String session;

    private void awaitDriver() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!driver.isAlive()) {
                throw new IllegalStateException("chromedriver exited");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver did not start");
    }

    private void newSession(String chromium, int width, int height) throws Exception {
        ObjectNode options = JSON.createObjectNode().put("binary", chromium);
        ArrayNode args = options.putArray("args");
        for (String arg : List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=zh-CN", "--force-device-scale-factor=1")) {
            args.add(arg);
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("capabilities").putObject("alwaysMatch").put("browserName", "chrome")
                .set("goog:chromeOptions", options);
        session = post("/session", body).path("sessionId").asText();
    }

    public void open(String url) throws Exception {
        post("/session/" + session + "/url", JSON.createObjectNode().put("url", url));
    }

    /** Runs {@code script} (a function body; arguments in {@code arguments}) in the page and returns its value. */
    public JsonNode script(String script, Object... arguments) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("script", script);
        ArrayNode args = body.putArray("args");
        for (Object a : arguments) {
            args.add(JSON.valueToTree(a));
        }
        return post("/session/" + session + "/execute/sync", body);
    }

    /** The first element matching {@code css}, waiting until there is one. */
    public String find(String css) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = send("POST", "/session/" + session + "/element",
                    JSON.createObjectNode().put("using", "css selector").put("value", css));
            if (last.has(ELEMENT)) {
                return last.get(ELEMENT).asText();
            }
            Thread.sleep(150);
        }
        throw new AssertionError("no element " + css + " within " + WAIT + " (last answer " + last + "); page text:\n"
                + pageText());
    }

    public void click(String css) throws Exception {
        String element = find(css);
        script("arguments[0].scrollIntoView({block: 'center'})", elementRef(element));
        post("/session/" + session + "/element/" + element + "/click", JSON.createObjectNode());
    }

    public void type(String css, String text) throws Exception {
        String element = find(css);
        post("/session/" + session + "/element/" + element + "/clear", JSON.createObjectNode());
        post("/session/" + session + "/element/" + element + "/value", JSON.createObjectNode().put("text", text));
    }

    public String text(String css) throws Exception {
        return post("/session/" + session + "/element/" + find(css) + "/text", null, "GET").asText();
    }

    /** Waits until the text of {@code css} satisfies {@code expected}; returns it. */
    public String waitForText(String css, Predicate<String> expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String text = null;
        while (System.nanoTime() < deadline) {
            try {
                text = text(css);
                if (expected.test(text)) {
                    return text;
                }
            } catch (AssertionError | IllegalStateException notYet) {
                // not there, or re-rendered while read
            }
            Thread.sleep(150);
        }
        throw new AssertionError("text of " + css + " was " + text + "; page text:\n" + pageText());
    }

    /** Waits until the page has no element matching {@code css}. */
    public void waitForNone(String css) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (script("return document.querySelector(arguments[0]) === null", css).asBoolean()) {
                return;
            }
            Thread.sleep(150);
        }
        throw new AssertionError(css + " is still on the page:\n" + pageText());
    }

    public String pageText() throws Exception {
        return script("return document.body ? document.body.innerText : ''").asText();
    }

    public void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        // wait for the chart and fonts to settle
        script("return document.fonts ? document.fonts.status : 'loaded'");
        Thread.sleep(300);
        Files.write(file, Base64.getDecoder().decode(post("/session/" + session + "/screenshot", null, "GET").asText()));
    }

    public void resize(int width, int height) throws Exception {
        post("/session/" + session + "/window/rect", JSON.createObjectNode().put("width", width).put("height", height));
    }

    private static ObjectNode elementRef(String element) {
        return JSON.createObjectNode().put(ELEMENT, element);
    }

    private JsonNode post(String path, JsonNode body) throws Exception {
        return post(path, body, "POST");
    }

    private JsonNode post(String path, JsonNode body, String method) throws Exception {
        JsonNode value = send(method, path, body);
        if (value.has("error")) {
            throw new IllegalStateException(method + " " + path + ": " + value);
        }
        return value;
    }

    /** The {@code value} of a WebDriver answer (an error's value holds {@code error} and {@code message}). */
    private JsonNode send(String method, String path, JsonNode body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("value");
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                send("DELETE", "/session/" + session, null);
            }
        } catch (Exception ignored) {
            // the driver is stopped below in any case
        }
        driver.destroy();
        try {
            if (!driver.waitFor(10, TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory
        }
    }
}
