package sh.grassroots.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line exactly as written, over a plain socket: HTTP client libraries normalize or
 * re-encode paths, which would hide the very tricks these tests are about.
 */
final class RawHttp {
    record Answer(int status, String contentType, String body) {
        /** The problem type's slug ({@code urn:grassroots:problem:<slug>}), read from the body. */
        String slug() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"urn:grassroots:problem:([^\"]+)\"")
                    .matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    private RawHttp() {
    }

    static Answer send(int port, String method, String target, String bearer) {
        return send(port, method + " " + target + " HTTP/1.1", bearer, java.util.Map.of());
    }

    static Answer send(int port, String requestLine, String bearer, java.util.Map<String, String> headers) {
        String body = requestLine.startsWith("GET ") || requestLine.startsWith("HEAD ") ? "" : "{}";
        StringBuilder head = new StringBuilder(requestLine).append("\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (!body.isEmpty()) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length()).append("\r\n");
        }
        head.append("\r\n").append(body);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }

    private static Answer parse(byte[] raw) {
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
        // ISO-8859-1 keeps one char per byte, so chunk sizes count right; the body itself is UTF-8
        return new Answer(status, contentType, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
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
