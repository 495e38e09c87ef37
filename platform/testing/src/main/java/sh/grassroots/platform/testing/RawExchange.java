package sh.grassroots.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 exchange over a plain socket, the bytes as given: for what client libraries do not
 * send as written (they normalize or re-encode a path, and drop or change a NUL character in a
 * header), which is exactly what the tests of path tricks and unstorable input are about.
 */
public final class RawExchange {
    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"urn:grassroots:problem:([^\"]+)\"");

    private RawExchange() {
    }

    /** Status, Content-Type (null when none) and body (chunked transfer decoded, UTF-8) of the answer. */
    public record Answer(int status, String contentType, String body) {
        /** The problem type's slug ({@code urn:grassroots:problem:<slug>}); null when the body is no problem. */
        public String slug() {
            Matcher m = PROBLEM_TYPE.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    public static Answer send(String method, String absoluteUri, Map<String, String> headers, String body) {
        URI uri = URI.create(absoluteUri);
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return exchange(uri.getHost(), uri.getPort(), method + " " + target + " HTTP/1.1", headers, body);
    }

    /**
     * The request line exactly as written ({@code "GET //api/v1/x HTTP/1.1"}), to 127.0.0.1:port, as
     * an app would send it: with {@code bearer} (when not null) as its token and, unless it is a GET
     * or HEAD, an empty JSON object as its body.
     */
    public static Answer sendLine(int port, String requestLine, String bearer, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (bearer != null) {
            all.put("Authorization", "Bearer " + bearer);
        }
        boolean bodiless = requestLine.startsWith("GET ") || requestLine.startsWith("HEAD ");
        if (!bodiless) {
            all.put("Content-Type", "application/json");
        }
        return exchange("127.0.0.1", port, requestLine, all, bodiless ? null : "{}");
    }

    /** {@link #sendLine} with no other header. */
    public static Answer sendLine(int port, String requestLine, String bearer) {
        return sendLine(port, requestLine, bearer, Map.of());
    }

    /** {@link #sendLine} for {@code method target HTTP/1.1} with no other header. */
    public static Answer sendLine(int port, String method, String target, String bearer) {
        return sendLine(port, method + " " + target + " HTTP/1.1", bearer, Map.of());
    }

    private static Answer exchange(String host, int port, String requestLine, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(requestLine).append("\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("connection")
                    && !name.equalsIgnoreCase("content-length")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("No answer from " + host + ":" + port + " to " + requestLine, e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        // ISO-8859-1 keeps one char per byte, so chunk sizes count right; the body itself is UTF-8
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int endOfHead = all.indexOf("\r\n\r\n");
        String head = endOfHead < 0 ? all : all.substring(0, endOfHead);
        String rest = endOfHead < 0 ? "" : all.substring(endOfHead + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = null;
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).trim();
            }
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        String body = chunked ? dechunk(rest) : rest;
        return new Answer(status, contentType, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
